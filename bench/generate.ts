/**
 * Generates the synthetic organisation directly in the database, set-based: one
 * `INSERT … SELECT` per table (secondary indexes dropped first and rebuilt after, as a bulk
 * load would), then VACUUM ANALYZE. Runs as the owner; RLS does not apply to it.
 *
 *   tsx bench/generate.ts --scale 0.01 [--pglite <dir>]     (PostgreSQL from DATABASE_URL otherwise)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../api/src/db/client';
import { rowsOf } from '../api/src/db/rows';
import { createOrganization } from '../api/src/services/orgs/create-organization';
import { createToken } from '../api/src/services/tokens/create-token';
import { openBenchDatabase } from './bench-database';
import { activityStatements } from './synthetic-activity-sql';
import { countsAt, customerStatements, invoicePlanStatement, ledgerStatements, type LedgerTarget, type SyntheticCounts } from './synthetic-ledger-sql';
import { syntheticFunctions } from './synthetic-sql-functions';

/** The generated organisation and how to call the API as its collector. */
export interface GeneratedOrg {
  orgId: string;
  slug: string;
  /** A collector's personal API token. */
  token: string;
  collectorEmail: string;
  counts: SyntheticCounts;
  seconds: number;
}

const TABLES = ['customers', 'customer_domains', 'contacts', 'invoices', 'payments', 'payment_allocations', 'credit_notes', 'disputes', 'dispute_invoices', 'promises', 'holds', 'threads', 'messages', 'notes'];
const OWN_DOMAIN = 'payside-bench.example';
const run = (db: Db, text: string) => db.execute(sql.raw(text));

/** Creates the organisation `slug` with users and a token, then its customers and (unless `customersOnly`) its whole ledger and activity at `scale`. */
export async function generateOrganisation(database: Database, options: { scale: number; slug?: string; customersOnly?: boolean; log?: (line: string) => void }): Promise<GeneratedOrg> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const slug = options.slug ?? 'bench';
  const counts = countsAt(options.scale);
  const { db } = database;
  const org = await createOrganization(db, { slug, name: 'Bench Finance', ownDomains: [OWN_DOMAIN], timeZone: 'UTC' }, 'bench');
  const collectorEmail = `collector@${slug}.${OWN_DOMAIN}`;
  const { secret } = await createToken(db, { orgId: org.id, email: collectorEmail, role: 'collector' }, 'bench');
  await run(db, `insert into users (org_id, email, name, role)
    select '${org.id}'::uuid, 'collector' || n || '@${slug}.${OWN_DOMAIN}', 'Collector ' || n, 'collector'::user_role from generate_series(2, 10) n
    union all select '${org.id}'::uuid, 'viewer@${slug}.${OWN_DOMAIN}', 'Sales Viewer', 'viewer'::user_role`);
  const collectorIds = rowsOf<{ id: string }>(await run(db, `select id from users where org_id = '${org.id}' and role = 'collector' order by email`)).map((r) => r.id);
  const target: LedgerTarget = { orgId: org.id, collectorIds, counts, idKind: slug };

  await db.transaction(async (tx) => {
    const step = async (label: string, text: string) => {
      const t0 = performance.now();
      for (const statement of text.split(/;\s*\n/)) await run(tx, statement);
      log(`  ${label.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };
    for (const fn of syntheticFunctions()) await run(tx, fn);
    const [me] = rowsOf<{ superuser: boolean }>(await run(tx, 'select rolsuper as superuser from pg_roles where rolname = current_user'));
    // Bulk load: the generated rows are consistent by construction, so FK triggers may sleep (superuser only).
    if (me?.superuser) await run(tx, 'set local session_replication_role = replica');
    const indexes = options.customersOnly ? [] : await dropSecondaryIndexes(tx);
    const [plan, customers, domains, contacts] = customerStatements(target);
    await step('customer plan', plan!);
    await step('customers', customers!);
    await step('customer domains', domains!);
    await step('contacts', contacts!);
    if (!options.customersOnly) {
      await step('invoice plan', invoicePlanStatement(target));
      const labels = ['invoices', 'payments', 'payment allocations', 'credit notes', 'dispute plan', 'disputes', 'dispute invoices', 'promises', 'holds', 'thread plan', 'threads', 'messages', 'notes'];
      for (const [i, text] of [...ledgerStatements(target), ...activityStatements(target)].entries()) await step(labels[i] ?? `step ${i}`, text);
      for (const table of ['gen_inv', 'gen_dispute', 'gen_thread']) await run(tx, `drop table ${table}`);
      await step('secondary indexes', indexes.map((i) => i.def).join(';\n'));
    }
    await run(tx, 'drop table gen_cust');
  });
  const t0 = performance.now();
  for (const table of TABLES) await run(db, `vacuum (analyze) ${table}`);
  log(`  ${'vacuum analyze'.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { orgId: org.id, slug, token: secret, collectorEmail, counts, seconds: (performance.now() - started) / 1000 };
}

/** Drops the non-constraint indexes of the generated tables; answers their definitions to rebuild them. */
async function dropSecondaryIndexes(tx: Db): Promise<Array<{ name: string; def: string }>> {
  const indexes = rowsOf<{ name: string; def: string }>(
    await run(
      tx,
      `select quote_ident(ci.relname) as name, pg_get_indexdef(i.indexrelid) as def
         from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ci on ci.oid = i.indexrelid
        where t.relnamespace = 'public'::regnamespace and t.relname in (${TABLES.map((t) => `'${t}'`).join(',')})
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    ),
  );
  for (const index of indexes) await run(tx, `drop index ${index.name}`);
  return indexes;
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.01' }, pglite: { type: 'string' } } });
  const scale = Number(values.scale);
  const { database, where } = await openBenchDatabase({ pgliteDir: values.pglite, fresh: true });
  try {
    console.log(`Generating scale ${scale} into ${where}`);
    const org = await generateOrganisation(database, { scale, log: console.log });
    console.log(`Generated ${org.counts.invoices.toLocaleString('en-US')} invoices in ${org.seconds.toFixed(1)} s; collector token ${org.token}`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
