/** The import report as lines: a one-line summary, then the first 50 errors and how many more. */
import type { ImportReport } from './import-ledger-file';
import { formatCount } from './progress';

/** Lines of the report of importing `label` (a file name), which took `seconds` (left out when unknown). */
export function formatReport(label: string, report: ImportReport, seconds?: number): string[] {
  const rate = seconds === undefined ? '' : ` (${formatDuration(report.rows, seconds)})`;
  if (report.errorCount > 0) {
    const lines = [
      `${label}: ${formatCount(report.errorCount)} ${report.errorCount === 1 ? 'error' : 'errors'} in ${formatCount(report.rows)} rows of ${report.kind}; nothing was imported.`,
      ...report.errors.map((e) => `  row ${e.row}, column "${e.column}": ${e.message}`),
    ];
    if (report.errorCount > report.errors.length) lines.push(`  and ${formatCount(report.errorCount - report.errors.length)} more`);
    return lines;
  }
  const o = report.outcome ?? { created: 0, updated: 0, unchanged: 0 };
  const counts = `${formatCount(o.created)} created, ${formatCount(o.updated)} updated, ${formatCount(o.unchanged)} unchanged`;
  if (report.dryRun) return [`${label}: dry run of ${formatCount(report.rows)} rows of ${report.kind}, nothing changed; it would give ${counts}${rate}.`];
  return [`${label}: ${formatCount(report.rows)} rows of ${report.kind}: ${counts}${rate}.`];
}

/** "1.2 s, 2,055 rows/s" */
export function formatDuration(rows: number, seconds: number): string {
  return `${seconds.toFixed(1)} s, ${formatCount(rows / Math.max(seconds, 0.001))} rows/s`;
}
