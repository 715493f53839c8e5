/**
 * PostgreSQL row-level security as the second wall between tenants, checked in the catalogue
 * and by behaviour, on PGlite and on PostgreSQL alike. The tables come from
 * information_schema (every table with an org_id), never from a hand-written list.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { openDatabase, type Database, type Db } from '../../api/src/db/client';
import { rowsOf } from '../../api/src/db/rows';
import { APP_ROLE, withTenant } from '../../api/src/lib/transaction';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { tenantTables } from '../helpers/tenant-tables';
import { seedTenantWorld, type TenantWorld } from '../helpers/tenant-world';

let database: TestDatabase;
let a: TenantWorld;
let b: TenantWorld;
let tables: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createApp({ db: database.db });
  a = await seedTenantWorld(database.db, app);
  b = await seedTenantWorld(database.db, app);
  tables = await tenantTables(database.db);
  expect(tables.length).toBeGreaterThanOrEqual(17);
});
afterAll(() => database?.close());

const rows = async <T>(db: Db, query: SQL) => rowsOf<T>(await db.execute(query));
const countOf = async (db: Db, query: SQL) => Number((await rows<{ n: number | string }>(db, query))[0]!.n);
const t = (table: string) => sql.identifier(table);

/** Runs `work` as the app role without any organisation set (what a forgotten withTenant would get). */
const asAppWithoutOrg = <T>(db: Db, work: (tx: Db) => Promise<T>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
    return work(tx as unknown as Db);
  });

/** The PostgreSQL error behind a driver (or drizzle) error. */
async function pgErrorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    let e = error as { code?: string; message: string; cause?: unknown };
    while (e.cause && !e.code) e = e.cause as typeof e;
    return { code: e.code, message: e.message };
  }
  throw new Error('expected the statement to be rejected');
}

describe('catalogue', () => {
  it('forces row-level security with a tenant policy on every table that has an org_id', async () => {
    for (const table of [...tables, 'organizations']) {
      const [cls] = await rows<{ rls: boolean; force: boolean }>(database.db, sql`select relrowsecurity as rls, relforcerowsecurity as force from pg_class where oid = ${`public.${table}`}::regclass`);
      expect(cls, table).toEqual({ rls: true, force: true });
      const policies = await rows<{ roles: string | string[]; cmd: string; qual: string; with_check: string }>(
        database.db,
        sql`select roles::text[] as roles, cmd, qual, with_check from pg_policies where schemaname = 'public' and tablename = ${table} and ${APP_ROLE} = any(roles)`,
      );
      expect(policies, table).toHaveLength(1);
      expect(policies[0]!.cmd).toBe('ALL');
      for (const clause of [policies[0]!.qual, policies[0]!.with_check]) expect(clause, table).toMatch(/payside_current_org\(\)/);
    }
  });

  it('has no table in the public schema outside the tenant model', async () => {
    const all = await rows<{ name: string }>(database.db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(all.map((r) => r.name).filter((n) => !tables.includes(n))).toEqual(['organizations']);
  });

  it('runs tenant work as a role that owns nothing, cannot log in, is no superuser and cannot bypass RLS', async () => {
    const [role] = await rows<Record<string, boolean>>(database.db, sql`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = ${APP_ROLE}`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    expect(await countOf(database.db, sql`select count(*) as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ${APP_ROLE}`)).toBe(0);
    expect(await countOf(database.db, sql`select count(*) as n from pg_proc p join pg_roles r on r.oid = p.proowner where r.rolname = ${APP_ROLE}`)).toBe(0);
  });
});

describe('behaviour', () => {
  it('shows nothing to the app role while no organisation is set, although every table has rows', async () => {
    for (const table of tables) {
      expect(await countOf(database.db, sql`select count(*) as n from ${t(table)}`), `${table} has rows`).toBeGreaterThan(0);
      expect(await asAppWithoutOrg(database.db, (tx) => countOf(tx, sql`select count(*) as n from ${t(table)}`)), table).toBe(0);
    }
  });

  it("shows an organisation exactly its own rows and lets it neither change nor delete the other's", async () => {
    for (const table of tables) {
      const own = await countOf(database.db, sql`select count(*) as n from ${t(table)} where org_id = ${a.org.orgId}`);
      await withTenant(database.db, a.org.orgId, async (tx) => {
        expect(await countOf(tx, sql`select count(*) as n from ${t(table)}`), table).toBe(own);
        expect(await countOf(tx, sql`select count(*) as n from ${t(table)} where org_id <> ${a.org.orgId}`), table).toBe(0);
        expect(await rows(tx, sql`update ${t(table)} set org_id = org_id where org_id = ${b.org.orgId} returning 1`), table).toEqual([]);
        expect(await rows(tx, sql`delete from ${t(table)} where org_id = ${b.org.orgId} returning 1`), table).toEqual([]);
      });
    }
    expect(await countOf(database.db, sql`select count(*) as n from customers where org_id = ${b.org.orgId}`)).toBe(3);
  });

  it("rejects writing a row into another organisation (WITH CHECK), by insert or by update", async () => {
    for (const table of tables) {
      const names = (await rows<{ name: string }>(database.db, sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'`)).map((c) => c.name);
      const columns = sql.join(names.map((n) => sql.identifier(n)), sql`, `);
      const copied = sql.join(names.map((n) => sql`r.${sql.identifier(n)}`), sql`, `);
      await withTenant(database.db, a.org.orgId, async (tx) => {
        // A copy of one of A's rows with B's org_id: the policy check runs before any constraint.
        const copy = sql`select ${copied} from ${t(table)} x, jsonb_populate_record(null::${t(table)}, to_jsonb(x) || jsonb_build_object('org_id', ${b.org.orgId}::text)) r limit 1`;
        const insert = await pgErrorOf(tx.transaction((sp) => sp.execute(sql`insert into ${t(table)} (${columns}) ${copy}`)));
        expect(insert.message, table).toMatch(/row-level security/);
        expect(insert.code, table).toBe('42501');
        const update = await pgErrorOf(tx.transaction((sp) => sp.execute(sql`update ${t(table)} set org_id = ${b.org.orgId}`)));
        expect(update.message, table).toMatch(/row-level security/);
      });
    }
  });

  it('rejects a note for another organisation even through its own customer', async () => {
    const error = await pgErrorOf(
      withTenant(database.db, a.org.orgId, (tx) => tx.execute(sql`insert into notes (org_id, customer_id, body) values (${b.org.orgId}, ${b.ids.customer}, 'sneaky')`)),
    );
    expect(error.code).toBe('42501');
    expect(await countOf(database.db, sql`select count(*) as n from notes where body = 'sneaky'`)).toBe(0);
  });
});

describe('transaction-local setting on a pooled connection', () => {
  let pool: Database | undefined;
  let db: Db;
  beforeAll(async () => {
    // One connection, so the next unit of work reuses the one the tenant transaction ran on.
    pool = database.url ? await openDatabase({ url: database.url, maxConnections: 1 }) : undefined;
    db = pool?.db ?? database.db;
  });
  afterAll(() => pool?.close());

  const backend = async (d: Db) => (await rows<{ pid: number }>(d, sql`select pg_backend_pid() as pid`))[0]!.pid;

  it('searches (payside_search_hits, which runs as the owner) only the organisation set, and nothing without one', async () => {
    // '%' matches every name: what a search may reach is exactly what comes back.
    const everything = sql`select distinct customer_id::text as id from payside_search_hits('', '%')`;
    const idsOf = async (tx: Db) => (await rows<{ id: string }>(tx, everything)).map((r) => r.id).sort();
    const ownedBy = async (orgId: string) => (await rows<{ id: string }>(database.db, sql`select id::text as id from customers where org_id = ${orgId} order by id`)).map((r) => r.id);
    const [ofA, ofB] = [await ownedBy(a.org.orgId), await ownedBy(b.org.orgId)];
    expect(ofA.length).toBeGreaterThan(0);
    expect(await withTenant(database.db, a.org.orgId, idsOf)).toEqual(ofA);
    expect(await withTenant(database.db, b.org.orgId, idsOf)).toEqual(ofB);
    expect(await asAppWithoutOrg(database.db, idsOf)).toEqual([]);
  });

  it('leaves neither the role nor the organisation behind, after a commit or a rollback', async () => {
    const pid = await backend(db);
    expect(await withTenant(db, a.org.orgId, (tx) => countOf(tx, sql`select count(*) as n from customers`))).toBe(3);
    await expect(withTenant(db, b.org.orgId, async () => Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
    expect(await backend(db)).toBe(pid);
    const [session] = await rows<{ who: string; org: string | null }>(db, sql`select current_user as who, current_setting('app.org_id', true) as org`);
    expect(session!.who).not.toBe(APP_ROLE);
    expect(session!.org ?? '').toBe('');
    expect(await asAppWithoutOrg(db, (tx) => countOf(tx, sql`select count(*) as n from customers`))).toBe(0);
  });
});
