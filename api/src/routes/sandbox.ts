/** GET /sandbox: try Payside without Outlook (demo organisation only). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { problem } from '../lib/problem';
import { cspNonce } from '../lib/security-headers';
import type { AppEnv } from '../lib/types';
import { renderSandboxPage, type SandboxItem } from '../sandbox/render-sandbox-page';

export interface SandboxSettings {
  /** The built pane (addin-outlook/dist). */
  paneDir: string;
  /** A token of the demo organisation the sandbox pane uses. */
  token: string;
  user: { name: string; email: string };
  items: SandboxItem[];
  gmailPreview?: boolean;
}

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The sandbox page and its pane (the real taskpane.html with office.js swapped for the scripted mailbox). */
export function sandboxRoutes(settings: SandboxSettings) {
  const app = new Hono<AppEnv>();
  app.get('/sandbox', (c) =>
    c.html(
      renderSandboxPage({
        mailbox: { user: settings.user, locale: 'en-GB', items: settings.items, index: 0 },
        items: settings.items,
        token: settings.token,
        gmailPreview: settings.gmailPreview ?? false,
        nonce: cspNonce(c),
      }),
    ),
  );
  app.get('/sandbox/pane', (c) => {
    const file = join(settings.paneDir, 'taskpane.html');
    if (!existsSync(file)) return problem(c, 'internal', 'The task pane is not built: run npm run build');
    const html = readFileSync(file, 'utf8');
    if (!html.includes(OFFICE_JS)) return problem(c, 'internal', 'taskpane.html does not load office.js as expected');
    return c.html(html.replace(OFFICE_JS, '/outlook/sandbox/office-fake.js'));
  });
  return app;
}
