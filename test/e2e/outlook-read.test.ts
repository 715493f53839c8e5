/** Read mode in headless Chromium: matching, panel, logging, ItemChanged, picker, no match. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customerDomains, customers, messages, threads } from '../../api/src/db/schema';
import { artifacts, indexOf, itemById, openPane, selectItem, startPaneHarness, type PaneHarness } from './pane-harness';

let h: PaneHarness;
beforeAll(async () => {
  h = await startPaneHarness();
});
afterAll(() => h?.close());

const heading = (page: Awaited<ReturnType<typeof openPane>>, name: string) => page.getByRole('heading', { level: 2, name });

describe('Outlook pane, read mode', () => {
  it('shows the matched customer: label and reason, AR status, invoices, contacts, timeline', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-01') });
    await heading(page, 'Acme Industrial Ltd').waitFor();
    await expect(page.getByText('Reliable', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/invoices on time over the last year/).isVisible()).resolves.toBe(true);
    const status = page.getByRole('region', { name: 'AR status' });
    await expect(status.getByText('Outstanding').isVisible()).resolves.toBe(true);
    expect(await status.textContent()).toMatch(/£[\d,]+\.\d\d/);
    expect(await status.textContent()).toMatch(/On time\d+% of \d+/);
    await expect(page.getByRole('heading', { name: /Open invoices \(\d+\)/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Expected \d+ \w+ \d{4}/).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('primary payer').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Recent activity' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${artifacts}/outlook-read-mode.png`, fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('fits 320 px without horizontal scrolling, and every button has an accessible name', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-01'), width: 320 });
    await heading(page, 'Acme Industrial Ltd').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role=button], input, textarea')]
        .filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim() || (el as HTMLInputElement).labels?.length || el.getAttribute('aria-labelledby')))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    await page.close();
  });

  it('shows a hold banner with who set it', async () => {
    const [redwood] = await h.database.db.select({ domain: customerDomains.domain }).from(customerDomains).innerJoin(customers, eq(customers.id, customerDomains.customerId)).where(eq(customers.name, 'Redwood Data Systems Inc.'));
    const item = { ...itemById(h, 'demo-02'), id: 'rw', conversationId: 'conv-redwood', internetMessageId: '<rw@x>', from: { name: 'Pat', address: `pat@${redwood!.domain}` } };
    const page = await openPane(h, { items: [item] });
    const banner = page.getByRole('group', { name: 'Hold' }).or(page.locator('[aria-label="Hold"]'));
    await banner.first().waitFor();
    expect(await banner.first().textContent()).toMatch(/Don't chase until .*set by Tom Becker/);
    await page.close();
  });

  it('logs the thread in one click and says who logged it', async () => {
    const item = itemById(h, 'demo-01');
    const page = await openPane(h, { index: indexOf(h, 'demo-01') });
    await page.getByRole('button', { name: 'Log to Acme Industrial Ltd' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged to' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Logged to' }).textContent()).toMatch(/Logged to Acme Industrial Ltd by Marcus Oyelaran, (just now|now|\d+ seconds? ago)/);
    const [thread] = await h.database.db.select().from(threads).where(eq(threads.providerThreadId, item.conversationId));
    expect(thread).toBeDefined();
    const rows = await h.database.db.select().from(messages).where(eq(messages.threadId, thread!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ internetMessageId: item.internetMessageId, fromAddress: item.from.address, subject: item.subject });
    expect(rows[0]!.bodyText).toBe(item.bodyText);
    await page.close();
  });

  it('follows the selection (ItemChanged) and never shows the previous message’s customer', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-01') });
    await heading(page, 'Acme Industrial Ltd').waitFor();
    // Hold the next answer for Acme back, then move on before it arrives.
    let released!: () => void;
    const held = new Promise<void>((r) => (released = r));
    await page.route('**/v1/context', async (route) => {
      if ((route.request().postData() ?? '').includes('acme-industrial')) {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => {});
        released();
      } else await route.continue();
    });
    await selectItem(page, indexOf(h, 'demo-01'));
    await selectItem(page, indexOf(h, 'demo-02'));
    await heading(page, 'Globex Logistics').waitFor();
    await held;
    await page.waitForTimeout(300);
    await expect(heading(page, 'Acme Industrial Ltd').count()).resolves.toBe(0);
    await expect(heading(page, 'Globex Logistics').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('lets the user pick when the match is ambiguous, showing the reasons', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-03') });
    await page.getByRole('heading', { name: 'Which customer is this?' }).waitFor();
    await expect(page.getByText('Halden Group plc').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Halden Freight Ltd').isVisible()).resolves.toBe(true);
    await expect(page.getByText(/domain halden-group\.com belongs to this customer/).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${artifacts}/outlook-picker.png`, fullPage: true });
    await page.getByRole('button', { name: 'Show Halden Freight Ltd' }).click();
    await heading(page, 'Halden Freight Ltd').waitFor();
    await page.close();
  });

  it('with no match, finds a customer and adds the sender as a contact with a role', async () => {
    const item = itemById(h, 'demo-05');
    const page = await openPane(h, { index: indexOf(h, 'demo-05') });
    await page.getByRole('heading', { name: 'No customer matches this email' }).waitFor();
    await page.getByLabel('Find a customer').fill('Pinecrest');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Choose Pinecrest Hospitality Group' }).click();
    await page.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Billing' }).click();
    await page.getByRole('button', { name: 'Add contact and show' }).click();
    await heading(page, 'Pinecrest Hospitality Group').waitFor();
    const [row] = await h.database.db.select().from(contacts).where(eq(contacts.email, item.from.address.toLowerCase()));
    expect(row).toMatchObject({ role: 'billing', name: item.from.name });
    await selectItem(page, indexOf(h, 'demo-05'));
    await heading(page, 'Pinecrest Hospitality Group').waitFor();
    await page.close();
  });

  it('shows a message of a logged conversation as logged and adds it', async () => {
    const item = itemById(h, 'demo-07');
    const [thread] = await h.database.db.select().from(threads).where(eq(threads.providerThreadId, item.conversationId));
    const countMessages = async () => (await h.database.db.select({ n: count() }).from(messages).where(eq(messages.threadId, thread!.id)))[0]!.n;
    const before = await countMessages();
    const page = await openPane(h, { index: indexOf(h, 'demo-06') });
    await page.getByRole('status').filter({ hasText: 'Logged to Initech GmbH' }).waitFor();
    expect(await countMessages()).toBe(before);
    await selectItem(page, indexOf(h, 'demo-07'));
    await page.getByRole('status').filter({ hasText: 'Logged to Initech GmbH' }).waitFor();
    await expect.poll(countMessages).toBe(before + 1);
    const [added] = await h.database.db.select().from(messages).where(and(eq(messages.threadId, thread!.id), eq(messages.internetMessageId, item.internetMessageId!)));
    expect(added).toBeDefined();
    await page.close();
  });

  it('moves a logged thread to another customer and unlogs it from the menu', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-02') });
    await page.getByRole('button', { name: 'Log to Globex Logistics' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged to Globex Logistics' }).waitFor();
    await page.getByRole('button', { name: 'Thread actions' }).click();
    await page.getByRole('menuitem', { name: 'Move to another customer…' }).click();
    await page.getByRole('dialog').getByLabel('Find a customer').fill('Vektor');
    await page.getByRole('dialog').getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: /Move to Vektor/ }).click();
    await page.getByRole('status').filter({ hasText: /Logged to Vektor/ }).waitFor();
    await page.getByRole('button', { name: 'Thread actions' }).click();
    await page.getByRole('menuitem', { name: 'Unlog this thread' }).click();
    await page.getByRole('button', { name: /^Log to / }).waitFor();
    const rows = await h.database.db.select().from(threads).where(eq(threads.providerThreadId, itemById(h, 'demo-02').conversationId));
    expect(rows).toEqual([]);
    await page.close();
  });

  it('shows email text containing HTML and script as inert text', async () => {
    const item = itemById(h, 'demo-08');
    expect(item.bodyText).toContain('<script>');
    const page = await openPane(h, { index: indexOf(h, 'demo-08') });
    await page.getByRole('button', { name: /^Log to / }).click();
    await page.getByRole('status').filter({ hasText: 'Logged to' }).waitFor();
    const detail = page.getByTestId('timeline-detail').filter({ hasText: '<script>' });
    await detail.first().waitFor();
    const injected = await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('alert')).length + document.querySelectorAll('img[onerror], iframe[srcdoc]').length);
    expect(injected).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('offers a viewer no logging or collector actions', async () => {
    const page = await openPane(h, { index: indexOf(h, 'demo-01'), token: h.tokens.viewer });
    await heading(page, 'Acme Industrial Ltd').waitFor();
    await page.getByRole('button', { name: 'Add note' }).waitFor();
    await expect(page.getByRole('button', { name: /^Log to / }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Promise to pay' }).count()).resolves.toBe(0);
    await page.close();
  });
});
