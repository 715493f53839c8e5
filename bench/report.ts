/** Writes bench/results/<name>.json (flat keys) and <name>.md (targets met or missed, all figures, the hot queries' plans). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryPlan } from './explain';

/** The flat results: numbers, plus a few strings (machine, scale). */
export type Results = Record<string, number | string | boolean | null>;

interface Target {
  key: string;
  label: string;
  atLeast?: number;
  atMost?: number;
  unit: string;
}

/** The issue's targets on the 2-core machine, load generator included. */
export const TARGETS: Target[] = [
  { key: 'context_rps', label: 'POST /v1/context on PostgreSQL, 1M invoices', atLeast: 2500, unit: 'req/s' },
  { key: 'context_p99_ms', label: 'POST /v1/context p99 on PostgreSQL', atMost: 30, unit: 'ms' },
  { key: 'import_rows_per_s', label: 'CSV import of 1M invoices', atLeast: 50_000, unit: 'rows/s' },
  { key: 'import_peak_rss_mb', label: 'CSV import peak memory (RSS)', atMost: 300, unit: 'MB' },
  { key: 'pglite_context_rps', label: 'POST /v1/context on PGlite', atLeast: 300, unit: 'req/s' },
  { key: 'pane_js_gzip_kb', label: 'Outlook pane initial JavaScript (gzip)', atMost: 200, unit: 'KB' },
];

const fmt = (n: unknown) => (typeof n === 'number' ? (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 })) : n === null || n === undefined ? '—' : String(n));

/** "met", or "missed by 1,234 req/s (49%)". */
export function verdict(target: Target, value: unknown): string {
  if (typeof value !== 'number') return 'not measured';
  const goal = (target.atLeast ?? target.atMost)!;
  const gap = target.atLeast !== undefined ? goal - value : value - goal;
  if (gap <= 0) return 'met';
  return `missed by ${fmt(Math.round(gap * 10) / 10)} ${target.unit} (${Math.round((100 * gap) / goal)}%)`;
}

const pct = (ratio: unknown) => (typeof ratio === 'number' ? `${(100 * ratio).toFixed(1)}%` : '—');

const SCENARIOS: Array<[string, string]> = [
  ['context', 'POST /v1/context (mix: contact, domain, invoice no., no match)'],
  ['threads', 'POST /v1/threads (new and repeated)'],
  ['search', 'GET /v1/customers?q='],
  ['hello', 'GET /bench/hello (bare Hono JSON)'],
  ['pglite_context', 'POST /v1/context on PGlite'],
  ['pglite_hello', 'GET /bench/hello on the PGlite server'],
];

function markdown(results: Results, plans: readonly QueryPlan[]): string {
  const r = (key: string) => results[key];
  const lines = [
    `# Payside benchmark (${r('mode')})`,
    '',
    `${r('started_at')} · scale ${r('scale')} (PGlite ${r('pglite_scale')}) · ${r('machine_cpus')} × ${r('machine_cpu_model')} · load average ${r('load_average_start')} → ${r('load_average_end')} · node ${r('node_version')} · ${r('postgres_version') ?? 'no PostgreSQL'}`,
    '',
    '| target | goal | measured | verdict |',
    '|---|---|---|---|',
    ...TARGETS.map((t) => `| ${t.label} | ${t.atLeast !== undefined ? '≥' : '≤'} ${fmt(t.atLeast ?? t.atMost)} ${t.unit} | ${fmt(r(t.key))} | ${verdict(t, r(t.key))} |`),
    '',
    '| load (50 connections) | req/s | p50 ms | p99 ms | server ms (p50 / p99) | ÷ hello | non-2xx |',
    '|---|---|---|---|---|---|---|',
    ...SCENARIOS.filter(([k]) => r(`${k}_rps`) !== undefined).map(
      ([k, label]) => `| ${label} | ${fmt(r(`${k}_rps`))} | ${fmt(r(`${k}_p50_ms`))} | ${fmt(r(`${k}_p99_ms`))} | ${fmt(r(`${k}_server_ms`))} / ${fmt(r(`${k}_server_p99_ms`))} | ${pct(r(`${k}_hello_ratio`))} | ${fmt(r(`${k}_non2xx`))} |`,
    ),
    '',
    `Generation: ${fmt(r('generate_seconds'))} s on PostgreSQL (${fmt(r('invoices'))} invoices, ${fmt(r('customers'))} customers, ${fmt(r('payments'))} payments, ${fmt(r('messages'))} messages), ${fmt(r('pglite_generate_seconds'))} s on PGlite (${fmt(r('pglite_invoices'))} invoices).`,
    `Import: ${fmt(r('import_rows'))} rows at ${fmt(r('import_rows_per_s'))} rows/s, peak RSS ${fmt(r('import_peak_rss_mb'))} MB; the same file again (all unchanged) ${fmt(r('import_repeat_rows_per_s'))} rows/s. Gmail card: ${fmt(r('gmail_card_server_ms'))} ms server time.`,
    '',
    `## Hot queries (EXPLAIN ANALYZE, BUFFERS) — ${plans.length} distinct`,
  ];
  for (const p of plans) {
    lines.push('', `### ${p.during}: ${p.sql.replace(/\s+/g, ' ').slice(0, 90)}…`, '', `${p.asTenant ? 'as payside_app (RLS on)' : 'as the owner'} · ${fmt(p.executionMs)} ms${p.seqScans.length ? ` · sequential scans: ${p.seqScans.join(', ')}` : ''}`, '', '```sql', p.sql, '```', '', '```', p.plan, '```');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `<dir>/<name>.json` and `<dir>/<name>.md`; answers their paths. */
export function writeResults(dir: string, name: string, results: Results, plans: readonly QueryPlan[]): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${name}.json`);
  const md = join(dir, `${name}.md`);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(md, markdown(results, plans));
  return [json, md];
}
