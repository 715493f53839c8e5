/** GET /outlook/config.json: what the Outlook task pane needs before sign-in (no auth; nothing secret). */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { entraResourceUri } from '../../../manifest/src/outlook-addin';

/** The Outlook add-in's server-side settings (from PAYSIDE_ENTRA_* and PUBLIC_URL). */
export interface OutlookSettings {
  entraClientId?: string;
  publicUrl?: string;
  /** The delegated scope the API requires; access_as_user by default. */
  scope?: string;
}

export interface OutlookClientConfig {
  /** The API's Entra application id: the pane offers Microsoft sign-in when set. */
  entraClientId: string | null;
  /** The scope the pane requests through MSAL, api://<public host>/<client id>/<scope>. */
  apiScope: string | null;
}

/** The pane's configuration: Microsoft sign-in needs both the client id and the public URL (the scope's host). */
export function outlookClientConfig(settings: OutlookSettings): OutlookClientConfig {
  const entraClientId = settings.entraClientId ?? null;
  const apiScope = entraClientId && settings.publicUrl ? `${entraResourceUri(settings.publicUrl, entraClientId)}/${settings.scope ?? 'access_as_user'}` : null;
  return { entraClientId, apiScope };
}

/** The config route as a plain sub-app, mounted at the root. */
export function outlookConfigRoutes(settings: OutlookSettings = {}) {
  return new Hono().get('/outlook/config.json', cors({ origin: '*' }), (c) => {
    c.header('cache-control', 'no-cache');
    return c.json(outlookClientConfig(settings));
  });
}
