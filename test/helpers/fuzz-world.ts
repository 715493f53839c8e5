/**
 * The database the fuzzer runs against: the demo organisation (a year of ledger, threads,
 * disputes, promises, holds) with a token per role, and a second organisation whose ids
 * must answer exactly like missing ones. Also the row-count snapshot of every table.
 */
import type { TRole } from '@shared/schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '../../api/src/db/client';
import { rowsOf } from '../../api/src/db/rows';
import { DEMO_USERS } from '../../api/src/seed/demo-directory';
import { seedDemo } from '../../api/src/seed/seed-demo';
import { createToken } from '../../api/src/services/tokens/create-token';
import { seedContact, seedCustomer, seedInvoice, seedOrg } from './factories';

/** Kinds of row whose ids the fuzzer puts in paths and bodies. */
export const ID_TABLES = ['customers', 'threads', 'messages', 'contacts', 'disputes', 'holds', 'promises', 'invoices', 'users', 'notes', 'payments'] as const;
export type IdKind = (typeof ID_TABLES)[number];

export interface FuzzWorld {
  orgId: string;
  tokens: Record<TRole, string>;
  /** Ids of the demo organisation's rows, by table. */
  ids: Record<IdKind, string[]>;
  /** Ids of the other organisation's rows (never visible to the demo tokens). */
  foreignIds: string[];
  /** Natural keys of the demo organisation: emails, thread keys, references, names. */
  keys: Record<'email' | 'threadKey' | 'messageKey' | 'customerRef' | 'invoiceRef' | 'contactRef' | 'paymentRef' | 'name' | 'invoiceNumber', string[]>;
}

const column = async (db: Db, query: ReturnType<typeof sql>) => rowsOf<{ v: string | null }>(await db.execute(query)).flatMap((r) => (r.v ? [r.v] : []));

/** Seeds the demo organisation (as of today) and a foreign one; returns their ids and tokens. */
export async function seedFuzzWorld(db: Db): Promise<FuzzWorld> {
  const { orgId } = await seedDemo(db, { slug: 'fuzz-demo' });
  const tokens = {} as Record<TRole, string>;
  for (const role of ['admin', 'collector', 'viewer'] as const) {
    const user = DEMO_USERS.find((u) => u.role === role)!;
    tokens[role] = (await createToken(db, { orgId, email: user.email, role }, 'test')).secret;
  }
  const foreign = await seedOrg(db);
  const fc = await seedCustomer(db, foreign.orgId, { domains: ['foreign.example'] });
  await seedContact(db, foreign.orgId, fc.id, { email: 'ap@foreign.example' });
  await seedInvoice(db, foreign.orgId, fc.id, { issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 1000 });

  // A few customers with the most invoices, and rows of theirs: a random pick of a customer and an invoice often matches.
  const focus = await column(
    db,
    sql`(select customer_id::text as v from invoices where org_id = ${orgId} group by customer_id order by count(*) desc, customer_id limit 3)
        union (select min(customer_id::text) from holds where org_id = ${orgId}) union (select min(customer_id::text) from disputes where org_id = ${orgId})
        union (select min(customer_id::text) from threads where org_id = ${orgId}) union (select min(customer_id::text) from promises where org_id = ${orgId})`,
  );
  const ids = {} as FuzzWorld['ids'];
  for (const table of ID_TABLES) {
    const scope = table === 'customers' ? sql`and id in ${focus}` : table === 'messages' ? sql`and thread_id in (select id from threads where customer_id in ${focus})` : table === 'users' ? sql`` : sql`and customer_id in ${focus}`;
    ids[table] = await column(db, sql`select id::text as v from ${sql.identifier(table)} where org_id = ${orgId} ${scope} order by id limit 40`);
  }
  const foreignIds = (await Promise.all(ID_TABLES.map((t) => column(db, sql`select id::text as v from ${sql.identifier(t)} where org_id = ${foreign.orgId} limit 5`)))).flat();
  const of = (expr: string, table: string) => column(db, sql`select ${sql.raw(expr)} as v from ${sql.identifier(table)} where org_id = ${orgId} limit 30`);
  const keys: FuzzWorld['keys'] = {
    email: await of('email', 'contacts'),
    threadKey: await of('provider_thread_id', 'threads'),
    messageKey: await of('internet_message_id', 'messages'),
    customerRef: await of('external_ref', 'customers'),
    invoiceRef: await of('external_ref', 'invoices'),
    contactRef: await of('external_ref', 'contacts'),
    paymentRef: await of('external_ref', 'payments'),
    name: await of('name', 'customers'),
    invoiceNumber: await of('number', 'invoices'),
  };
  return { orgId, tokens, ids, foreignIds, keys };
}

/** Row counts of every table in the public schema, read as the owner in one query. */
export async function tableCounter(db: Db): Promise<() => Promise<Record<string, number>>> {
  const tables = (await column(db, sql`select tablename as v from pg_tables where schemaname = 'public' order by tablename`)).filter(Boolean);
  const query = sql.join(
    tables.map((t) => sql`select ${t}::text as name, count(*)::int as n from ${sql.identifier(t)}`),
    sql` union all `,
  );
  return async () => Object.fromEntries(rowsOf<{ name: string; n: number }>(await db.execute(query)).map((r) => [r.name, Number(r.n)]));
}
