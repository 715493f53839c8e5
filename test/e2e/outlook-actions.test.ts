/** Acting without leaving the email: dispute, resolve, promise, hold, note, primary payer — each updates the pane. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customerDomains, customers, disputes, holds, notes, promises } from '../../api/src/db/schema';
import { itemById, openPane, paneHiddenFromScreenReaders, startPaneHarness, type PaneHarness } from './pane-harness';

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

const oakridgeItem = () => ({ ...itemById(h, 'demo-02'), id: 'oak', conversationId: 'conv-oak', internetMessageId: '<oak@x>', from: { name: 'Sam Site', address: `sam@${oakridge.domain}` } });
const openOakridge = async () => {
  const page = await openPane(h, { items: [oakridgeItem()] });
  await page.getByRole('heading', { level: 2, name: 'Oakridge Construction Ltd' }).waitFor();
  return page;
};

describe('Outlook pane actions', () => {
  it('opens a dispute on selected invoices and resolves it', async () => {
    const page = await openOakridge();
    const boxes = page.getByRole('checkbox', { name: /^Select / });
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Dispute selected (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a dispute' });
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Quantity' }).click();
    await dialog.getByLabel('What is disputed').fill('Two pallets short on delivery');
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    const section = page.getByRole('region', { name: 'Open disputes' }).or(page.locator('section[aria-labelledby=disputes-title]'));
    await section.getByText('Two pallets short on delivery', { exact: false }).waitFor();
    const [row] = await h.database.db.select().from(disputes).where(and(eq(disputes.customerId, oakridge.id), eq(disputes.description, 'Two pallets short on delivery')));
    expect(row).toMatchObject({ reason: 'quantity', status: 'open' });

    await page.getByRole('button', { name: /^Resolve dispute on / }).last().click();
    const resolve = page.getByRole('dialog', { name: 'Close the dispute' });
    await resolve.getByLabel('Resolution note').fill('Credit note issued for the shortfall');
    await resolve.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await h.database.db.select().from(disputes).where(eq(disputes.id, row!.id)))[0]?.status).toBe('resolved');
    await section.getByText('Two pallets short on delivery').waitFor({ state: 'detached' });
    await expect.poll(() => paneHiddenFromScreenReaders(page)).toBe(false);
    await page.close();
  });

  it('records a promise to pay', async () => {
    const page = await openOakridge();
    await page.getByRole('button', { name: 'Promise to pay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a promise to pay' });
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel(/Amount/).fill('1000.50');
    await dialog.getByLabel('Promised payment date').fill(date);
    await dialog.getByRole('button', { name: 'Record promise' }).click();
    await page.getByText(/£1,000\.50 by/).waitFor();
    const [row] = await h.database.db.select().from(promises).where(and(eq(promises.customerId, oakridge.id), eq(promises.amount, 100_050)));
    expect(row).toMatchObject({ promisedDate: date, status: 'open' });
    await page.close();
  });

  it('keeps what was typed when saving fails, and saves on retry', async () => {
    const page = await openOakridge();
    await page.getByRole('button', { name: 'Add note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByLabel('Note').fill('Called Sam: cheque run on Friday');
    await page.route('**/v1/customers/*/notes', (route) => route.abort('connectionrefused'));
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await dialog.getByText('Payside is unreachable').waitFor();
    await expect(dialog.getByLabel('Note').inputValue()).resolves.toBe('Called Sam: cheque run on Friday');
    await page.unroute('**/v1/customers/*/notes');
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('timeline-detail').filter({ hasText: 'Called Sam: cheque run on Friday' }).waitFor();
    const rows = await h.database.db.select().from(notes).where(eq(notes.body, 'Called Sam: cheque run on Friday'));
    expect(rows).toHaveLength(1);
    await expect.poll(() => paneHiddenFromScreenReaders(page)).toBe(false);
    await page.close();
  });

  it('sets and clears a hold, keyboard only', async () => {
    const page = await openOakridge();
    await page.getByRole('button', { name: 'Set hold' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Set a hold' });
    const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel("Don't chase until").fill(until);
    await dialog.getByLabel('Reason').focus();
    await page.keyboard.type('Renewal in negotiation');
    await page.keyboard.press('Enter');
    const banner = page.locator('[aria-label="Hold"]').filter({ hasText: 'Renewal in negotiation' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('set by Marcus Oyelaran');
    await banner.getByRole('button', { name: 'Clear hold' }).click();
    await banner.waitFor({ state: 'detached' });
    const rows = await h.database.db.select().from(holds).where(and(eq(holds.customerId, oakridge.id), eq(holds.reason, 'Renewal in negotiation')));
    expect(rows[0]!.clearedAt).not.toBeNull();
    await page.close();
  });

  it('marks a contact as primary payer', async () => {
    const page = await openOakridge();
    const make = page.getByRole('button', { name: /^Make .* the primary payer$/ }).first();
    const label = (await make.getAttribute('aria-label'))!;
    const name = label.replace(/^Make /, '').replace(/ the primary payer$/, '');
    await make.click();
    await page.getByRole('button', { name: label }).waitFor({ state: 'detached' });
    const [row] = await h.database.db.select().from(contacts).where(and(eq(contacts.customerId, oakridge.id), eq(contacts.name, name)));
    expect(row!.isPrimaryPayer).toBe(true);
    const primaries = await h.database.db.select().from(contacts).where(and(eq(contacts.customerId, oakridge.id), eq(contacts.isPrimaryPayer, true)));
    expect(primaries).toHaveLength(1);
    await page.close();
  });
});
