/** CLI commands that bring the ledger in (CSV import, the IBM preset) and measure the predictions on it. */
import { basename, resolve } from 'node:path';
import { isIsoCurrency } from '@shared/money';
import { LEDGER_KINDS, type TLedgerKind } from '@shared/schemas';
import type { BacktestScore } from '@shared/ar';
import { AppError } from '../lib/errors';
import type { ServiceContext } from '../lib/types';
import { readMappingFile, type ReadOptions } from '../import/column-mapping';
import { csvSource } from '../import/csv-source';
import { formatDuration, formatReport } from '../import/format-report';
import { importIbmPreset } from '../import/import-ibm-preset';
import { importLedgerFile, type ImportReport } from '../import/import-ledger-file';
import { DATE_FORMATS, type DateFormat } from '../import/parse-date';
import { progressReporter } from '../import/progress';
import { backtestOrg } from '../services/backtest/backtest-org';
import { findOrganizationBySlug } from '../services/orgs/create-organization';
import type { Command, CommandInput } from './commands';

const str = (values: CommandInput['values'], name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

/** The CLI acts as "cli" in the audit log. */
async function cliContext(input: CommandInput): Promise<ServiceContext> {
  const slug = str(input.values, 'org');
  if (!slug) throw new AppError('validation_failed', '--org <slug> is required');
  const org = await findOrganizationBySlug(input.db, slug);
  return { db: input.db, orgId: org.id, actor: { userId: null, label: 'cli' } };
}

function readOptions({ values, cwd }: CommandInput): { explicit: Record<string, string>; options: ReadOptions } {
  const mapping = str(values, 'mapping');
  const file = mapping ? readMappingFile(resolve(cwd, mapping)) : { columns: {} };
  const explicit: Record<string, string> = { ...file.columns };
  for (const pair of (values.map as string[] | undefined) ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new AppError('validation_failed', `--map ${pair}: expected column=field`);
    explicit[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const dateFormat = (str(values, 'date-format') ?? ('dateFormat' in file ? file.dateFormat : undefined) ?? 'iso') as DateFormat;
  if (!DATE_FORMATS.includes(dateFormat)) throw new AppError('validation_failed', '--date-format must be iso, dmy or mdy');
  const decimal = str(values, 'decimal') ?? ('decimal' in file ? file.decimal : undefined) ?? '.';
  if (decimal !== '.' && decimal !== ',') throw new AppError('validation_failed', '--decimal must be . or ,');
  const currency = (str(values, 'currency') ?? ('currency' in file ? file.currency : undefined))?.toUpperCase();
  if (currency !== undefined && !isIsoCurrency(currency)) throw new AppError('validation_failed', '--currency must be an ISO 4217 code such as USD');
  return { explicit, options: { dateFormat, decimal, currency } };
}

/** Prints the reports; any error makes the command fail (exit 1) after listing them. */
function finish(input: CommandInput, file: string, reports: ImportReport[], seconds: number): void {
  const single = reports.length === 1;
  const lines = reports.flatMap((r) => formatReport(basename(file), r, single ? seconds : undefined));
  if (reports.some((r) => r.errorCount > 0)) throw new AppError('validation_failed', lines.join('\n'));
  for (const line of lines) input.out(line);
  if (!single) input.out(`Done in ${formatDuration(reports.reduce((sum, r) => sum + r.rows, 0), seconds)}.`);
}

const pct = (score: BacktestScore) => (score.predictionMae !== null && score.dueDateMae ? Math.round((100 * score.predictionMae) / score.dueDateMae) : null);
const days = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)} days`).padStart(12);

export const ledgerCommands: Record<string, Command> = {
  import: {
    summary: 'Import a CSV file of customers, contacts, invoices, payments or credit notes (all rows or none)',
    usage: `import <${LEDGER_KINDS.join('|')}> <file.csv> --org <slug> [--map column=field]… [--mapping mapping.json] [--date-format iso|dmy|mdy] [--decimal .|,] [--currency USD] [--dry-run]`,
    options: { org: { type: 'string' }, map: { type: 'string', multiple: true }, mapping: { type: 'string' }, 'date-format': { type: 'string' }, decimal: { type: 'string' }, currency: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    run: async (input) => {
      const [kind, file] = input.positionals;
      if (!kind || !LEDGER_KINDS.includes(kind as TLedgerKind) || !file) throw new AppError('validation_failed', `usage: import <${LEDGER_KINDS.join('|')}> <file.csv> --org <slug>`);
      const { explicit, options } = readOptions(input);
      const ctx = await cliContext(input);
      const progress = progressReporter(input.stderr);
      const report = await importLedgerFile(ctx, kind as TLedgerKind, csvSource(kind as TLedgerKind, resolve(input.cwd, file), explicit, options), { dryRun: input.values['dry-run'] === true, progress: progress.listener });
      finish(input, file, [report], progress.finish());
    },
  },
  'import-preset': {
    summary: 'Import a known public ledger: "ibm" is the IBM late-payment histories sample (customers, invoices, payments, resolved disputes)',
    usage: 'import-preset ibm <file.csv> --org <slug> [--dry-run]',
    options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    run: async (input) => {
      const [preset, file] = input.positionals;
      if (preset !== 'ibm' || !file) throw new AppError('validation_failed', 'usage: import-preset ibm <file.csv> --org <slug>');
      const ctx = await cliContext(input);
      const progress = progressReporter(input.stderr);
      const reports = await importIbmPreset(ctx, resolve(input.cwd, file), { dryRun: input.values['dry-run'] === true, progress: progress.listener });
      finish(input, file, reports, progress.finish());
    },
  },
  backtest: {
    summary: "Replay an organisation's paid invoices in time order and compare predicted pay dates with the due date",
    usage: 'backtest <org-slug>',
    options: {},
    run: async (input) => {
      const slug = input.positionals[0];
      if (!slug) throw new AppError('validation_failed', 'usage: backtest <org-slug>');
      const org = await findOrganizationBySlug(input.db, slug);
      const result = await backtestOrg({ db: input.db, orgId: org.id, actor: { userId: null, label: 'cli' } });
      if (result.overall.count === 0) throw new AppError('validation_failed', `Organisation "${slug}" has no paid invoices to replay`);
      input.out(`Backtest of "${slug}": each paid invoice predicted from what was paid before the day it was issued.`);
      input.out(`Mean absolute error of the pay date:   invoices    predicted     due date`);
      for (const [label, score] of [['all', result.overall], ['disputed', result.disputed], ['undisputed', result.undisputed]] as const) {
        input.out(`  ${label.padEnd(34)} ${score.count.toLocaleString('en-US').padStart(8)} ${days(score.predictionMae)} ${days(score.dueDateMae)}`);
      }
      input.out(`The prediction's error is ${pct(result.overall)}% of the due date's (disputed: ${pct(result.disputed) ?? '—'}%).`);
    },
  },
};
