/**
 * The public IBM late-payment ledger, loaded through `import-preset ibm`: the panel's figures are
 * checked against values worked out here straight from the file, and the backtest against the
 * due date.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, count, eq, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { customers, disputes, invoices } from '../../api/src/db/schema';
import { importIbmPreset } from '../../api/src/import/import-ibm-preset';
import { backtestOrg } from '../../api/src/services/backtest/backtest-org';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

const file = fileURLToPath(new URL('../../../shared/data/ibm-late-payment-histories.csv', import.meta.url));
const asOf = '2013-12-31';

/** The file read independently of the importer: plain splitting (it has no quoted cells). */
function readIbm() {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  const day = (dmy: string) => {
    const [d, m, y] = dmy.split('/').map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  const cents = (text: string) => {
    const [whole, fraction = ''] = text.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  };
  return lines.map((line) => {
    const cell = Object.fromEntries(line.split(',').map((v, i) => [columns[i], v]));
    return { customer: cell.customerID!, amount: cents(cell.InvoiceAmount!), due: day(cell.DueDate!), settled: day(cell.SettledDate!), disputed: cell.Disputed === 'Yes' };
  });
}

/** Count, total, and over invoices settled in the 365 days to 31 Dec 2013: amount-weighted mean signed days late and on-time share. */
function expectedFor(rows: ReturnType<typeof readIbm>, customer: string) {
  const own = rows.filter((r) => r.customer === customer);
  const end = Date.UTC(2013, 11, 31) / 86_400_000;
  const lastYear = own.filter((r) => r.settled <= end && r.settled > end - 365);
  const weight = lastYear.reduce((s, r) => s + r.amount, 0);
  return {
    count: own.length,
    total: own.reduce((s, r) => s + r.amount, 0),
    paidInLast365: lastYear.length,
    averageDaysLate: lastYear.reduce((s, r) => s + r.amount * (r.settled - r.due), 0) / weight,
    onTimeRate: lastYear.filter((r) => r.settled - r.due <= 0).length / lastYear.length,
  };
}

let database: TestDatabase;
let org: SeededOrg;
let rows: ReturnType<typeof readIbm>;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  rows = readIbm();
  const reports = await importIbmPreset({ db: database.db, orgId: org.orgId, actor: { userId: null, label: 'test' } }, file);
  expect(reports.map((r) => [r.kind, r.outcome, r.applied])).toEqual([
    ['customers', { created: 100, updated: 0, unchanged: 0 }, true],
    ['invoices', { created: 2466, updated: 0, unchanged: 0 }, true],
    ['payments', { created: 2466, updated: 0, unchanged: 0 }, true],
    ['resolved disputes', { created: rows.filter((r) => r.disputed).length, updated: 0, unchanged: 0 }, true],
  ]);
}, 120_000);
afterAll(() => database.close());

describe('import-preset ibm', () => {
  it('loads every customer, invoice and resolved dispute of the file', async () => {
    const [c] = await database.db.select({ n: count() }).from(customers).where(eq(customers.orgId, org.orgId));
    const [d] = await database.db.select({ n: count() }).from(disputes).where(and(eq(disputes.orgId, org.orgId), eq(disputes.status, 'resolved')));
    expect(c?.n).toBe(new Set(rows.map((r) => r.customer)).size);
    expect(d?.n).toBe(rows.filter((r) => r.disputed).length);
  });

  it('shows for three customers the figures worked out from the file', async () => {
    const api = client(createApp({ db: database.db }), org.tokens.viewer);
    const three = [...new Set(rows.map((r) => r.customer))].sort().slice(0, 3);
    for (const ref of three) {
      const expected = expectedFor(rows, ref);
      const [row] = await database.db
        .select({ id: customers.id, n: count(invoices.id), total: sum(invoices.amount) })
        .from(customers)
        .innerJoin(invoices, eq(invoices.customerId, customers.id))
        .where(and(eq(customers.orgId, org.orgId), eq(customers.externalRef, ref)))
        .groupBy(customers.id);
      expect([row?.n, Number(row?.total)], ref).toEqual([expected.count, expected.total]);
      const panel = await api.get(`/v1/customers/${row!.id}?asOf=${asOf}`);
      expect(panel.status).toBe(200);
      expect(panel.body.status.paidInLast365, ref).toBe(expected.paidInLast365);
      expect(panel.body.status.averageDaysLate, ref).toBeCloseTo(expected.averageDaysLate, 9);
      expect(panel.body.status.onTimeRate, ref).toBeCloseTo(expected.onTimeRate, 9);
      expect(panel.body.openInvoices, ref).toEqual([]); // all settled by the end of 2013
    }
  });

  it('changes nothing when run again', async () => {
    const reports = await importIbmPreset({ db: database.db, orgId: org.orgId, actor: { userId: null, label: 'test' } }, file);
    for (const report of reports) expect(report.outcome, report.kind).toEqual({ created: 0, updated: 0, unchanged: report.rows });
  }, 120_000);

  it('predicts pay dates, from history known at issue, with at most half the error of the due date', async () => {
    const result = await backtestOrg({ db: database.db, orgId: org.orgId, actor: { userId: null, label: 'test' } });
    expect(result.overall.count).toBe(2466);
    expect(result.overall.dueDateMae).toBeGreaterThan(10);
    expect(result.overall.predictionMae!).toBeLessThanOrEqual(result.overall.dueDateMae! / 2);
    expect(result.disputed.count).toBe(rows.filter((r) => r.disputed).length);
    expect(result.disputed.predictionMae!).toBeLessThan(result.disputed.dueDateMae!);
  }, 120_000);
});
