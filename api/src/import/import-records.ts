/**
 * Reading records into the database: `applyRecords` checks and upserts in one streaming pass
 * inside the caller's transaction; `checkRecords` only checks (for imports of several files
 * that must all be valid before any is applied).
 */
import { SYNC_MAX_BATCH, type TLedgerKind } from '@shared/schemas';
import type { Db } from '../db/client';
import { AppError } from '../lib/errors';
import { inputErrorOf } from '../lib/problem';
import type { ServiceContext } from '../lib/types';
import { ledgerKinds } from '../services/ledger/ledger-kinds';
import type { UpsertOutcome } from '../services/ledger/ledger-lookups';
import { LedgerSummaries } from '../services/ledger/ledger-summaries';
import { ErrorList, type RecordSource, type RowError, type SourceRecord } from './import-types';

/** Called every so many rows while a pass runs. */
export type ProgressListener = (phase: 'checking' | 'importing', rows: number) => void;

export interface PassResult {
  rows: number;
  records: number;
  errors: ErrorList;
}

/** Reads every row and checks it against the contract; nothing is written. */
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

/** What applying a source did: the outcome so far, and either its bad records or the batches that failed. */
export interface ApplyResult {
  outcome: UpsertOutcome;
  /** Bad records when `invalid` (then nothing after the first one was written), else the errors of failed batches. */
  errors: ErrorList;
  invalid: boolean;
  rows: number;
}

/**
 * One streaming pass: each record is checked against the contract as it is read, and the
 * good ones are upserted with `tx` in batches of 1000, one batch written while the next is
 * read (each batch a savepoint, so a failing batch is reported and the rest still tried).
 * After the first bad record nothing more is written, but every record is still checked;
 * the caller rolls everything back when there is any error. The summary audit rows are
 * written once for the whole source (ledger-summaries.ts), the per-record ones with each batch.
 */
export async function applyRecords(tx: Db, ctx: ServiceContext, kind: TLedgerKind, source: RecordSource, progress?: ProgressListener): Promise<ApplyResult> {
  const outcome: UpsertOutcome = { created: 0, updated: 0, unchanged: 0 };
  const recordErrors = new ErrorList();
  const batchFailures = new ErrorList();
  const { item: contract, upsert } = ledgerKinds[kind];
  const summaries = new LedgerSummaries();
  const batchCtx = { ...ctx, db: tx, ledgerSummaries: summaries };
  let rows = 0;
  let batch: Array<{ source: SourceRecord; value: unknown }> = [];
  let writing: Promise<void> = Promise.resolve();
  const write = async (current: typeof batch) => {
    try {
      const done = await upsert(batchCtx, current.map((b) => b.value));
      outcome.created += done.created;
      outcome.updated += done.updated;
      outcome.unchanged += done.unchanged;
    } catch (error) {
      batchFailures.add(...batchErrors(error, current.map((b) => b.source), source));
    }
    progress?.('importing', rows);
  };
  try {
    for await (const item of source.records()) {
      rows += item.rows.length;
      recordErrors.add(...item.errors);
      if (!item.record || item.errors.length) continue;
      const parsed = contract.safeParse(item.record);
      if (!parsed.success) recordErrors.add(...parsed.error.issues.map((issue) => locate(item, issue.path, issue.message, source)));
      if (recordErrors.count > 0) continue;
      batch.push({ source: item, value: parsed.data });
      if (batch.length >= SYNC_MAX_BATCH) {
        await writing;
        writing = write(batch);
        batch = [];
      }
    }
  } finally {
    // Never leave a batch running on the transaction past this pass (a file that breaks midway throws here).
    await writing;
  }
  if (recordErrors.count === 0 && batch.length) await write(batch);
  const invalid = recordErrors.count > 0;
  if (!invalid && batchFailures.count === 0) await summaries.write(tx, ctx);
  return { outcome, errors: invalid ? recordErrors : batchFailures, invalid, rows };
}

/** A failed batch's errors on the rows they concern: `items.<i>.<field>` → row and column. */
function batchErrors(error: unknown, batch: readonly SourceRecord[], source: RecordSource): RowError[] {
  const first = batch[0]?.rows[0] ?? 0;
  const last = batch.at(-1)?.rows.at(-1) ?? first;
  if (!(error instanceof AppError)) {
    const known = inputErrorOf(error); // e.g. a ledger invariant the database refused (migration 0006)
    return [{ row: first, column: '(batch)', message: `rows ${first}–${last} failed: ${(known ?? (error as Error)).message}` }];
  }
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
