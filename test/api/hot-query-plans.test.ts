/**
 * The sidebar's hot queries, as the code really issues them, each planned as the
 * tenant role (row-level security on) with sequential scans priced out: every
 * table they touch must be reachable by an index, in the plan for the request's values
 * and in the generic plan PostgreSQL runs the prepared statement with. Under RLS a filter calling a
 * non-leakproof function cannot use an index, which once made each invoice number
 * in an email scan all of the org's invoices; this catches that class of bug on
 * both databases. The plans are written to test/artifacts/hot-query-plans.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApp } from '../helpers/app';
import type { Db } from '../../api/src/db/client';
import { rowsOf } from '../../api/src/db/rows';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedContact, seedCustomer, seedInvoice, seedOrg, seedPayment, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { explainAsTenant, recordingDb, type RecordedQuery, seedVolume, wholeOrgScans } from '../helpers/query-plans';

let database: TestDatabase;
let recorded: RecordedQuery[];
let api: ReturnType<typeof client>;
let org: SeededOrg;
let acme: { id: string };
const report: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db, { ownDomains: ['northwind.example'] });
  acme = await seedCustomer(database.db, org.orgId, { name: 'Acme Industrial', domains: ['acme.example'] });
  await seedContact(database.db, org.orgId, acme.id, { email: 'ap@acme.example', name: 'Acme AP', role: 'ap' });
  const invoice = await seedInvoice(database.db, org.orgId, acme.id, { number: 'INV-1001', poNumber: 'PO-77', issueDate: '2026-10-01', dueDate: '2026-10-31', amount: 50_000 });
  await seedPayment(database.db, org.orgId, acme.id, { amount: 20_000, receivedDate: '2026-11-02', allocations: [{ invoiceId: invoice.id, amount: 20_000 }] });
  await seedVolume(database.db, org.orgId, acme.id);
  const recorder = recordingDb(database.db);
  recorded = recorder.queries;
  api = client(createApp({ db: recorder.db }), org.tokens.collector);
  // seedVolume writes ~40,000 rows through every trigger (settlement state, ledger invariants) and
  // analyzes: on PGlite, beside the rest of the suite on two cores, that takes about a minute.
}, 180_000);

afterAll(async () => {
  mkdirSync('test/artifacts', { recursive: true });
  writeFileSync(`test/artifacts/hot-query-plans${database.url ? '-postgres' : ''}.txt`, report.join('\n'));
  await database?.close();
});

/** Runs one request and plans every statement it issued. */
async function plansOf(request: () => Promise<{ status: number }>, label: string) {
  recorded.length = 0;
  const response = await request();
  expect(response.status).toBeLessThan(300);
  const statements = recorded.filter((q) => /^\s*(select|with|insert|update)/i.test(q.sql) && !q.sql.includes('set_config'));
  expect(statements.length).toBeGreaterThan(0);
  const findings: string[] = [];
  for (const q of statements) {
    const { specific, generic } = await explainAsTenant(database.db as Db, org.orgId, q);
    report.push(`## ${label}\n${q.sql.replace(/\s+/g, ' ').trim()}\n${specific.text}\n### generic plan\n${generic.text}\n`);
    if (q.sql.includes(ORG_NORMS_MARKER)) continue;
    for (const [kind, plan] of [['specific', specific], ['generic', generic]] as const) {
      for (const scan of wholeOrgScans(plan.json)) findings.push(`${scan} in the ${kind} plan of: ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  return findings;
}

/** The node types between the scan of `index` and the plan's root, nearest first ([] when no node scans it). */
function nodesAbove(plan: { 'Node Type': string; 'Index Name'?: string; Plans?: unknown[] }, index: string): string[] {
  if (plan['Index Name'] === index) return [plan['Node Type']];
  for (const child of (plan.Plans ?? []) as Array<typeof plan>) {
    const path = nodesAbove(child, index);
    if (path.length) return [...path, plan['Node Type']];
  }
  return [];
}

/** The org-wide payment norms statistic reads a year of the org's invoices by design; it is cached (services/customers/org-norms-cache.ts). */
const ORG_NORMS_MARKER = 'with inv as (';

const context = (body: Record<string, unknown>) => () => api.post('/v1/context', { provider: 'outlook', to: [], cc: [], subject: '', bodyText: '', ...body });

describe('hot queries use indexes under row-level security', () => {
  it('context matched by contact email', async () => {
    expect(await plansOf(context({ from: 'ap@acme.example' }), 'context: contact')).toEqual([]);
  });

  it('context matched by domain only', async () => {
    expect(await plansOf(context({ from: 'new.person@acme.example' }), 'context: domain')).toEqual([]);
  });

  it('context matched by an invoice or PO number in the subject', async () => {
    expect(await plansOf(context({ from: 'someone@unknown.example', subject: 'Re: INV 1001 and PO-77' }), 'context: invoice number')).toEqual([]);
  });

  it('context with no match and an unknown thread', async () => {
    expect(await plansOf(context({ from: 'x@nobody.example', threadId: 'conv-unknown' }), 'context: no match')).toEqual([]);
  });

  it('logging a thread, then the context of that thread', async () => {
    const log = () => api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-1', customerId: acme.id, subject: 'Remittance', messages: [{ internetMessageId: '<m1@acme.example>', from: 'ap@acme.example', subject: 'Remittance' }] });
    expect(await plansOf(log, 'log thread')).toEqual([]);
    expect(await plansOf(context({ from: 'ap@acme.example', threadId: 'conv-1', internetMessageId: '<m1@acme.example>' }), 'context: logged thread')).toEqual([]);
  });

  it('customer search reads names, domains and contacts through trigram indexes, in the org only (payside_search_hits)', async () => {
    // The function's own statement, as it runs: as the owner (SECURITY DEFINER), its arguments parameters.
    const [fn] = rowsOf<{ body: string }>(await database.db.execute(sql`select prosrc as body from pg_proc where proname = 'payside_search_hits'`));
    const statement = fn!.body.replace(/\bterm\b/g, '$1').replace(/\bpattern\b/g, '$2');
    const { specific, generic } = await explainAsTenant(database.db as Db, org.orgId, { sql: statement, params: ['acme', '%acme%'] }, { asOwner: true });
    report.push(`## search: payside_search_hits as the owner\n${statement.replace(/\s+/g, ' ').trim()}\n${specific.text}\n### generic plan\n${generic.text}\n`);
    expect([...wholeOrgScans(specific.json), ...wholeOrgScans(generic.json)]).toEqual([]);
    // "Contains" can only be served by the trigram indexes (prefixes also by a btree under the C collation).
    for (const plan of [specific, generic]) {
      expect(plan.text).toMatch(/customers_name_trgm_idx/);
      expect(plan.text).toMatch(/contacts_name_trgm_idx/);
    }
    expect(specific.text).toMatch(/payside_current_org\(\)|current_setting\('app\.org_id'/);
  });

  it('an empty search lists the first customers along the name index, reading no more than it shows', async () => {
    recorded.length = 0;
    const response = await api.get('/v1/customers?q=&limit=20');
    expect(response.status).toBe(200);
    const [listing] = recorded.filter((q) => /^\s*with best as/i.test(q.sql));
    expect(listing).toBeDefined();
    const { specific, generic } = await explainAsTenant(database.db as Db, org.orgId, listing!);
    report.push(`## search: empty query\n${listing!.sql.replace(/\s+/g, ' ').trim()}\n${specific.text}\n### generic plan\n${generic.text}\n`);
    for (const plan of [specific, generic]) {
      // The limit sits over the name index with nothing between that reads the whole org first: an
      // incremental sort only orders equal names by id. (The outer sort orders the twenty rows shown.)
      const path = nodesAbove(plan.json, 'customers_org_name_idx');
      expect(path.indexOf('Limit')).toBeGreaterThan(0);
      expect(path.slice(0, path.indexOf('Limit'))).not.toContain('Sort');
    }
  });

  it('customer search by invoice number reads invoices by key', async () => {
    expect(await plansOf(() => api.get('/v1/customers?q=INV-1001'), 'search: invoice number')).toEqual([]);
  });
});
