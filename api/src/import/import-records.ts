/**
 * The two passes of an import: check every record without touching the database, then apply
 * them in batches inside the caller's transaction (each batch a savepoint, so a bad batch is
 * reported and the rest still checked; the caller rolls everything back if any failed).
 */
import { SYNC_MAX_BATCH, type TLedgerKind } from '@shared/schemas';
import type { Db } from '../db/client';
import { AppError } from '../lib/errors';
import type { ServiceContext } from '../lib/types';
import { ledgerKinds } from '../services/ledger/ledger-kinds';
import type { UpsertOutcome } from '../services/ledger/ledger-lookups';
import { ErrorList, type RecordSource, type RowError, type SourceRecord } from './import-types';

/** Called every so many rows while a pass runs. */
export type ProgressListener = (phase: 'checking' | 'importing', rows: number) => void;

export interface PassResult {
  rows: number;
  records: number;
  errors: ErrorList;
}

/** Pass 1: reads every row and checks it against the contract; nothing is written. */
export async function checkRecords(kind: TLedgerKind, source: RecordSource, progress?: ProgressListener): Promise<PassResult> {
  const result: PassResult = { rows: 0, records: 0, errors: new ErrorList() };
  for await (const item of source.records()) {
    result.rows += item.rows.length;
    result.records += 1;
    result.errors.add(...item.errors);
    if (item.record) {
      const parsed = ledgerKinds[kind].item.safeParse(item.record);
      if (!parsed.success) result.errors.add(...parsed.error.issues.map((issue) => locate(item, issue.path, issue.message, source)));
    }
    progress?.('checking', result.rows);
  }
  return result;
}

/** Pass 2: upserts the records in batches of 1000 with `tx`, adding up the outcome and any errors. */
export async function applyRecords(tx: Db, ctx: ServiceContext, kind: TLedgerKind, source: RecordSource, progress?: ProgressListener) {
  const outcome: UpsertOutcome = { created: 0, updated: 0, unchanged: 0 };
  const errors = new ErrorList();
  let rows = 0;
  let batch: SourceRecord[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    try {
      const items = current.map((item) => ledgerKinds[kind].item.parse(item.record));
      const done = await ledgerKinds[kind].upsert({ ...ctx, db: tx }, items);
      outcome.created += done.created;
      outcome.updated += done.updated;
      outcome.unchanged += done.unchanged;
    } catch (error) {
      errors.add(...batchErrors(error, current, source));
    }
    progress?.('importing', rows);
  };
  for await (const item of source.records()) {
    rows += item.rows.length;
    if (!item.record || item.errors.length) errors.add(...item.errors);
    else batch.push(item);
    if (batch.length >= SYNC_MAX_BATCH) await flush();
  }
  await flush();
  return { outcome, errors, rows };
}

/** A failed batch's errors on the rows they concern: `items.<i>.<field>` → row and column. */
function batchErrors(error: unknown, batch: readonly SourceRecord[], source: RecordSource): RowError[] {
  const first = batch[0]?.rows[0] ?? 0;
  const last = batch.at(-1)?.rows.at(-1) ?? first;
  if (!(error instanceof AppError)) return [{ row: first, column: '(batch)', message: `rows ${first}–${last} failed: ${(error as Error).message}` }];
  if (!error.fields?.length) return [{ row: first, column: '(batch)', message: `rows ${first}–${last}: ${error.message}` }];
  return error.fields.map((field) => {
    const [, index, ...path] = field.field.split('.');
    const item = batch[Number(index)];
    return item ? locate(item, path, field.message, source) : { row: first, column: field.field, message: field.message };
  });
}

/** The row and column of a record's field: allocation j of a payment is on its j-th row. */
function locate(item: SourceRecord, path: ReadonlyArray<PropertyKey>, message: string, source: RecordSource): RowError {
  const [field, index, sub] = path.map(String);
  if (field === 'allocations' && index !== undefined && /^\d+$/.test(index)) {
    const column = sub === 'amount' ? source.columnOf('allocatedAmount') : source.columnOf('invoiceRef');
    return { row: item.rows[Number(index)] ?? item.rows[0]!, column, message };
  }
  const column = field === 'allocations' ? source.columnOf('allocatedAmount') : source.columnOf(field ?? '(row)');
  return { row: item.rows[0]!, column, message };
}
