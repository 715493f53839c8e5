/**
 * Ledger invariants at every door: an allocation or a credit note never exceeds its invoice's open
 * amount, an amount never drops below what is settled. The sync API and the CSV import refuse the
 * whole batch naming the item; the database (migration 0006) refuses whatever gets past them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { creditNotes, customers, invoices, paymentAllocations, payments } from '../../api/src/db/schema';
import { csvSource } from '../../api/src/import/csv-source';
import { importLedgerFile } from '../../api/src/import/import-ledger-file';
import { inputErrorOf } from '../../api/src/lib/problem';
import { withTenant } from '../../api/src/lib/transaction';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  dir = mkdtempSync(join(tmpdir(), 'payside-invariants-'));
  await put('customers', [{ externalRef: 'C-1', name: 'Acme Ltd', currency: 'EUR' }]);
  await put('invoices', [invoice(1), invoice(2)]);
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (kind: string, items: unknown[]) => client(app, org.tokens.admin).call('PUT', `/v1/sync/${kind}`, { items });
const invoice = (n: number, extra: Record<string, unknown> = {}) => ({
  externalRef: `I-${n}`, customerRef: 'C-1', number: `INV-${n}`, issueDate: '2026-10-01', dueDate: '2026-10-31', amount: 10_000, currency: 'EUR', ...extra,
});
const payment = (ref: string, amount: number, allocations?: Array<{ invoiceRef: string; amount: number }>) => ({
  externalRef: ref, customerRef: 'C-1', amount, currency: 'EUR', receivedDate: '2026-11-02', ...(allocations ? { allocations } : {}),
});
const creditNote = (ref: string, amount: number, invoiceRef = 'I-1') => ({ externalRef: ref, customerRef: 'C-1', invoiceRef, number: ref, issueDate: '2026-11-03', amount, currency: 'EUR' });
const counts = async () => {
  const of = async (table: typeof payments | typeof paymentAllocations | typeof creditNotes) => (await database.db.select({ n: count() }).from(table).where(eq(table.orgId, org.orgId)))[0]!.n;
  return { payments: await of(payments), allocations: await of(paymentAllocations), credits: await of(creditNotes) };
};
const panelTotals = async () => {
  const [acme] = await database.db.select().from(customers).where(and(eq(customers.orgId, org.orgId), eq(customers.externalRef, 'C-1')));
  return (await client(app, org.tokens.admin).get(`/v1/customers/${acme!.id}?asOf=2026-12-01`)).body.status.totals[0];
};

describe('sync refuses what would break the ledger', () => {
  it('refuses 250.00 allocated to a 100.00 invoice, naming the allocation, and stores nothing', async () => {
    const before = await counts();
    const res = await put('payments', [payment('P-1', 25_000, [{ invoiceRef: 'I-1', amount: 25_000 }])]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'items.0.allocations.0.amount', message: 'the allocation €250.00 exceeds the open amount €100.00 of invoice INV-1' }]);
    expect(await counts()).toEqual(before);
  });

  it('counts the rest of the batch: the second of two allocations that together overfill an invoice is refused', async () => {
    const res = await put('payments', [payment('P-1', 6_000, [{ invoiceRef: 'I-1', amount: 6_000 }]), payment('P-2', 6_000, [{ invoiceRef: 'I-1', amount: 6_000 }])]);
    expect(res.body.errors).toEqual([{ field: 'items.1.allocations.0.amount', message: 'the allocation €60.00 exceeds the open amount €40.00 of invoice INV-1' }]);
    expect((await counts()).payments).toBe(0);
  });

  it('keeps what is not allocated as unallocated cash and shows it', async () => {
    const res = await put('payments', [payment('P-1', 25_000, [{ invoiceRef: 'I-1', amount: 10_000 }])]);
    expect(res.status).toBe(200);
    expect(await panelTotals()).toMatchObject({ currency: 'EUR', outstanding: 10_000, unallocatedCash: 15_000 });
  });

  it('lets a batch move an allocation from one payment to another (the stored one no longer counts)', async () => {
    const res = await put('payments', [payment('P-2', 10_000, [{ invoiceRef: 'I-1', amount: 10_000 }]), payment('P-1', 25_000, [{ invoiceRef: 'I-2', amount: 10_000 }])]);
    expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await panelTotals()).toMatchObject({ outstanding: 0, unallocatedCash: 15_000 });
  });

  it('refuses a payment lowered below the allocations it keeps', async () => {
    const res = await put('payments', [payment('P-1', 5_000)]);
    expect(res.body.errors).toEqual([{ field: 'items.0.amount', message: 'is below the €100.00 already allocated to invoices; send its allocations too' }]);
    expect((await put('payments', [payment('P-1', 20_000)])).body).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('refuses an invoice lowered below what settles it', async () => {
    const res = await put('invoices', [invoice(1, { amount: 9_000 })]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'items.0.amount', message: 'is below the €100.00 its payments and credit notes already settle' }]);
    const currency = await put('invoices', [invoice(1, { currency: 'USD' })]);
    expect(currency.body.errors).toEqual([{ field: 'items.0.currency', message: 'payments and credit notes in EUR already settle this invoice' }]);
    expect((await put('invoices', [invoice(1, { amount: 12_000 })])).body).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('refuses a credit note of 999,999.99 against an invoice with 20.00 open', async () => {
    const res = await put('credit-notes', [creditNote('CN-1', 99_999_999)]);
    expect(res.body.errors).toEqual([{ field: 'items.0.amount', message: 'the credit note €999,999.99 exceeds the open amount €20.00 of invoice INV-1' }]);
    expect((await put('credit-notes', [creditNote('CN-1', 2_000)])).status).toBe(200);
    // Raising the stored credit note counts it once, not twice.
    expect((await put('credit-notes', [creditNote('CN-1', 2_001)])).body.errors[0].message).toContain('exceeds the open amount €20.00 of invoice INV-1');
    expect(await panelTotals()).toMatchObject({ outstanding: 0 });
  });
});

describe('the database refuses what gets past the services (migration 0006)', () => {
  const asTenant = (statement: ReturnType<typeof sql>) => withTenant(database.db, org.orgId, (tx) => tx.execute(statement));

  it('raises check_violation for an over-settled invoice or an over-allocated payment, mapped to 422', async () => {
    const [i2] = await database.db.select().from(invoices).where(and(eq(invoices.orgId, org.orgId), eq(invoices.externalRef, 'I-2')));
    const [p2] = await database.db.select().from(payments).where(and(eq(payments.orgId, org.orgId), eq(payments.externalRef, 'P-2')));
    const overfill = asTenant(sql`update payment_allocations set amount = amount + 1 where payment_id = ${p2!.id}`);
    const error = await overfill.then(() => null, (e: unknown) => e);
    expect(inputErrorOf(error)).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('invoice INV-1: allocations and credit notes (12001 minor units) exceed its amount (12000 minor units)') });
    const underpaid = await asTenant(sql`update payments set amount = 1 where id = ${p2!.id}`).then(() => null, (e: unknown) => e);
    expect(inputErrorOf(underpaid)?.message).toContain('payment P-2: allocations (10000 minor units) exceed its amount (1 minor units)');
    const lowered = await asTenant(sql`update invoices set amount = 1 where id = ${i2!.id}`).then(() => null, (e: unknown) => e);
    expect(inputErrorOf(lowered)?.message).toContain('invoice INV-2: allocations and credit notes (10000 minor units) exceed its amount (1 minor units)');
    const credit = asTenant(sql`insert into credit_notes (org_id, customer_id, invoice_id, number, issue_date, amount, currency)
      select org_id, customer_id, id, 'CN-X', '2026-11-05', 1, currency from invoices where id = ${i2!.id}`);
    expect(inputErrorOf(await credit.then(() => null, (e: unknown) => e))?.code).toBe('validation_failed');
    expect(await panelTotals()).toMatchObject({ outstanding: 0, unallocatedCash: 10_000 });
  });
});

describe('the CSV import refuses the file, naming the row', () => {
  it('names the row of an allocation beyond the open amount and stores nothing', async () => {
    const path = join(dir, 'payments.csv');
    writeFileSync(path, 'externalRef,customerRef,amount,currency,receivedDate,invoiceRef,allocatedAmount\nP-9,C-1,50.00,EUR,2026-11-20,I-2,1.00\n');
    const ctx = { db: database.db, orgId: org.orgId, actor: { userId: null, label: 'cli' } };
    const before = await counts();
    const report = await importLedgerFile(ctx, 'payments', csvSource('payments', path, {}, { dateFormat: 'iso', decimal: '.' }));
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([{ row: 2, column: 'allocatedAmount', message: 'the allocation €1.00 exceeds the open amount €0.00 of invoice INV-2' }]);
    expect(await counts()).toEqual(before);
  });
});

describe('last payment', () => {
  it('is the latest payment day and its total, the same whichever order the payments were imported in', async () => {
    const status = async (customerRef: string, order: number[]) => {
      await put('customers', [{ externalRef: customerRef, name: customerRef, currency: 'EUR' }]);
      const sameDay = [
        { externalRef: `${customerRef}-A`, customerRef, amount: 12_500, currency: 'EUR', receivedDate: '2026-11-20' },
        { externalRef: `${customerRef}-B`, customerRef, amount: 7_500, currency: 'EUR', receivedDate: '2026-11-20' },
        { externalRef: `${customerRef}-C`, customerRef, amount: 3_000, currency: 'USD', receivedDate: '2026-11-20' },
        { externalRef: `${customerRef}-D`, customerRef, amount: 99_000, currency: 'EUR', receivedDate: '2026-11-02' },
      ];
      for (const i of order) expect((await put('payments', [sameDay[i]!])).status).toBe(200);
      const [row] = await database.db.select().from(customers).where(and(eq(customers.orgId, org.orgId), eq(customers.externalRef, customerRef)));
      return (await client(app, org.tokens.admin).get(`/v1/customers/${row!.id}?asOf=2026-12-01`)).body.status.lastPayment;
    };
    const forward = await status('C-F', [0, 1, 2, 3]);
    expect(forward).toEqual({ date: '2026-11-20', amounts: [{ amount: 20_000, currency: 'EUR' }, { amount: 3_000, currency: 'USD' }] });
    expect(await status('C-R', [3, 2, 1, 0])).toEqual(forward);
  });
});
