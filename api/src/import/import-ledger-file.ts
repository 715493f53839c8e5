/** Imports one file of one kind: check it all, then apply it all in one transaction, or nothing. */
import type { TLedgerKind } from '@shared/schemas';
import type { ServiceContext } from '../lib/types';
import type { UpsertOutcome } from '../services/ledger/ledger-lookups';
import { applyRecords, checkRecords, type ProgressListener } from './import-records';
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

/** A file with any bad row changes nothing; a dry run reports the counts and changes nothing. */
export async function importLedgerFile(ctx: ServiceContext, kind: TLedgerKind, source: RecordSource, options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const checked = await checkRecords(kind, source, options.progress);
  if (checked.errors.count > 0) {
    return { kind, rows: checked.rows, outcome: null, errors: checked.errors.items, errorCount: checked.errors.count, dryRun, applied: false };
  }
  const { value, committed } = await inRollbackableTransaction(ctx, async (tx) => {
    const applied = await applyRecords(tx, ctx, kind, source, options.progress);
    return { value: applied, commit: applied.errors.count === 0 && !dryRun };
  });
  return { kind, rows: value.rows, outcome: value.outcome, errors: value.errors.items, errorCount: value.errors.count, dryRun, applied: committed };
}
