/** `import-preset ibm`: customers, invoices, payments and resolved disputes from the IBM sample, in one transaction. */
import { SYNC_MAX_BATCH } from '@shared/schemas';
import type { ServiceContext } from '../lib/types';
import { importResolvedDisputes } from '../services/ledger/import-resolved-disputes';
import { ibmDisputes, ibmSource } from './ibm-preset';
import type { ImportOptions, ImportReport } from './import-ledger-file';
import { applyRecords, checkRecords } from './import-records';
import { inRollbackableTransaction } from './rollbackable-transaction';

const KINDS = ['customers', 'invoices', 'payments'] as const;

/** One report per kind (plus disputes); any bad row, or a dry run, changes nothing at all. */
export async function importIbmPreset(ctx: ServiceContext, file: string, options: ImportOptions = {}): Promise<ImportReport[]> {
  const dryRun = options.dryRun ?? false;
  const checked = await Promise.all(KINDS.map((kind) => checkRecords(kind, ibmSource(file, kind), options.progress)));
  if (checked.some((c) => c.errors.count > 0)) {
    return checked.map((c, i) => ({ kind: KINDS[i]!, rows: c.rows, outcome: null, errors: c.errors.items, errorCount: c.errors.count, dryRun, applied: false }));
  }
  const { value, committed } = await inRollbackableTransaction(ctx, async (tx) => {
    const reports: Array<Omit<ImportReport, 'applied'>> = [];
    for (const kind of KINDS) {
      const applied = await applyRecords(tx, ctx, kind, ibmSource(file, kind), options.progress);
      reports.push({ kind, rows: applied.rows, outcome: applied.outcome, errors: applied.errors.items, errorCount: applied.errors.count, dryRun });
    }
    const disputes = { created: 0, updated: 0, unchanged: 0 };
    let rows = 0;
    for await (const batch of ibmDisputes(file, SYNC_MAX_BATCH)) {
      const outcome = await importResolvedDisputes({ ...ctx, db: tx }, batch);
      disputes.created += outcome.created;
      disputes.unchanged += outcome.unchanged;
      rows += batch.length;
    }
    reports.push({ kind: 'resolved disputes', rows, outcome: disputes, errors: [], errorCount: 0, dryRun });
    return { value: reports, commit: !dryRun && reports.every((r) => r.errorCount === 0) };
  });
  return value.map((report) => ({ ...report, applied: committed }));
}
