/** GET /manifest/outlook.xml and /manifest/outlook.json, rendered for the server's base URL (never the request's Host). */
import { Hono } from 'hono';
import { renderOutlookJsonManifest } from '../../../manifest/src/render-outlook-json-manifest';
import { renderOutlookXmlManifest } from '../../../manifest/src/render-outlook-xml-manifest';
import type { OutlookSettings } from './outlook-config';

/**
 * The Outlook manifests as a plain sub-app, mounted at the root (no auth: Outlook fetches them when adding from a URL).
 * `baseUrl` is PUBLIC_URL, else the configured listen address: a Host or X-Forwarded-Host header never reaches them.
 */
export function outlookManifestRoutes(settings: OutlookSettings, baseUrl: () => string) {
  const options = () => ({ publicUrl: baseUrl(), entraClientId: settings.entraClientId });
  return new Hono()
    .get('/manifest/outlook.xml', (c) => c.body(renderOutlookXmlManifest(options()), 200, { 'content-type': 'application/xml; charset=utf-8' }))
    .get('/manifest/outlook.json', (c) => c.json(renderOutlookJsonManifest(options())));
}
