/** What a tenant owns in the database, read as the owner: tables with org_id, per-org snapshots, ids. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../api/src/db/client';
import { rowsOf } from '../../api/src/db/rows';

/** Every table of the public schema with an org_id column, from information_schema (not a hand list). */
export async function tenantTables(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    select table_name as name from information_schema.columns
     where table_schema = 'public' and column_name = 'org_id'
     order by table_name`);
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

/** Row count and a hash of every row, per tenant table (plus the organisation row itself). */
export type OrgSnapshot = Record<string, { rows: number; hash: string }>;

/** Snapshots everything one organisation owns (one query), to compare before and after a request. */
export async function snapshotOrg(db: Db, orgId: string): Promise<OrgSnapshot> {
  const tables = ['organizations', ...(await tenantTables(db))];
  const parts = tables.map(
    (table) => sql`select ${table}::text as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as hash
      from ${sql.identifier(table)} t where ${table === 'organizations' ? sql`t.id = ${orgId}` : sql`t.org_id = ${orgId}`}`,
  );
  const result = await db.execute(sql.join(parts, sql` union all `));
  return Object.fromEntries(rowsOf<{ name: string; rows: number; hash: string }>(result).map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
}

/** Every uuid an organisation's rows are known by (its own id included), to look for in responses. */
export async function orgUuids(db: Db, orgId: string): Promise<Set<string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.table_name as name from information_schema.columns c
       where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
         and exists (select 1 from information_schema.columns o where o.table_schema = 'public' and o.table_name = c.table_name and o.column_name = 'org_id')`),
  ).map((r) => r.name);
  const ids = new Set([orgId]);
  for (const table of tables) {
    const rows = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from ${sql.identifier(table)} where org_id = ${orgId}`));
    for (const row of rows) ids.add(row.id);
  }
  return ids;
}
