/**
 * CSV import at scale: an organisation with the synthetic customers, a file of invoices for
 * them, and `payside import invoices` run as its own process while its peak RSS (VmHWM) is
 * sampled; then the same file again, which must change nothing.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../api/src/db/client';
import { rowsOf } from '../api/src/db/rows';
import { dropBenchDatabase, openBenchDatabase } from './bench-database';
import { generateOrganisation } from './generate';
import { repoRoot } from './server-process';

/** Rows/s and peak memory of one import run. */
export interface ImportRun {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  summary: string;
}

const DECIMALS: Record<string, number> = { JPY: 0 };

/** Writes `rows` invoices of the org's customers (`externalRef,customerRef,number,issueDate,dueDate,amount,currency,poNumber`). */
export async function writeInvoiceCsv(database: Database, orgId: string, file: string, rows: number): Promise<void> {
  const customers = rowsOf<{ ref: string; currency: string; terms: number }>(
    await database.db.execute(sql`select external_ref as ref, currency, payment_terms_days as terms from customers where org_id = ${orgId} order by external_ref`),
  );
  if (!customers.length) throw new Error('the import organisation has no customers');
  const out = createWriteStream(file);
  let state = 7;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const day = (base: number, offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
  const start = Date.UTC(2023, 0, 1);
  out.write('externalRef,customerRef,number,issueDate,dueDate,amount,currency,poNumber\n');
  let chunk = '';
  for (let k = 1; k <= rows; k++) {
    const customer = customers[Math.floor(customers.length * random() ** 2)]!;
    const issued = Math.floor((1095 * k) / rows);
    const decimals = DECIMALS[customer.currency] ?? 2;
    const amount = (Math.exp(6 + 4 * random()) * (decimals === 0 ? 1.5 : 1)).toFixed(decimals);
    const po = random() < 0.6 ? `PO-${100000 + Math.floor(random() * 899999)}` : '';
    const ref = `IMP-${String(k).padStart(7, '0')}`;
    chunk += `${ref},${customer.ref},${ref},${day(start, issued)},${day(start, issued + customer.terms)},${amount},${customer.currency},${po}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Runs `payside import invoices <file> --org <slug>` against `env`'s database; samples VmHWM every 100 ms. */
export function runImport(file: string, slug: string, env: NodeJS.ProcessEnv): Promise<ImportRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/main.ts', 'import', 'invoices', file, '--org', slug], { cwd: repoRoot, env: { ...env, LOG_LEVEL: 'error' } });
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (hwm) peakKb = Math.max(peakKb, Number(hwm));
    } catch {
      /* exited between samples */
    }
  };
  const timer = setInterval(sample, 100);
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    sample();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`import exited with ${code}: ${stderr || stdout}`));
      // "invoices.csv: 1,000,000 rows of invoices: 1,000,000 created, … (18.2 s, 54,945 rows/s)."
      const match = /: ([\d,]+) rows of invoices.*\(([\d.]+) s, ([\d,]+) rows\/s\)/.exec(stdout);
      if (!match) return reject(new Error(`unexpected import output: ${stdout}`));
      const number = (s: string) => Number(s.replace(/,/g, ''));
      resolve({
        rows: number(match[1]!),
        seconds: Number(match[2]),
        rowsPerSecond: number(match[3]!),
        peakRssMb: Math.round(peakKb / 1024),
        summary: `${stdout.trim()} (process ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      });
    });
  });
}

/** Import results: the first run creates every invoice, the repeat (when asked) must leave all unchanged. */
export interface ImportBench {
  first: ImportRun;
  repeat: ImportRun | null;
}

/** Where to import: a throwaway PostgreSQL database (by name, on DATABASE_URL's server) or a PGlite folder. */
export type ImportTarget = { databaseName: string } | { pgliteRoot: string };

/**
 * Creates org `bench-import` with the customers of `scale` in a fresh database, writes `rows`
 * invoices to `file`, closes it, then imports the file (twice with `repeat`) with the CLI.
 */
export async function measureImport(target: ImportTarget, options: { scale: number; rows: number; file: string; repeat: boolean; log: (line: string) => void }): Promise<ImportBench> {
  const pglite = 'pgliteRoot' in target;
  const { database, location } = await openBenchDatabase(pglite ? { pgliteDir: join(target.pgliteRoot, 'pglite'), fresh: true } : { name: target.databaseName, fresh: true });
  try {
    const org = await generateOrganisation(database, { scale: options.scale, slug: 'bench-import', customersOnly: true });
    await writeInvoiceCsv(database, org.orgId, options.file, options.rows);
    options.log(`  import: ${org.counts.customers.toLocaleString('en-US')} customers, ${options.rows.toLocaleString('en-US')} invoice rows in ${options.file}`);
  } finally {
    await database.close();
  }
  const env = pglite ? { ...process.env, DATABASE_URL: '', PAYSIDE_DATA_DIR: target.pgliteRoot } : { ...process.env, DATABASE_URL: location.url };
  try {
    const first = await runImport(options.file, 'bench-import', env);
    options.log(`  ${first.summary}, peak RSS ${first.peakRssMb} MB`);
    const repeat = options.repeat ? await runImport(options.file, 'bench-import', env) : null;
    if (repeat) options.log(`  again: ${repeat.summary}, peak RSS ${repeat.peakRssMb} MB`);
    return { first, repeat };
  } finally {
    rmSync(options.file, { force: true });
    if (!pglite) await dropBenchDatabase(target.databaseName);
  }
}
