/** Imports one file of one kind: all of it in one transaction, or nothing. */
import type { TLedgerKind } from '@shared/schemas';
import type { ServiceContext } from '../lib/types';
import type { UpsertOutcome } from '../services/ledger/ledger-lookups';
import { applyRecords, type ProgressListener } from './import-records';
import type { RecordSource, RowError } from './import-types';
import { inRollbackableTransaction } from './rollbackable-transaction';

export interface ImportReport {
  kind: string;
  rows: number;
  /** What was (or, on a dry run or with errors, would have been) written. */
  outcome: UpsertOutcome | null;
  /** The first 50 errors; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  dryRun: boolean;
  /** Whether the changes were committed. */
  applied: boolean;
}

export interface ImportOptions {
  dryRun?: boolean;
  progress?: ProgressListener;
}

/**
 * One pass over the file inside one transaction: rows checked as read and upserted in batches;
 * a file with any bad row changes nothing (rolled back), and neither does a dry run.
 */
export async function importLedgerFile(ctx: ServiceContext, kind: TLedgerKind, source: RecordSource, options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const { value, committed } = await inRollbackableTransaction(ctx, async (tx) => {
    const applied = await applyRecords(tx, ctx, kind, source, options.progress);
    return { value: applied, commit: applied.errors.count === 0 && !dryRun };
  });
  const outcome = value.invalid ? null : value.outcome;
  return { kind, rows: value.rows, outcome, errors: value.errors.items, errorCount: value.errors.count, dryRun, applied: committed };
}
