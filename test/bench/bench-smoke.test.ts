/**
 * `npm run bench -- --smoke` still works end to end: a tiny organisation on PGlite (and on
 * PostgreSQL when DATABASE_URL is set), every load scenario, the import, the pane, the Gmail
 * card. Checks that every figure is there and positive — never how fast (that is the bench's job).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn';

const outDir = mkdtempSync(join(tmpdir(), 'payside-bench-smoke-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const ALWAYS = ['pglite_generate_seconds', 'pglite_context_rps', 'pglite_context_p99_ms', 'pglite_hello_rps', 'import_rows_per_s', 'import_peak_rss_mb', 'pane_js_gzip_kb', 'gmail_card_server_ms'];
const ON_POSTGRES = ['generate_seconds', 'context_rps', 'context_p50_ms', 'context_p99_ms', 'context_server_ms', 'hello_rps', 'context_hello_ratio', 'threads_rps', 'threads_p99_ms', 'search_rps', 'search_p99_ms'];

function runSmoke(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--out-dir', outDir], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'error' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

it('runs every phase of the benchmark and reports every figure', async () => {
  const { code, output } = await runSmoke();
  expect(code, output).toBe(0);
  const results = JSON.parse(readFileSync(join(outDir, 'smoke.json'), 'utf8')) as Record<string, unknown>;
  const keys = [...ALWAYS, ...(process.env.DATABASE_URL ? ON_POSTGRES : [])];
  const bad = keys.filter((key) => typeof results[key] !== 'number' || !((results[key] as number) > 0));
  expect(bad, JSON.stringify(results, null, 2)).toEqual([]);
  expect(results.import_rows).toBe(1000);
  expect(results.mode).toBe('smoke');
  const report = readFileSync(join(outDir, 'smoke.md'), 'utf8');
  expect(report).toContain('| target | goal | measured | verdict |');
  if (process.env.DATABASE_URL) expect(report).toMatch(/## Hot queries \(EXPLAIN ANALYZE, BUFFERS\) — [1-9]/);
}, 240_000);
