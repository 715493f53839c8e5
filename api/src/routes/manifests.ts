/** GET /manifest/outlook.xml and /manifest/outlook.json, rendered for PUBLIC_URL (or the request's origin). */
import { Hono, type Context } from 'hono';
import { renderOutlookJsonManifest } from '../../../manifest/src/render-outlook-json-manifest';
import { renderOutlookXmlManifest } from '../../../manifest/src/render-outlook-xml-manifest';
import type { OutlookSettings } from './outlook-config';

/** The Outlook manifests as a plain sub-app, mounted at the root (no auth: Outlook fetches them when adding from a URL). */
export function outlookManifestRoutes(settings: OutlookSettings = {}) {
  const options = (c: Context) => ({ publicUrl: settings.publicUrl ?? new URL(c.req.url).origin, entraClientId: settings.entraClientId });
  return new Hono()
    .get('/manifest/outlook.xml', (c) => c.body(renderOutlookXmlManifest(options(c)), 200, { 'content-type': 'application/xml; charset=utf-8' }))
    .get('/manifest/outlook.json', (c) => c.json(renderOutlookJsonManifest(options(c))));
}
