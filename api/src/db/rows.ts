import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';

/** drizzle's `execute` returns an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/** A json column's value: parsed by `postgres`, handed over as text by some drivers. */
export function jsonValue<T>(value: unknown, fallback: T): T {
  if (value == null) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A timestamptz as JSON text exactly as JavaScript's `toISOString` writes it (UTC,
 * milliseconds, `Z`), for statements that build their DTOs in SQL.
 */
export const isoTime = (expr: SQL): SQL => sql`to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A JSON array of `object` over the rows of `from` ('[]' when there are none), as a scalar subquery. */
export const jsonArray = (object: SQL, from: SQL, orderBy?: SQL): SQL =>
  sql`(select coalesce(json_agg(${object}${orderBy ? sql` order by ${orderBy}` : sql``}), '[]') ${from})`;

/** The one row of a statement that selects scalar subqueries only. */
export async function oneRow<T>(db: Db, query: SQL): Promise<T> {
  return rowsOf<T>(await db.execute(query))[0]!;
}

/** The value of one scalar expression, such as a JSON projection (`holdsJson`, `customerJson`), selected on its own. */
export async function selectValue(db: Db, expression: SQL): Promise<unknown> {
  return (await oneRow<{ value: unknown }>(db, sql`select ${expression} as value`)).value;
}
