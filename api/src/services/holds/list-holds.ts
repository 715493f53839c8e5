import type { THold, TPersonRef } from '@shared/schemas';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTime, jsonArray, jsonValue, oneRow } from '../../db/rows';
import { holds } from '../../db/schema';
import { personJson } from '../people/load-people';

/** A hold row as the API shows it, with the person who set it. */
export function toHoldDto(row: typeof holds.$inferSelect, setBy: TPersonRef | null): THold {
  return {
    id: row.id,
    customerId: row.customerId,
    until: row.until,
    reason: row.reason,
    setBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Holds not cleared and not yet expired on `asOf`, soonest end first, as the API shows them: a scalar subquery yielding a JSON array. */
export const activeHoldsJson = (orgId: string, customerId: string, asOf: string): SQL =>
  jsonArray(
    sql`json_build_object('id', h.id, 'customerId', h.customer_id, 'until', h.until, 'reason', h.reason,
      'setBy', ${personJson(orgId, sql`h.set_by`)}, 'createdAt', ${isoTime(sql`h.created_at`)})`,
    sql`from holds h where h.org_id = ${orgId} and h.customer_id = ${customerId} and h.cleared_at is null and h.until >= ${asOf}::date`,
    sql`h.until`,
  );

/** Holds not cleared and not yet expired on `asOf`, soonest end first. */
export async function listActiveHolds(db: Db, orgId: string, customerId: string, asOf: string): Promise<THold[]> {
  return jsonValue<THold[]>((await oneRow<{ holds: unknown }>(db, sql`select ${activeHoldsJson(orgId, customerId, asOf)} as holds`)).holds, []);
}
