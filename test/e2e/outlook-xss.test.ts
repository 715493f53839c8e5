/**
 * Email HTML is untrusted: logged raw, shown only sanitised in a sandboxed frame.
 * Forty hostile messages are logged (through the API and through the pane), then
 * opened one by one in the pane's message viewer in Chromium; nothing may run,
 * load, navigate or open a dialog. Subjects, snippets and names derived from the
 * same email must show as text.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, threads } from '../../api/src/db/schema';
import { seedContact, seedCustomer } from '../helpers/factories';
import { artifacts, OFFICE_JS, openPane, startPaneHarness, type PaneHarness } from './pane-harness';
import { remittanceEmail, xssPayloads, type Payload } from './xss-payloads';
import { frameViolations, startLeakServer, trapPage, unexpectedConsole, type LeakServer } from './xss-probe';

let h: PaneHarness;
let leak: LeakServer;
let payloads: Payload[];
const hostileName = `<img src=x onerror="top.__xss('name')">Eve <b>Ashby</b>`;
const subjectOf = (id: string) => `Invoice ${id} <script>top.__xss('subject-${id}')</script>`;
const snippetOf = (id: string) => `Snippet ${id} <svg onload="top.__xss('text-${id}')"></svg>`;

const logThread = async (threadId: string, customerId: string, list: Array<{ id: string; html: string; subject?: string; fromName?: string }>) => {
  const res = await fetch(`${h.baseUrl}/v1/threads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.tokens.collector}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      provider: 'outlook',
      threadId,
      customerId,
      messages: list.map((p, i) => ({
        internetMessageId: `<${p.id}@hostile.example>`,
        from: 'eve@hostile.example',
        fromName: p.fromName ?? hostileName,
        sentAt: new Date(Date.UTC(2026, 0, 1, 9, i)).toISOString(),
        subject: p.subject ?? subjectOf(p.id),
        bodyText: snippetOf(p.id),
        bodyHtml: p.html,
      })),
    }),
  });
  expect(res.status).toBe(201);
};

beforeAll(async () => {
  h = await startPaneHarness();
  leak = await startLeakServer();
  payloads = xssPayloads(leak.origin);
  const customer = await seedCustomer(h.database.db, h.orgId, { name: 'Hostile Holdings Ltd', currency: 'GBP', domains: ['hostile.example'] });
  await seedContact(h.database.db, h.orgId, customer.id, { email: 'ap@hostile.example', name: hostileName, role: 'payer' });
  await logThread('conv-xss', customer.id, payloads);
  await logThread('conv-remittance', customer.id, [{ id: 'remittance', html: remittanceEmail(), subject: 'Remittance advice: BACS payment £6,230.50', fromName: 'Eve Ashby' }]);
});
afterAll(async () => {
  await leak?.close();
  await h?.close();
});

const paneItem = (bodyHtml: string) => ({
  id: 'xss', mode: 'read', conversationId: 'conv-xss-pane', internetMessageId: '<pane@hostile.example>',
  from: { name: hostileName, address: 'eve@hostile.example' }, to: [{ name: h.collector.name, address: h.collector.email }], cc: [],
  subject: subjectOf('pane'), bodyText: snippetOf('pane'), bodyHtml, receivedAt: new Date().toISOString(),
});

const openHostile = async (bodyHtml = '<p>hello</p>') => {
  const page = await openPane(h, { items: [paneItem(bodyHtml)] });
  const traps = await trapPage(page, h.baseUrl, OFFICE_JS);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Hostile Holdings Ltd' }).waitFor();
  return { page, traps };
};

/** Pages the timeline back to its oldest item. */
const showAll = async (page: Awaited<ReturnType<typeof openPane>>) => {
  const more = page.getByRole('button', { name: 'Show more' });
  const items = page.locator('section[aria-labelledby=timeline-title] li');
  while (await more.count()) {
    const before = await items.count();
    await more.click();
    await expect.poll(() => items.count()).toBeGreaterThan(before);
  }
};

const viewerOf = (page: Awaited<ReturnType<typeof openPane>>) => page.getByRole('dialog');

describe('Hostile email HTML', () => {
  it('is stored exactly as logged, through the API and through the pane', async () => {
    const rows = await h.database.db.select({ key: messages.internetMessageId, html: messages.bodyHtml }).from(messages);
    for (const p of payloads) expect(rows.find((r) => r.key === `<${p.id}@hostile.example>`)?.html).toBe(p.html);

    const all = payloads.map((p) => p.html).join('\n');
    const { page, traps } = await openHostile(all);
    await page.getByRole('button', { name: 'Log to Hostile Holdings Ltd' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged to' }).waitFor();
    const [thread] = await h.database.db.select().from(threads).where(eq(threads.providerThreadId, 'conv-xss-pane'));
    const [row] = await h.database.db.select().from(messages).where(eq(messages.threadId, thread!.id));
    expect(row!.bodyHtml).toBe(all);
    expect(traps.calls).toEqual([]);
    await page.close();
  });

  it('never runs or loads anything when each message is opened in the viewer', { timeout: 240_000 }, async () => {
    const { page, traps } = await openHostile();
    const connections = leak.connections;
    await showAll(page);
    for (const p of payloads) {
      await page.getByRole('button', { name: `View message: ${subjectOf(p.id)}` }).click();
      const frame = viewerOf(page).locator('iframe[title="Message content"]');
      await frame.waitFor();
      expect(await frame.getAttribute('sandbox')).toBe('');
      const content = (await (await frame.elementHandle())!.contentFrame())!;
      const doc = await content.evaluate(() => ({ text: document.body.innerText, csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') }));
      expect(doc.text, p.id).toContain(`payload ${p.id}`);
      expect(doc.csp).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'");
      expect(await content.evaluate(frameViolations), p.id).toEqual([]);
      await viewerOf(page).getByRole('button', { name: 'Close' }).click();
      await viewerOf(page).waitFor({ state: 'detached' });
    }
    expect(traps.calls).toEqual([]);
    expect(leak.connections).toBe(connections);
    expect(traps.foreign).toEqual([]);
    expect(traps.routed).toEqual([]);
    expect(unexpectedConsole(traps)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('blocks remote images until the user asks, then allows https images only', async () => {
    const { page, traps } = await openHostile();
    await showAll(page);
    await page.getByRole('button', { name: 'View message: Remittance advice: BACS payment £6,230.50' }).click();
    const viewer = viewerOf(page);
    await viewer.getByText('2 remote images were blocked to protect your privacy.').waitFor();
    const frame = () => viewer.locator('iframe').elementHandle().then((e) => e!.contentFrame()).then((f) => f!);
    const images = async () => (await frame()).evaluate(() => [...document.images].map((i) => i.getAttribute('src')));
    await viewer.locator('iframe').waitFor();
    expect(await images()).toEqual([null, null, null]);
    await page.screenshot({ path: `${artifacts}/outlook-message-viewer.png` });

    await viewer.getByRole('button', { name: 'Show remote images' }).click();
    await expect.poll(images).toEqual(['https://img.payside.test/hostile-logo.png', null, null]);
    expect(await (await frame()).evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toContain('img-src data: https:;');
    // The frame inherits the pane's CSP too: the https image loads only where that policy allows https images.
    const paneCsp = (await fetch(`${h.baseUrl}/outlook/taskpane.html`)).headers.get('content-security-policy') ?? '';
    if (!paneCsp || /(?:^|;)\s*img-src[^;]*\shttps:/.test(paneCsp)) {
      await expect.poll(() => traps.routed).toEqual(['https://img.payside.test/hostile-logo.png']);
      await page.screenshot({ path: `${artifacts}/outlook-message-viewer-images.png` });
    } else {
      await expect.poll(() => traps.consoleErrors.some((m) => m.text.startsWith("Loading the image 'https://img.payside.test/hostile-logo.png' violates"))).toBe(true);
      expect(traps.routed).toEqual([]);
    }
    expect(traps.routed.filter((url) => url.startsWith('http:'))).toEqual([]);
    expect(traps.calls).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows subjects, snippets, sender and contact names from email as text', async () => {
    const { page, traps } = await openHostile();
    await showAll(page);
    const timeline = page.locator('section[aria-labelledby=timeline-title]');
    await timeline.getByText(subjectOf('p40'), { exact: true }).waitFor();
    await timeline.getByText(snippetOf('p40'), { exact: true }).waitFor();
    expect(await timeline.textContent()).toContain(hostileName);
    await page.getByText(hostileName, { exact: true }).first().waitFor();
    // Not even a blocked attempt: no email text reached an HTML parser in the pane.
    expect(traps.consoleErrors).toEqual([]);
    await page.getByRole('button', { name: `View message: ${subjectOf('p02')}` }).click();
    expect(await page.getByTestId('message-from').textContent()).toContain(`From ${hostileName} <eve@hostile.example>`);
    await expect(page.getByRole('heading', { name: subjectOf('p02') }).count()).resolves.toBe(1);
    const injected = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
      elements: document.querySelectorAll('img, math, marquee, details, object, embed, b, iframe:not([sandbox=""])').length,
      scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
    }));
    expect(injected).toEqual({ handlers: 0, elements: 0, scripts: 0 });
    expect(traps.calls).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('would notice a payload that ran (control: the same traps and payloads on an unprotected page)', async () => {
    const page = await h.browser.newPage();
    const traps = await trapPage(page, h.baseUrl, OFFICE_JS);
    const connections = leak.connections;
    const p02 = payloads.find((p) => p.id === 'p02')!.html;
    const frame = `${p02}<img src="${leak.origin}/control.gif">`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    await page.goto(`data:text/html,${encodeURIComponent(`<img src=x onerror="__xss('control')"><iframe sandbox="allow-scripts" srcdoc="${frame}"></iframe>`)}`);
    await expect.poll(() => [...traps.calls].sort()).toEqual(['control', 'p02']);
    await expect.poll(() => leak.connections).toBeGreaterThan(connections);
    await page.close();
  });
});
