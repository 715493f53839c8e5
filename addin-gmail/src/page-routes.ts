/** GET pages of the Gmail add-on: the deployment descriptor and, for the demo only, the card preview (mounted at the root). */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../api/src/lib/types';
import { renderGmailDeployment } from '../../manifest/src/gmail-deployment';
import { renderGmailSandbox } from './sandbox/render-sandbox';

/** `/manifest/gmail-deployment.json` for `baseUrl` (PUBLIC_URL, else the listen address: never the request's Host). */
export function gmailDeploymentRoutes(baseUrl: () => string) {
  return new Hono<AppEnv>().get('/manifest/gmail-deployment.json', (c) => c.json(renderGmailDeployment(baseUrl())));
}

/** `/sandbox/gmail`: the demo mailbox's real cards; mounted only with the demo sandbox (it reads the demo organisation as the owner). */
export function gmailSandboxRoutes(baseUrl: () => string) {
  const app = new Hono<AppEnv>();
  // Preview buttons are inert: sign them with a throwaway key, never with the real one.
  const secret = randomBytes(32).toString('base64url');
  app.get('/sandbox/gmail', async (c) => {
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    const page = await renderGmailSandbox(c.get('db'), { baseUrl: baseUrl(), secret });
    if (page === null) return c.html('<!doctype html><title>Payside</title><p>The demo organisation (slug "demo") does not exist: start with PAYSIDE_SEED_DEMO=auto or run <code>npm run payside -- seed-demo</code>.</p>', 404);
    return c.html(page);
  });
  return app;
}
