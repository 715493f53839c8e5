/** CSV import through the same services as the sync API: all rows or none, repeatable, exact amounts. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers, invoices, paymentAllocations, payments } from '../../api/src/db/schema';
import type { ReadOptions } from '../../api/src/import/column-mapping';
import { csvSource } from '../../api/src/import/csv-source';
import { importLedgerFile } from '../../api/src/import/import-ledger-file';
import type { ServiceContext } from '../../api/src/lib/types';
import type { TLedgerKind } from '@shared/schemas';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg } from '../helpers/factories';

let database: TestDatabase;
let ctx: ServiceContext;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await seedOrg(database.db);
  ctx = { db: database.db, orgId: org.orgId, actor: { userId: null, label: 'cli' } };
  dir = mkdtempSync(join(tmpdir(), 'payside-import-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const iso: ReadOptions = { dateFormat: 'iso', decimal: '.' };
let n = 0;
const csv = (text: string) => {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, text);
  return path;
};
const run = (kind: TLedgerKind, text: string, options: Partial<ReadOptions> & { map?: Record<string, string>; dryRun?: boolean } = {}) =>
  importLedgerFile(ctx, kind, csvSource(kind, csv(text), options.map ?? {}, { ...iso, ...options }), { dryRun: options.dryRun });
const countOf = async (table: typeof customers | typeof invoices | typeof payments | typeof paymentAllocations) =>
  (await database.db.select({ n: count() }).from(table).where(eq(table.orgId, ctx.orgId)))[0]!.n;

const customersCsv = 'externalRef,name,currency,paymentTermsDays,domains\nC-1,Acme Ltd,GBP,30,acme.example\nC-2,Bolt GmbH,EUR,45,bolt.example;bolt.de\nC-3,Kyoto KK,JPY,30,\n';

describe('import customers', () => {
  it('creates, then re-imports the same file as a no-op, then applies only the edits', async () => {
    expect(await run('customers', customersCsv)).toMatchObject({ rows: 3, outcome: { created: 3, updated: 0, unchanged: 0 }, applied: true, errorCount: 0 });
    expect((await run('customers', customersCsv)).outcome).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const edited = customersCsv.replace('Bolt GmbH,EUR,45', 'Bolt AG,EUR,45') + 'C-4,Delta Inc,USD,30,\n';
    expect((await run('customers', edited)).outcome).toEqual({ created: 1, updated: 1, unchanged: 2 });
    const [bolt] = await database.db.select().from(customers).where(and(eq(customers.orgId, ctx.orgId), eq(customers.externalRef, 'C-2')));
    expect(bolt).toMatchObject({ name: 'Bolt AG', paymentTermsDays: 45 });
  });

  it('refuses currencies ISO 4217 does not have, per row, naming the currency column; nothing is stored', async () => {
    const before = await countOf(customers);
    const report = await run('customers', 'externalRef,name,currency\nQ-1,Quux,XYZ\nQ-2,Zed,zzz\nQ-3,Good,HUF\nQ-4,Qq,QQQ\n');
    expect(report).toMatchObject({ applied: false, errorCount: 3 });
    expect(report.errors).toEqual([
      { row: 2, column: 'currency', message: 'XYZ is not an ISO 4217 currency code' },
      { row: 3, column: 'currency', message: 'ZZZ is not an ISO 4217 currency code' },
      { row: 5, column: 'currency', message: 'QQQ is not an ISO 4217 currency code' },
    ]);
    const invoice = await run('invoices', 'externalRef,customerRef,issueDate,dueDate,amount,currency\nX-1,C-1,2024-01-01,2024-01-31,12.50,XYZ\n');
    expect(invoice.errors).toEqual([{ row: 2, column: 'currency', message: 'XYZ is not an ISO 4217 currency code' }]);
    expect(await countOf(customers)).toBe(before);
  });

  it('reports a file it cannot map before reading any row', async () => {
    await expect(run('customers', 'ref,title\nC-9,Nine\n')).rejects.toThrow(/no column for externalRef[\s\S]*no column for name[\s\S]*no column for currency/);
    await expect(run('customers', 'ref,title\nC-9,Nine\n', { map: { ref: 'externalRef', title: 'nom' }, currency: 'USD' })).rejects.toThrow('customers have no field "nom"');
  });
});

const invoiceMap = { Invoice: 'externalRef', Customer: 'customerRef', Issued: 'issueDate', Due: 'dueDate', Total: 'amount' };

describe('import invoices', () => {
  it('leaves the database unchanged when any row is bad, listing rows, columns and reasons', async () => {
    const before = await countOf(invoices);
    const report = await run(
      'invoices',
      [
        'Invoice,Customer,Issued,Due,Total',
        'I-1,C-1,01/02/2024,02/03/2024,1200.50',
        'I-2,C-1,30/02/2024,30/03/2024,10.00',
        'I-3,C-1,01/02/2024,02/03/2024,1500.5',
        'I-4,C-1,01/03/2024,01/04/2024,abc',
        'I-5,C-1,01/03/2024',
        'I-6,C-1,01/03/2024,01/02/2024,5',
        'I-7,C-1,,01/02/2024,12.345',
      ].join('\n'),
      { dateFormat: 'dmy', map: invoiceMap, currency: 'GBP' },
    );
    expect(report).toMatchObject({ applied: false, outcome: null, errorCount: 5 });
    expect(report.errors).toEqual([
      { row: 3, column: 'Issued', message: '30/02/2024 is not a calendar date (DD/MM/YYYY)' },
      { row: 5, column: 'Total', message: 'not an amount like 1234.56 or 1,234.56' },
      { row: 6, column: '(row)', message: 'has 3 cells, the header has 5' },
      { row: 7, column: 'Due', message: 'must be on or after issueDate' },
      { row: 8, column: 'Total', message: 'GBP has 2 decimals; 12.345 has more' },
    ]);
    expect(await countOf(invoices)).toBe(before);
  });

  it('rolls back every batch when a later one refers to an unknown customer', async () => {
    // 1,500 rows: the first batch of 1,000 is fine, row 1,402 of the second names no customer
    const lines = ['Invoice,Customer,Issued,Due,Total'];
    for (let i = 1; i <= 1500; i += 1) lines.push(`B-${i},${i === 1401 ? 'C-404' : 'C-1'},2024-01-01,2024-01-31,${i}.99`);
    const report = await run('invoices', lines.join('\n'), { map: invoiceMap, currency: 'GBP' });
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([{ row: 1402, column: 'Customer', message: 'no customer with external reference C-404' }]);
    expect(await countOf(invoices)).toBe(0);
  });

  it('counts every error but lists the first 50', async () => {
    const lines = ['Invoice,Customer,Issued,Due,Total'];
    for (let i = 1; i <= 120; i += 1) lines.push(`E-${i},C-1,2024-13-01,2024-01-31,1`);
    const report = await run('invoices', lines.join('\n'), { map: invoiceMap, currency: 'GBP' });
    expect(report.errorCount).toBe(120);
    expect(report.errors).toHaveLength(50);
    expect(report.errors[49]).toMatchObject({ row: 51, column: 'Issued' });
  });

  it('reports what a dry run would do and changes nothing', async () => {
    const text = 'Invoice,Customer,Issued,Due,Total\nD-1,C-1,2024-01-01,2024-01-31,"1,000.00"\n';
    const dry = await run('invoices', text, { map: invoiceMap, currency: 'GBP', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, applied: false, outcome: { created: 1, updated: 0, unchanged: 0 }, errorCount: 0 });
    expect(await countOf(invoices)).toBe(0);
    expect((await run('invoices', text, { map: invoiceMap, currency: 'GBP' })).applied).toBe(true);
    const [row] = await database.db.select().from(invoices).where(eq(invoices.externalRef, 'D-1'));
    expect(row).toMatchObject({ number: 'D-1', amount: 100_000, currency: 'GBP', issueDate: '2024-01-01' });
  });

  it('changes nothing when the file breaks after batches were written (an unclosed quote)', async () => {
    const before = await countOf(invoices);
    const lines = ['Invoice,Customer,Issued,Due,Total'];
    for (let i = 1; i <= 2500; i += 1) lines.push(`Q-${i},C-1,2024-01-01,2024-01-31,${i === 2400 ? '"12.00' : '12.00'}`);
    await expect(run('invoices', lines.join('\n'), { map: invoiceMap, currency: 'GBP' })).rejects.toThrow(/row \d+/);
    expect(await countOf(invoices)).toBe(before);
  });

  it('audits the whole file once per customer concerned, however many batches it took', async () => {
    const synced = async () => database.db.select({ id: auditLog.id, customerId: auditLog.customerId, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.orgId, ctx.orgId), eq(auditLog.action, 'invoice.synced')));
    const before = new Set((await synced()).map((r) => r.id));
    const lines = ['Invoice,Customer,Issued,Due,Total'];
    for (let i = 1; i <= 2500; i += 1) lines.push(`S-${i},${i % 5 === 0 ? 'C-2' : 'C-1'},2024-01-01,2024-01-31,${i}.00`);
    expect((await run('invoices', lines.join('\n'), { map: invoiceMap, currency: 'GBP' })).outcome).toEqual({ created: 2500, updated: 0, unchanged: 0 });
    const ids = Object.fromEntries((await database.db.select({ ref: customers.externalRef, id: customers.id }).from(customers).where(eq(customers.orgId, ctx.orgId))).map((c) => [c.ref, c.id]));
    const batch = { created: 2500, updated: 0, unchanged: 0 };
    const added = (await synced()).filter((r) => !before.has(r.id)).map(({ customerId, after }) => ({ customerId, after }));
    expect(added).toHaveLength(2);
    expect(added).toEqual(expect.arrayContaining([{ customerId: ids['C-1'], after: { created: 2000, updated: 0, batch } }, { customerId: ids['C-2'], after: { created: 500, updated: 0, batch } }]));
  });
});

describe('import payments', () => {
  it('reads decimal commas and day-first dates, one row per allocation, and keeps the rest unallocated', async () => {
    await run('invoices', 'externalRef,customerRef,issueDate,dueDate,amount,currency\nK-1,C-3,2024-01-05,2024-02-04,100000,JPY\nK-2,C-3,2024-01-10,2024-02-09,50000,JPY\n');
    const text = [
      'Ref;Kunde;Betrag;Datum;Rechnung;Zugeordnet',
      'Z-1;C-3;"160.000";15.02.2024;K-1;"100.000"',
      'Z-1;C-3;"160.000";15.02.2024;K-2;"50.000"',
      'Z-2;C-3;"7.500";20.02.2024;;',
    ].join('\n').replaceAll(';', ',');
    const map = { Ref: 'externalRef', Kunde: 'customerRef', Betrag: 'amount', Datum: 'receivedDate', Rechnung: 'invoiceRef', Zugeordnet: 'allocatedAmount' };
    const report = await run('payments', text, { map, decimal: ',', dateFormat: 'dmy', currency: 'JPY' });
    expect(report).toMatchObject({ rows: 3, outcome: { created: 2, updated: 0, unchanged: 0 }, applied: true });
    const rows = await database.db.select().from(payments).where(eq(payments.orgId, ctx.orgId));
    expect(rows.map((p) => [p.externalRef, p.amount, p.currency, p.receivedDate]).sort()).toEqual([
      ['Z-1', 160_000, 'JPY', '2024-02-15'],
      ['Z-2', 7_500, 'JPY', '2024-02-20'],
    ]);
    expect((await database.db.select().from(paymentAllocations).where(eq(paymentAllocations.orgId, ctx.orgId))).map((a) => a.amount).sort()).toEqual([100_000, 50_000].sort());
    // the same file again changes nothing
    expect((await run('payments', text, { map, decimal: ',', dateFormat: 'dmy', currency: 'JPY' })).outcome).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('names the row of a bad allocation and the rows of one payment that disagree', async () => {
    const report = await run('payments', 'externalRef,customerRef,amount,currency,receivedDate,invoiceRef\nY-1,C-3,10,JPY,2024-03-01,K-1\nY-1,C-3,11,JPY,2024-03-01,K-2\nY-2,C-3,10,JPY,2024-03-01,NOPE\n');
    expect(report.errors).toEqual([{ row: 3, column: 'amount', message: 'differs from row 2, an earlier row of payment Y-1' }]);
    const refs = await run('payments', 'externalRef,customerRef,amount,currency,receivedDate,invoiceRef,allocatedAmount\nY-2,C-3,10,JPY,2024-03-01,K-1,4\nY-2,C-3,10,JPY,2024-03-01,NOPE,4\n');
    expect(refs.errors).toEqual([{ row: 3, column: 'invoiceRef', message: 'no invoice with external reference NOPE' }]);
  });
});

describe('import amounts in currencies without two CLDR decimals', () => {
  it('reads HUF amounts with the two decimals of ISO 4217 (CLDR shows none): 1234 → 123400', async () => {
    await run('customers', 'externalRef,name,currency\nH-1,Budapest Kft,HUF\n');
    await run('invoices', 'externalRef,customerRef,issueDate,dueDate,amount,currency\nH-INV-1,H-1,2024-01-01,2024-01-31,1234,HUF\nH-INV-2,H-1,2024-01-01,2024-01-31,"1.234,56",HUF\n', { decimal: ',' });
    const rows = await database.db.select().from(invoices).where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.currency, 'HUF')));
    expect(rows.map((r) => [r.externalRef, Number(r.amount)]).sort()).toEqual([['H-INV-1', 123_400], ['H-INV-2', 123_456]]);
  });
});
