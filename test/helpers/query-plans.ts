/** Records the statements the app issues and plans them as the tenant role. */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Db } from '../../api/src/db/client';
import { quoteLiteral } from '../../api/src/db/pglite-prepared';
import * as schema from '../../api/src/db/schema';
import { APP_ROLE } from '../../api/src/lib/transaction';

export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** A second drizzle over the same connection(s) that records every statement. */
export function recordingDb(db: Db): { db: Db; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => void queries.push({ sql, params }) };
  const raw = (db as unknown as { $client: unknown }).$client;
  const recording = isPglite(raw) ? drizzlePglite(raw, { schema, logger }) : drizzlePostgres(raw as Sql, { schema, logger });
  return { db: recording as unknown as Db, queries };
}

const isPglite = (raw: unknown): raw is PGlite => typeof (raw as { unsafe?: unknown }).unsafe !== 'function';

/** A plan as JSON (for the checks) and as text (for the report). */
export interface Plan {
  json: PlanNode;
  text: string;
}

/**
 * EXPLAIN of one recorded statement as the app role (or, `asOwner`, as the owner, as a
 * SECURITY DEFINER function runs) with the org set, sequential scans and
 * hash/merge joins priced out: the plan for its parameter values (`specific`), and the
 * generic plan the app runs it with on either database (`generic`: prepared, then executed
 * with plan_cache_mode = force_generic_plan, as db/client.ts sets it).
 */
export async function explainAsTenant(db: Db, orgId: string, query: RecordedQuery, options: { asOwner?: boolean } = {}): Promise<{ specific: Plan; generic: Plan }> {
  const raw = (db as unknown as { $client: unknown }).$client;
  // Sequential scans, hash and merge joins priced out: what remains is what the indexes allow.
  const role = options.asOwner ? '' : `set_config('role', '${APP_ROLE}', true), `;
  const setup = [`set local enable_seqscan = off`, `set local enable_hashjoin = off`, `set local enable_mergejoin = off`, `select ${role}set_config('app.org_id', '${orgId}', true)`];
  const params = query.params.map((p) => (p instanceof Date ? p.toISOString() : p));
  // PREPARE outlives a rolled-back transaction: a name of its own, so a failed explain leaves no clash behind.
  const name = `hot_query_${++prepared}`;
  const execute = params.length ? `execute ${name}(${params.map(literal).join(', ')})` : `execute ${name}`;
  const generic = [`set local plan_cache_mode = force_generic_plan`, `prepare ${name} as ${query.sql}`];
  const planOf = (json: Array<Record<string, unknown>>, text: Array<Record<string, unknown>>): Plan => ({
    json: (json[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan,
    text: text.map((r) => r['QUERY PLAN']).join('\n'),
  });
  if (isPglite(raw)) {
    return raw.transaction(async (tx) => {
      for (const s of setup) await tx.query(s);
      const specific = planOf((await tx.query<Record<string, unknown>>(`explain (format json) ${query.sql}`, params)).rows, (await tx.query<Record<string, unknown>>(`explain ${query.sql}`, params)).rows);
      for (const s of generic) await tx.query(s);
      const genericPlan = planOf((await tx.query<Record<string, unknown>>(`explain (format json) ${execute}`)).rows, (await tx.query<Record<string, unknown>>(`explain ${execute}`)).rows);
      await tx.query(`deallocate ${name}`);
      await tx.rollback();
      return { specific, generic: genericPlan };
    });
  }
  const sql = raw as Sql;
  let out: { specific: Plan; generic: Plan } | undefined;
  await sql
    .begin(async (tx) => {
      for (const s of setup) await tx.unsafe(s);
      const specific = planOf(await tx.unsafe(`explain (format json) ${query.sql}`, params as never[]), await tx.unsafe(`explain ${query.sql}`, params as never[]));
      for (const s of generic) await tx.unsafe(s);
      try {
        out = { specific, generic: planOf(await tx.unsafe(`explain (format json) ${execute}`), await tx.unsafe(`explain ${execute}`)) };
      } finally {
        await tx.unsafe(`deallocate ${name}`);
      }
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return out!;
}

let prepared = 0;

/** A parameter value as an SQL literal, for EXECUTE (its type is the one PREPARE inferred). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return literal(`{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`);
  if (typeof value === 'object') return literal(JSON.stringify(value));
  return quoteLiteral(String(value));
}

class Rollback extends Error {}

interface ScanNode extends PlanNode {
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Index Name'?: string;
}

/** Whether an index condition narrows more than the organisation (`org_id = …` alone reads the whole org). */
const narrowsBeyondOrg = (cond: string | undefined) =>
  !!cond && cond.replace(/^\(|\)$/g, '').split(/ AND /).some((part) => !/\borg_id = /.test(part));

/**
 * Scans that read a whole organisation's rows: sequential scans (although they were
 * priced out, so no index was usable) and index scans bounded by `org_id` alone.
 */
export function wholeOrgScans(plan: PlanNode): string[] {
  const found: string[] = [];
  const walk = (node: ScanNode, relation?: string) => {
    const table = node['Relation Name'] ?? relation;
    if (node['Node Type'] === 'Seq Scan' && table) found.push(`${table} (sequential)`);
    if (['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'].includes(node['Node Type']) && !narrowsBeyondOrg(node['Index Cond'])) {
      found.push(`${table ?? node['Index Name']} (${node['Index Name']}: ${node['Index Cond'] ?? 'no condition'})`);
    }
    for (const child of node.Plans ?? []) walk(child as ScanNode, table);
  };
  walk(plan as ScanNode);
  return found;
}

/**
 * Volume for the planner to weigh (400 customers with 8,000 invoices, payments,
 * threads; 6,000 more customers with three domains and three contacts each), inserted set-based as the owner, then ANALYZEd: on a handful of rows
 * every index looks alike and plans say nothing.
 */
export async function seedVolume(db: Db, orgId: string, customerId: string): Promise<void> {
  const run = (text: string) => db.execute(sql.raw(text.replaceAll(':org', `'${orgId}'`).replaceAll(':customer', `'${customerId}'`)));
  await run(`insert into customers (org_id, name, currency) select :org, 'Volume ' || g, 'USD' from generate_series(1, 400) g`);
  await run(`insert into customer_domains (org_id, customer_id, domain) select org_id, id, 'volume-' || substr(id::text, 1, 8) || '.example' from customers where org_id = :org and name like 'Volume %'`);
  await run(`insert into contacts (org_id, customer_id, name, email) select org_id, id, name, 'ap@volume-' || substr(id::text, 1, 8) || '.example' from customers where org_id = :org and name like 'Volume %'`);
  await run(`insert into invoices (org_id, customer_id, number, po_number, issue_date, due_date, amount, currency)
    select c.org_id, c.id, 'V-' || substr(c.id::text, 1, 8) || '-' || g, 'PO-V' || substr(c.id::text, 1, 6) || g, date '2025-01-01' + g * 30, date '2025-01-31' + g * 30, 10000 + g, 'USD'
    from customers c cross join generate_series(1, 20) g where c.org_id = :org and c.name like 'Volume %'`);
  await run(`insert into payments (org_id, customer_id, amount, currency, received_date) select org_id, customer_id, amount, currency, due_date + 5 from invoices where org_id = :org and number like 'V-%' and due_date < date '2026-06-01'`);
  await run(`insert into payment_allocations (org_id, payment_id, invoice_id, amount)
    select p.org_id, p.id, i.id, p.amount from payments p join invoices i on i.org_id = p.org_id and i.customer_id = p.customer_id and i.due_date + 5 = p.received_date and i.amount = p.amount where p.org_id = :org`);
  await run(`insert into threads (org_id, customer_id, provider, provider_thread_id, subject) select org_id, id, 'outlook', 'vol-' || id, 'Statement' from customers where org_id = :org and name like 'Volume %'`);
  await run(`insert into messages (org_id, thread_id, message_key, from_address, subject) select t.org_id, t.id, '<' || t.id || '-' || g || '@volume>', 'ap@volume.example', 'Statement' from threads t cross join generate_series(1, 5) g where t.org_id = :org`);
  await run(`insert into disputes (org_id, customer_id, reason, amount, currency)
    select org_id, id, 'pricing', 100, 'USD' from customers where org_id = :org and name like 'Volume %' and substr(id::text, 1, 1) < '4'`);
  await run(`insert into dispute_invoices (org_id, dispute_id, invoice_id)
    select d.org_id, d.id, (select i.id from invoices i where i.org_id = d.org_id and i.customer_id = d.customer_id order by i.due_date desc limit 1) from disputes d where d.org_id = :org`);
  await run(`insert into promises (org_id, customer_id, amount, currency, promised_date, made_on, status)
    select org_id, id, 5000, 'USD', date '2025-06-01' + g * 60, date '2025-05-25' + g * 60, case when g < 3 then 'kept' else 'open' end::promise_status
    from customers cross join generate_series(1, 3) g where org_id = :org and name like 'Volume %'`);
  await run(`insert into holds (org_id, customer_id, until, reason) select org_id, id, date '2025-01-01' + g * 90, 'Volume hold ' || g
    from customers cross join generate_series(1, 2) g where org_id = :org and name like 'Volume %'`);
  // Many more names and contacts (without ledgers): search's trigram indexes only pay off against a whole org's worth.
  await run(`insert into customers (org_id, name, external_ref, currency) select :org, 'Listed ' || md5(g::text), 'L-' || g, 'USD' from generate_series(1, 6000) g`);
  await run(`insert into contacts (org_id, customer_id, name, email) select org_id, id, 'Clerk ' || substr(md5(id::text || g), 1, 10), substr(md5(id::text || g), 1, 12) || '@listed.example'
    from customers cross join generate_series(1, 3) g where org_id = :org and name like 'Listed %'`);
  await run(`insert into customer_domains (org_id, customer_id, domain) select org_id, id, substr(md5(id::text || g), 1, 12) || '.example'
    from customers cross join generate_series(1, 3) g where org_id = :org and name like 'Listed %'`);
  await run('analyze');
}
