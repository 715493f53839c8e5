/** The pane never disputes an invoice twice: an invoice in an open dispute leads to that dispute; every action clears the selection. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerDomains, customers, disputes } from '../../api/src/db/schema';
import { artifacts, itemById, openPane, startPaneHarness, type PaneHarness } from './pane-harness';

let h: PaneHarness;
let oakridge: { id: string; domain: string };

beforeAll(async () => {
  h = await startPaneHarness();
  const [row] = await h.database.db
    .select({ id: customers.id, domain: customerDomains.domain })
    .from(customers)
    .innerJoin(customerDomains, eq(customerDomains.customerId, customers.id))
    .where(eq(customers.name, 'Oakridge Construction Ltd'));
  oakridge = row!;
});
afterAll(() => h?.close());

const openOakridge = async () => {
  const item = { ...itemById(h, 'demo-02'), id: 'oak', conversationId: 'conv-oak', internetMessageId: '<oak@x>', from: { name: 'Sam Site', address: `sam@${oakridge.domain}` } };
  const page = await openPane(h, { items: [item] });
  await page.getByRole('heading', { level: 2, name: 'Oakridge Construction Ltd' }).waitFor();
  return page;
};

describe('Outlook pane: disputes', () => {
  it('marks invoices already in an open dispute, opens that dispute instead, and clears the selection after the action', async () => {
    const page = await openOakridge();
    const boxes = page.getByRole('checkbox', { name: /^Select / });
    const selectable = await boxes.count();
    expect(selectable).toBeGreaterThanOrEqual(1);
    const label = (await boxes.nth(0).getAttribute('aria-label'))!;
    const number = label.replace(/^Select /, '');
    await boxes.nth(0).check();
    await page.getByRole('button', { name: 'Dispute selected (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a dispute' });
    await dialog.getByLabel('What is disputed').fill('Wrong unit price on line 3');
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The disputed invoice has no checkbox any more but a way to its dispute; nothing stays selected.
    const toDispute = page.getByRole('button', { name: `Open the dispute on ${number}` });
    await toDispute.waitFor();
    await expect.poll(() => boxes.count()).toBe(selectable - 1);
    expect(await page.getByRole('checkbox', { name: /^Select /, checked: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Dispute selected' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${artifacts}/outlook-invoice-in-dispute.png`, fullPage: true });

    await toDispute.click();
    const existing = page.getByRole('dialog', { name: 'Close the dispute' });
    await existing.getByText(number, { exact: false }).waitFor();
    await existing.getByRole('button', { name: 'Cancel' }).click();
    await existing.waitFor({ state: 'detached' });
    const rows = await h.database.db.select().from(disputes).where(and(eq(disputes.customerId, oakridge.id), eq(disputes.description, 'Wrong unit price on line 3')));
    expect(rows).toHaveLength(1);
    await page.close();
  });

  it('clears the invoice selection after any other action too (a note)', async () => {
    const page = await openOakridge();
    const box = page.getByRole('checkbox', { name: /^Select / }).first();
    await box.check();
    await page.getByRole('button', { name: 'Dispute selected (1)' }).waitFor();
    await page.getByRole('button', { name: 'Add note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByLabel('Note').fill('Sam will check the unit prices');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('timeline-detail').filter({ hasText: 'Sam will check the unit prices' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: /^Select /, checked: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Dispute selected' }).isDisabled()).toBe(true);
    await page.close();
  });
});
