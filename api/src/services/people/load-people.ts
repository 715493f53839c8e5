import type { TPersonRef } from '@shared/schemas';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

/** Person references for the given user ids (nulls ignored), in one query. */
export async function loadPeople(db: Db, orgId: string, ids: Array<string | null | undefined>): Promise<Map<string, TPersonRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Looks a person up, null when absent. */
export const personOf = (people: Map<string, TPersonRef>, id: string | null | undefined): TPersonRef | null =>
  (id && people.get(id)) || null;

/** The person a user id names, as a JSON object (null when unset or not the org's): a scalar subquery. */
export const personJson = (orgId: string, userId: SQL): SQL =>
  sql`(select json_build_object('id', u.id, 'name', u.name, 'email', u.email) from users u where u.org_id = ${orgId} and u.id = ${userId})`;

