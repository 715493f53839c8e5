/** Acting without leaving the email: dispute, resolve, promise, hold, note, primary payer — each updates the pane. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, customerDomains, customers, disputes, holds, notes, promises } from '../../api/src/db/schema';
import { seedCustomer, seedInvoice } from '../helpers/factories';
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

  it('shows HUF with the two ISO 4217 decimals CLDR leaves out, and reads a typed HUF amount in the user locale', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const kft = await seedCustomer(h.database.db, h.orgId, { name: 'Budapest Kft', currency: 'HUF', domains: ['budapest-kft.example'] });
    await seedInvoice(h.database.db, h.orgId, kft.id, { number: 'HU-1', issueDate: day(-20), dueDate: day(10), amount: 123_456, currency: 'HUF' });
    const item = { ...itemById(h, 'demo-02'), id: 'kft', conversationId: 'conv-kft', internetMessageId: '<kft@x>', from: { name: 'Kata', address: 'kata@budapest-kft.example' } };
    const page = await openPane(h, { items: [item], locale: 'hu-HU' });
    await page.getByRole('heading', { level: 2, name: 'Budapest Kft' }).waitFor();
    // 123456 minor units are 1 234,56 Ft; the old pane took CLDR's 0 decimals and showed 123 456 Ft.
    await page.getByText(/^1\s?234,56\s?Ft$/).first().waitFor();
    await page.getByRole('button', { name: 'Promise to pay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a promise to pay' });
    await dialog.getByLabel(/Amount/).fill('1234');
    await dialog.getByLabel('Promised payment date').fill(day(10));
    await dialog.getByRole('button', { name: 'Record promise' }).click();
    await page.getByText(/1\s?234,00\s?Ft/).first().waitFor();
    const [row] = await h.database.db.select().from(promises).where(eq(promises.customerId, kft.id));
    expect(row).toMatchObject({ amount: 123_400, currency: 'HUF' }); // was 1234: 12,34 Ft
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
