/** GET pages of the Gmail add-on: the deployment descriptor and the card preview (mounted at the root). */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../api/src/lib/types';
import { renderGmailDeployment } from '../../manifest/src/gmail-deployment';
import type { GmailSettings } from './config';
import { renderGmailSandbox } from './sandbox/render-sandbox';

/** `/manifest/gmail-deployment.json` (PUBLIC_URL, else the request's origin) and `/sandbox/gmail`. */
export function gmailPageRoutes(settings: GmailSettings | undefined) {
  const app = new Hono<AppEnv>();
  // Preview buttons are inert: sign them with a throwaway key, never with the real one.
  const secret = randomBytes(32).toString('base64url');
  const baseUrl = (url: string) => settings?.publicUrl ?? new URL(url).origin;
  app.get('/manifest/gmail-deployment.json', (c) => c.json(renderGmailDeployment(baseUrl(c.req.url))));
  app.get('/sandbox/gmail', async (c) => {
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    const page = await renderGmailSandbox(c.get('db'), { baseUrl: baseUrl(c.req.url), secret });
    if (page === null) return c.html('<!doctype html><title>Payside</title><p>The demo organisation (slug "demo") does not exist: start with PAYSIDE_SEED_DEMO=auto or run <code>npm run payside -- seed-demo</code>.</p>', 404);
    return c.html(page);
  });
  return app;
}
