/**
 * `npm run bench`: the issue-6 benchmark. On PostgreSQL (DATABASE_URL's server, database
 * `payside_bench`) a million-invoice organisation is generated and loaded over loopback with
 * autocannon (context, threads, search, and a bare route as the yardstick); a smaller
 * organisation on PGlite; a million-row CSV import; the Outlook pane's initial JavaScript; the
 * Gmail card's server time; the hot queries' plans. Writes bench/results/latest.{json,md}.
 *
 *   npm run bench -- [--smoke] [--pglite-only] [--skip-import] [--reuse] [--scale 1] [--pglite-scale 0.1] [--seconds 12] [--out-dir bench/results]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { initialJsGzipBytes } from '../addin-outlook/scripts/bundle-size';
import { rowsOf } from '../api/src/db/rows';
import { dropBenchDatabase, openBenchDatabase, smokeDatabaseName } from './bench-database';
import type { QueryPlan } from './explain';
import type { GeneratedOrg } from './generate';
import { measureImport } from './import-bench';
import { countRows, inProcessMeasures, loadServer, prepareOrganisation, type LoadSettings } from './phases';
import { TARGETS, verdict, writeResults, type Results } from './report';
import { loadSamples, type Samples } from './scenarios';
import { repoRoot, startServerProcess } from './server-process';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean' },
    'pglite-only': { type: 'boolean' },
    'skip-import': { type: 'boolean' },
    reuse: { type: 'boolean' },
    scale: { type: 'string' },
    'pglite-scale': { type: 'string' },
    seconds: { type: 'string' },
    'out-dir': { type: 'string' },
  },
});
const smoke = values.smoke === true;
const scale = smoke ? 0.001 : Number(values.scale ?? 1);
const pgliteScale = smoke ? 0.001 : Number(values['pglite-scale'] ?? 0.1);
// The smoke only shows that every phase works: fewer connections, so a cold server answers within its one-second runs.
const settings: LoadSettings = { connections: smoke ? 10 : 50, seconds: smoke ? 1 : Number(values.seconds ?? 12), warmupSeconds: smoke ? 1 : 3 };
const usePostgres = Boolean(process.env.DATABASE_URL) && values['pglite-only'] !== true;
const log = (line: string) => process.stdout.write(`${line}\n`);
const load1 = () => loadavg()[0]!.toFixed(2);

const results: Results = {
  mode: smoke ? 'smoke' : 'full',
  started_at: new Date().toISOString(),
  scale: usePostgres ? scale : null,
  pglite_scale: pgliteScale,
  connections: settings.connections,
  seconds_per_run: settings.seconds,
  machine_cpus: cpus().length,
  machine_cpu_model: cpus()[0]?.model ?? 'unknown',
  machine_memory_gb: Math.round(totalmem() / 2 ** 30),
  node_version: process.version,
  load_average_start: load1(),
};
let plans: QueryPlan[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'payside-bench-'));

async function postgresPhase() {
  const name = smoke ? smokeDatabaseName() : 'payside_bench';
  const reuse = values.reuse === true && !smoke;
  const { database, location } = await openBenchDatabase({ name, fresh: !reuse });
  try {
    log(`PostgreSQL: database ${name}`);
    const { org, generated } = await prepareOrganisation(database, scale, reuse, log);
    if (generated) results.generate_seconds = Math.round(org.seconds * 10) / 10;
    Object.assign(results, await countRows(database, org.orgId));
    results.postgres_version = rowsOf<{ v: string }>(await database.db.execute(sql`select split_part(version(), ' ', 2) as v`))[0]?.v ?? null;
    const samples = await loadSamples(database.db, org.orgId, org.collectorEmail);
    const measured = await inProcessMeasures(database, location.url, org, samples, smoke ? 3 : 30);
    plans = measured.plans;
    results.gmail_card_server_ms = measured.gmailMs;
    const server = await startServerProcess(location);
    try {
      Object.assign(results, await loadServer(server, org.token, samples, settings, '', false, log));
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
    if (smoke) await dropBenchDatabase(name);
  }
}

async function pglitePhase() {
  const dir = smoke ? join(scratch, 'pglite') : join(repoRoot, 'bench', '.data', 'pglite');
  const { database, location } = await openBenchDatabase({ pgliteDir: dir, fresh: true });
  log(`PGlite: ${dir}`);
  let org: GeneratedOrg;
  let samples: Samples;
  try {
    ({ org } = await prepareOrganisation(database, pgliteScale, false, log));
    results.pglite_generate_seconds = Math.round(org.seconds * 10) / 10;
    results.pglite_invoices = org.counts.invoices;
    samples = await loadSamples(database.db, org.orgId, org.collectorEmail);
    if (!usePostgres) results.gmail_card_server_ms = (await inProcessMeasures(database, undefined, org, samples, 3)).gmailMs;
  } finally {
    await database.close();
  }
  const server = await startServerProcess(location);
  try {
    Object.assign(results, await loadServer(server, org.token, samples, settings, 'pglite_', true, log));
  } finally {
    await server.stop();
  }
}

async function importPhase() {
  const rows = Math.round(1_000_000 * (usePostgres ? scale : pgliteScale));
  log(`CSV import of ${rows.toLocaleString('en-US')} invoices (${usePostgres ? 'PostgreSQL' : 'PGlite'})`);
  const target = usePostgres ? { databaseName: smoke ? smokeDatabaseName() : 'payside_bench_import' } : { pgliteRoot: join(scratch, 'import') };
  const { first, repeat } = await measureImport(target, { scale: usePostgres ? scale : pgliteScale, rows, file: join(scratch, 'invoices.csv'), repeat: !smoke, log });
  Object.assign(results, { import_rows: first.rows, import_rows_per_s: first.rowsPerSecond, import_seconds: first.seconds, import_peak_rss_mb: first.peakRssMb });
  if (repeat) Object.assign(results, { import_repeat_rows_per_s: repeat.rowsPerSecond, import_repeat_peak_rss_mb: repeat.peakRssMb });
}

function panePhase() {
  execFileSync(process.execPath, ['--import', 'tsx', 'addin-outlook/scripts/build.ts', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
  results.pane_js_gzip_kb = Math.round(initialJsGzipBytes(join(repoRoot, 'addin-outlook', 'dist')) / 102.4) / 10;
  log(`Outlook pane initial JavaScript: ${results.pane_js_gzip_kb} KB gzip`);
}

try {
  if (usePostgres) await postgresPhase();
  else log('PostgreSQL: skipped (DATABASE_URL not set, or --pglite-only)');
  await pglitePhase();
  if (values['skip-import'] !== true) await importPhase();
  panePhase();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
results.load_average_end = load1();
results.finished_at = new Date().toISOString();
const written = writeResults(values['out-dir'] ?? join(repoRoot, 'bench', 'results'), smoke ? 'smoke' : 'latest', results, plans);
for (const target of TARGETS) log(`${target.label}: ${results[target.key] ?? '—'} ${target.unit} — ${verdict(target, results[target.key])}`);
log(`Written: ${written.join(', ')}`);
