/** Compose mode: the recipients' customer and the open-invoice statement inserted at the cursor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { client } from '../helpers/http';
import { artifacts, indexOf, insertedHtml, itemById, openPane, startPaneHarness, type PaneHarness } from './pane-harness';

let h: PaneHarness;
beforeAll(async () => {
  h = await startPaneHarness();
});
afterAll(() => h?.close());

describe('Outlook pane, compose mode', () => {
  it("shows the recipients' customer and inserts a statement with the right invoices and total", async () => {
    const draft = itemById(h, 'demo-draft-01');
    const page = await openPane(h, { index: indexOf(h, 'demo-draft-01') });
    await page.getByRole('heading', { level: 2, name: 'Globex Logistics' }).waitFor();
    await page.screenshot({ path: `${artifacts}/outlook-compose-mode.png`, fullPage: true });

    const api = client(createApp({ db: h.database.db }), h.tokens.collector);
    const context = await api.post('/v1/context', { provider: 'outlook', threadId: draft.conversationId, from: h.collector.email, to: draft.to.map((t) => t.address) });
    const open: Array<{ number: string; balance: number; currency: string }> = context.body.panel.openInvoices;
    expect(open.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Insert open-invoice statement' }).click();
    await page.getByText(/^Inserted \d+ open invoices/).waitFor();
    const [html] = await insertedHtml(page);
    expect(html).toContain('<table');
    for (const invoice of open) expect(html).toContain(invoice.number);
    const total = open.reduce((s, i) => s + i.balance, 0);
    const currency = open[0]!.currency;
    const formatted = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(total / 100);
    expect(html).toMatch(new RegExp(`Total ${currency}.*${formatted.replace(/[.,]/g, '\\$&')}`));
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
