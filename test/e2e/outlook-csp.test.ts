/**
 * The task pane and the /sandbox page under their real Content-Security-Policy in
 * Chromium: they render, and the browser reports no violation (no "Refused to …").
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { repoRoot } from '../helpers/spawn';
import { indexOf, openPane, startPaneHarness, type PaneHarness } from './pane-harness';

let h: PaneHarness;
beforeAll(async () => {
  h = await startPaneHarness();
});
afterAll(() => h?.close());

/** Collects CSP violations: console messages and `securitypolicyviolation` events of every frame. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy|violates the following/i.test(m.text())) messages.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window.top as unknown as { __cspViolations?: string[] };
      (w.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => [...messages, ...((await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])) as string[])];
}

describe('Content-Security-Policy in the browser', () => {
  it('the pane renders a customer and follows the selected message without a single violation', async () => {
    const pane = await openPane(h, { index: indexOf(h, 'demo-01') });
    const seen = await watchCsp(pane);
    await pane.reload();
    await pane.getByRole('heading', { level: 2, name: 'Acme Industrial Ltd' }).waitFor();
    const header = (await pane.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')))) ?? '';
    expect(header).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    await pane.evaluate((i) => window.__paysideOutlook?.select(i), indexOf(h, 'demo-02'));
    await pane.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await seen()).toEqual([]);
    expect(pane.errors).toEqual([]);
    // The policy is enforced (and this watch sees it): a plain-http image, say a tracking pixel, is refused.
    await pane.evaluate(() => document.body.append(Object.assign(new Image(), { src: 'http://tracker.example/pixel.gif' })));
    await expect.poll(seen).toContainEqual(expect.stringMatching(/img-src.*tracker\.example/));
    await pane.close();
  });

  it('the /sandbox page runs its own nonce scripts and the pane beside it, without a violation', async () => {
    const paneDir = `${repoRoot}addin-outlook/dist`;
    const app = createApp({ db: h.database.db, paneDir, sandbox: { paneDir, token: h.tokens.collector, user: h.collector, items: h.mailbox, gmailPreview: false } });
    const { server, baseUrl } = await new Promise<{ server: ServerType; baseUrl: string }>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, baseUrl: `http://127.0.0.1:${info.port}` }));
    });
    const page = await h.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const seen = await watchCsp(page);
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${baseUrl}/sandbox`);
    const pane = page.frameLocator('#pane');
    await pane.getByRole('heading', { level: 2 }).first().waitFor();
    await page.locator('.msg').nth(1).click();
    expect(await page.locator('.msg').nth(1).getAttribute('aria-pressed')).toBe('true'); // the page's own (nonce) script ran
    expect(await seen()).toEqual([]);
    await page.close();
    await new Promise((resolve) => server.close(resolve));
  });
});
