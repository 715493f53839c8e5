/**
 * The Outlook pane in headless Chromium against the real API and database:
 * office.js's CDN URL is routed to the scripted mailbox; everything else is real.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../helpers/app';
import { demoMailbox, type DemoMailboxItem } from '../../api/src/seed/demo-mailbox';
import { DEMO_USERS } from '../../api/src/seed/demo-directory';
import { seedDemo } from '../../api/src/seed/seed-demo';
import { createToken } from '../../api/src/services/tokens/create-token';
import { todayIn } from '../../api/src/services/org/get-org-settings';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { repoRoot } from '../helpers/spawn';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const artifacts = `${repoRoot}test/artifacts`;
const paneDir = `${repoRoot}addin-outlook/dist`;

export interface PaneHarness {
  baseUrl: string;
  database: TestDatabase;
  orgId: string;
  tokens: { collector: string; viewer: string; admin: string };
  collector: { name: string; email: string };
  mailbox: DemoMailboxItem[];
  browser: Browser;
  close(): Promise<void>;
}

export interface OpenPaneOptions {
  items?: unknown[];
  index?: number;
  width?: number;
  /** Token to sign in with; null opens the first-run screen. */
  token?: string | null;
  locale?: string;
}

/** Starts database + seeded demo org + API serving the built pane, and a browser. */
export async function startPaneHarness(): Promise<PaneHarness> {
  if (!existsSync(`${paneDir}/taskpane.html`)) throw new Error('addin-outlook/dist is missing: run npm run build');
  mkdirSync(artifacts, { recursive: true });
  const database = await createTestDatabase();
  const asOf = todayIn('UTC');
  const { orgId } = await seedDemo(database.db, { asOf });
  const user = (key: string) => DEMO_USERS.find((u) => u.key === key)!;
  const token = async (key: string) => (await createToken(database.db, { orgId, email: user(key).email, role: user(key).role }, 'test')).secret;
  const tokens = { collector: await token('marcus'), viewer: await token('tom'), admin: await token('dana') };
  const app = createApp({ db: database.db, paneDir });
  const { server, baseUrl } = await listen(app.fetch);
  const browser = await chromium.launch({
    executablePath: process.env.PAYSIDE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    baseUrl,
    database,
    orgId,
    tokens,
    collector: { name: user('marcus').name, email: user('marcus').email },
    mailbox: demoMailbox(asOf),
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; baseUrl: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, baseUrl: `http://127.0.0.1:${info.port}` }));
  });
}

/** Opens the task pane on a scripted mailbox; page errors and dialogs fail loudly. */
export async function openPane(h: PaneHarness, options: OpenPaneOptions = {}): Promise<Page & { errors: string[] }> {
  const page = (await h.browser.newPage({ viewport: { width: options.width ?? 350, height: 900 }, locale: options.locale ?? 'en-GB' })) as Page & { errors: string[] };
  page.errors = [];
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('dialog', (d) => {
    page.errors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  const fake = readFileSync(`${paneDir}/sandbox/office-fake.js`, 'utf8');
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: fake }));
  const data = { user: h.collector, locale: options.locale ?? 'en-GB', items: options.items ?? h.mailbox, index: options.index ?? 0 };
  const connection = options.token === null ? null : { serverUrl: h.baseUrl, token: options.token ?? h.tokens.collector, method: 'token' };
  await page.addInitScript(
    ([d, c]) => {
      (window as unknown as { __paysideMailboxData: unknown }).__paysideMailboxData = d;
      // Init scripts run in every frame, including the message viewer's sandboxed one (no storage there).
      if (c && window === window.top) localStorage.setItem('payside.connection.v1', JSON.stringify(c));
    },
    [data, connection] as const,
  );
  await page.goto(`${h.baseUrl}/outlook/taskpane.html`);
  return page;
}

/** The demo item with this id. */
export const itemById = (h: PaneHarness, id: string) => {
  const item = h.mailbox.find((m) => m.id === id);
  if (!item) throw new Error(`no demo item ${id}`);
  return item;
};

/** Index of a demo item in the mailbox. */
export const indexOf = (h: PaneHarness, id: string) => h.mailbox.findIndex((m) => m.id === id);

/** Selects another item like a pinned pane sees it (fires ItemChanged). */
export const selectItem = (page: Page, index: number) => page.evaluate((i) => window.__paysideOutlook?.select(i), index);

/** HTML the pane inserted into the compose body. */
export const insertedHtml = (page: Page) => page.evaluate(() => window.__paysideOutlook?.inserted ?? []);

declare global {
  interface Window {
    __paysideOutlook?: { select(i: number): void; inserted: string[] };
  }
}

/** The pane is exposed to assistive technology (no leftover aria-hidden from a closed dialog). */
export const paneHiddenFromScreenReaders = (page: Page) =>
  page.evaluate(() => document.getElementById('root')?.closest('[aria-hidden=true], [inert]') !== null);
