/**
 * The panel reads only the relevant part of a customer's ledger, found through settlement
 * state the database keeps (invoices.paid_on, payments.allocated_amount, migration 0004).
 * Checked here on the demo organisation and the IBM ledger: (1) the triggers keep that state
 * equal to what the AR math derives from the whole ledger, through every kind of change, as
 * the owner and as the tenant role; (2) the AR status computed from the relevant part equals
 * the one computed from the whole ledger, for every customer on many as-of dates, while
 * reading fewer rows.
 */
import { fileURLToPath } from 'node:url';
import { computeArStatus, computeInvoiceBalances } from '@shared/ar';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/src/db/client';
import { rowsOf } from '../../api/src/db/rows';
import { customers, promises } from '../../api/src/db/schema';
import { importIbmPreset } from '../../api/src/import/import-ibm-preset';
import { withTenant } from '../../api/src/lib/transaction';
import { seedDemo } from '../../api/src/seed/seed-demo';
import { fetchLedgerRows, toArInput, type LedgerHistory } from '../../api/src/services/customers/load-ar-input';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCreditNote, seedCustomer, seedInvoice, seedOrg, seedPayment } from '../helpers/factories';
import { addDays } from '@shared/ar';

const ibmFile = fileURLToPath(new URL('../../../shared/data/ibm-late-payment-histories.csv', import.meta.url));
const FAR_FUTURE = '2999-12-31';
const DEMO_TODAY = '2026-11-23';

let database: TestDatabase;
let db: Db;
let demoOrg: string;
let ibmOrg: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  demoOrg = (await seedDemo(db, { asOf: DEMO_TODAY })).orgId;
  ibmOrg = (await seedOrg(db)).orgId;
  await importIbmPreset({ db, orgId: ibmOrg, actor: { userId: null, label: 'test' } }, ibmFile);
}, 180_000);
afterAll(() => database?.close());

async function customerIds(orgId: string): Promise<Array<{ id: string; currency: string; creditLimit: number | null }>> {
  return db.select({ id: customers.id, currency: customers.currency, creditLimit: customers.creditLimit }).from(customers).where(eq(customers.orgId, orgId));
}

/** Stored paid_on next to the paid date the AR math derives from the whole ledger, for every invoice of an org. */
async function settlementMismatches(orgId: string): Promise<string[]> {
  const stored = new Map(
    rowsOf<{ id: string; paid_on: string | null }>(await db.execute(sql`select id, paid_on::text from invoices where org_id = ${orgId}`)).map((r) => [r.id, r.paid_on]),
  );
  const mismatches: string[] = [];
  for (const customer of await customerIds(orgId)) {
    const { input } = toArInput(await fetchLedgerRows(db, orgId, customer.id, FAR_FUTURE, 'all'), customer, FAR_FUTURE, 7);
    for (const { invoice, paidDate } of computeInvoiceBalances(input.invoices, input.settlements, FAR_FUTURE)) {
      if ((stored.get(invoice.id) ?? null) !== paidDate) mismatches.push(`${invoice.number}: stored ${stored.get(invoice.id)}, derived ${paidDate}`);
    }
  }
  const allocated = rowsOf<{ id: string }>(
    await db.execute(sql`
      select p.id from payments p
       where p.org_id = ${orgId}
         and p.allocated_amount <> coalesce((select sum(pa.amount) from payment_allocations pa where pa.payment_id = p.id), 0)`),
  );
  return [...mismatches, ...allocated.map((p) => `payment ${p.id}: allocated_amount differs from its allocations`)];
}

async function statusOf(orgId: string, customer: { id: string; currency: string; creditLimit: number | null }, asOf: string, history: LedgerHistory) {
  const rows = await fetchLedgerRows(db, orgId, customer.id, asOf, history);
  const { input } = toArInput(rows, customer, asOf, 9);
  const status = computeArStatus({ ...input, orgDisputeDelayDays: 6, orgTrendPerDay: 0.01 });
  return { status, rowCount: rows.invoiceRows.length + rows.paymentRows.length + rows.allocationRows.length + rows.creditRows.length };
}

/** Every customer's status from the relevant rows against the whole ledger; returns how many rows each read. */
async function compareStatuses(orgId: string, dates: string[]): Promise<{ relevant: number; all: number }> {
  const read = { relevant: 0, all: 0 };
  for (const customer of await customerIds(orgId)) {
    for (const asOf of dates) {
      const whole = await statusOf(orgId, customer, asOf, 'all');
      const relevant = await statusOf(orgId, customer, asOf, 'relevant');
      expect(relevant.status, `customer ${customer.id} as of ${asOf}`).toEqual(whole.status);
      read.relevant += relevant.rowCount;
      read.all += whole.rowCount;
    }
  }
  return read;
}

describe('settlement state kept by the triggers', () => {
  it('matches the AR math on the seeded demo and the imported IBM ledger', async () => {
    expect(await settlementMismatches(demoOrg)).toEqual([]);
    expect(await settlementMismatches(ibmOrg)).toEqual([]);
    const [paid] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from invoices where org_id = ${ibmOrg} and paid_on is not null`));
    expect(paid?.n).toBeGreaterThan(2000); // the IBM ledger is almost all settled
  });

  it('follows every kind of change: payment dates, allocations, credit notes, invoice amounts, deletions', async () => {
    const sample = (table: string, limit: number) => sql.raw(`(select id from ${table} where org_id = '${ibmOrg}' order by id limit ${limit})`);
    await db.execute(sql`update payments set received_date = received_date + 45 where id in ${sample('payments', 40)}`);
    await db.execute(sql`update payment_allocations set amount = amount / 2 where payment_id in ${sample('payments', 15)}`);
    await db.execute(sql`delete from payment_allocations where payment_id in (select id from payments where org_id = ${ibmOrg} order by id offset 100 limit 20)`);
    await db.execute(sql`update invoices set amount = amount + 100 where id in (select id from invoices where org_id = ${ibmOrg} order by id offset 200 limit 20)`);
    // Lowered to nothing (nothing settles them) or to exactly what settles them: amounts below that are refused (migration 0006).
    await db.execute(sql`update invoices i set amount = 0 where id in (select id from invoices x where org_id = ${ibmOrg}
      and not exists (select 1 from payment_allocations pa where pa.invoice_id = x.id) and not exists (select 1 from credit_notes cn where cn.invoice_id = x.id) order by id limit 3)`);
    await db.execute(sql`update invoices i set amount = s.settled from (select pa.invoice_id, sum(pa.amount) as settled from payment_allocations pa
      where pa.org_id = ${ibmOrg} group by pa.invoice_id order by pa.invoice_id offset 300 limit 3) s
      where i.id = s.invoice_id and s.settled > 0 and not exists (select 1 from credit_notes cn where cn.invoice_id = i.id)`);
    await db.execute(sql`
      insert into credit_notes (org_id, customer_id, invoice_id, number, issue_date, amount, currency)
      select i.org_id, i.customer_id, i.id, 'CN-T-' || i.number, i.issue_date + 3,
             i.amount - coalesce((select sum(pa.amount) from payment_allocations pa where pa.invoice_id = i.id), 0), i.currency
        from invoices i where i.org_id = ${ibmOrg} and i.paid_on is null
         and i.amount > coalesce((select sum(pa.amount) from payment_allocations pa where pa.invoice_id = i.id), 0)
         and not exists (select 1 from credit_notes cn where cn.invoice_id = i.id)
       order by i.id limit 10`);
    await db.execute(sql`update credit_notes set issue_date = issue_date + 400 where org_id = ${ibmOrg} and number like 'CN-T-%' and number < 'CN-T-5'`);
    await db.execute(sql`delete from payments where id in (select id from payments where org_id = ${ibmOrg} order by id offset 400 limit 10)`);
    expect(await settlementMismatches(ibmOrg)).toEqual([]);
  });

  it('keeps the state as the tenant role too, under row-level security', async () => {
    await withTenant(db, demoOrg, async (tx) => {
      await tx.execute(sql`update payments set received_date = received_date - 20 where org_id = ${demoOrg} and id in (select payment_id from payment_allocations)`);
      await tx.execute(sql`delete from payment_allocations where payment_id in (select id from payments where org_id = ${demoOrg} order by id limit 5)`);
    });
    expect(await settlementMismatches(demoOrg)).toEqual([]);
  });
});

describe('the relevant part of a ledger', () => {
  it('gives the same AR status as the whole ledger for every demo customer, reading fewer rows', async () => {
    const read = await compareStatuses(demoOrg, [DEMO_TODAY, '2026-10-01', '2026-06-30', '2025-11-23', '2024-02-29']);
    expect(read.relevant).toBeLessThan(read.all);
  });

  it('gives the same AR status as the whole ledger for every IBM customer across its years, reading fewer rows', async () => {
    const [range] = rowsOf<{ first: string; last: string }>(
      await db.execute(sql`select min(issue_date)::text as first, max(issue_date)::text as last from invoices where org_id = ${ibmOrg}`),
    );
    const first = Date.parse(range!.first);
    const span = Date.parse(range!.last) - first;
    const dates = [0.3, 0.7, 1, 1.2].map((f) => new Date(first + span * f).toISOString().slice(0, 10));
    const read = await compareStatuses(ibmOrg, dates);
    expect(read.relevant).toBeLessThan(read.all * 0.8);
  }, 120_000);
});

describe('the relevant part at its edges', () => {
  const asOf = DEMO_TODAY;
  const day = (offset: number) => addDays(asOf, offset);
  let edgeOrg: string;

  /** An invoice settled in full by one payment received `paidOffset` days from asOf. */
  async function paidInvoice(customerId: string, issueOffset: number, paidOffset: number, amount = 1000) {
    const invoice = await seedInvoice(db, edgeOrg, customerId, { issueDate: day(issueOffset), dueDate: day(issueOffset + 30), amount });
    await seedPayment(db, edgeOrg, customerId, { amount, receivedDate: day(paidOffset), allocations: [{ invoiceId: invoice.id, amount }] });
    return invoice;
  }

  beforeAll(async () => {
    edgeOrg = (await seedOrg(db)).orgId;
    // Nothing paid in the last year (the last one 366 days ago): behaviour reads the whole history.
    const quiet = await seedCustomer(db, edgeOrg, { name: 'Quiet Ltd' });
    for (const [issue, paid] of [[-800, -760], [-700, -640], [-600, -590], [-500, -420], [-430, -366]] as const) await paidInvoice(quiet.id, issue, paid);
    // Twelve invoices paid on one day long ago: the ten latest are a tie on that day.
    const ties = await seedCustomer(db, edgeOrg, { name: 'Ties Ltd' });
    for (let i = 0; i < 12; i += 1) await paidInvoice(ties.id, -620 - i * 7, -400, 1000 + i);
    await paidInvoice(ties.id, -200, -150);
    // Invoiced 20 days ago but settled by a credit note dated long before (DSO counts it).
    const early = await seedCustomer(db, edgeOrg, { name: 'Early Credit Ltd' });
    for (let i = 0; i < 11; i += 1) await paidInvoice(early.id, -300 + i * 10, -250 + i * 10);
    const credited = await seedInvoice(db, edgeOrg, early.id, { issueDate: day(-20), dueDate: day(10), amount: 5000 });
    await seedCreditNote(db, edgeOrg, early.id, { invoiceId: credited.id, amount: 5000, issueDate: day(-500) });
    // Nine paid invoices, three of them more than a year ago: the prediction reads all nine.
    const few = await seedCustomer(db, edgeOrg, { name: 'Few Ltd' });
    for (let i = 0; i < 9; i += 1) await paidInvoice(few.id, -560 + i * 60, -530 + i * 60);
    await seedInvoice(db, edgeOrg, few.id, { issueDate: day(-10), dueDate: day(20), amount: 2000 });
    // An old open promise with a payment in its window, old unallocated cash, and a last payment long ago.
    const old = await seedCustomer(db, edgeOrg, { name: 'Old Habits Ltd' });
    await paidInvoice(old.id, -900, -850);
    const owed = await seedInvoice(db, edgeOrg, old.id, { issueDate: day(-600), dueDate: day(-570), amount: 7000 });
    await db.insert(promises).values({ orgId: edgeOrg, customerId: old.id, amount: 300, currency: 'USD', promisedDate: day(-480), madeOn: day(-520), status: 'open' });
    await seedPayment(db, edgeOrg, old.id, { amount: 300, receivedDate: day(-500), allocations: [{ invoiceId: owed.id, amount: 300 }] });
    await seedPayment(db, edgeOrg, old.id, { amount: 900, receivedDate: day(-800) });
    await seedPayment(db, edgeOrg, old.id, { amount: 50, receivedDate: day(-450), allocations: [] }); // the latest, after the promise's window
  });

  it('gives the same AR status as the whole ledger, case by case', async () => {
    for (const customer of await customerIds(edgeOrg)) {
      for (const date of [asOf, day(-1), day(1), day(-366)]) {
        const whole = await statusOf(edgeOrg, customer, date, 'all');
        const relevant = await statusOf(edgeOrg, customer, date, 'relevant');
        expect(relevant.status, `customer ${customer.id} as of ${date}`).toEqual(whole.status);
      }
    }
    expect(await settlementMismatches(edgeOrg)).toEqual([]);
  });
});
