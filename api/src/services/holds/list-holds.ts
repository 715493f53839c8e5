import type { THold } from '@shared/schemas';
import { and, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTime, jsonArray, jsonValue, selectValue } from '../../db/rows';
import { holds } from '../../db/schema';
import { personJson } from '../people/load-people';

/**
 * The organisation's holds matching `where` (conditions on the `holds` table), soonest end
 * first, as the API shows them with the person who set each: a scalar subquery yielding a
 * JSON array. The one place a hold becomes its DTO.
 */
export const holdsJson = (orgId: string, where: SQL | undefined): SQL =>
  jsonArray(
    sql`json_build_object('id', holds.id, 'customerId', holds.customer_id, 'until', holds.until, 'reason', holds.reason,
      'setBy', ${personJson(orgId, sql`holds.set_by`)}, 'createdAt', ${isoTime(sql`holds.created_at`)})`,
    sql`from holds where ${and(eq(holds.orgId, orgId), where)}`,
    sql`holds.until, holds.id`,
  );

/** The organisation's holds matching `where`, as the API shows them: one statement. */
export async function findHolds(db: Db, orgId: string, where: SQL | undefined): Promise<THold[]> {
  return jsonValue<THold[]>(await selectValue(db, holdsJson(orgId, where)), []);
}

/** The customer's holds not cleared and not yet expired on `asOf`: the condition the list and the panel select them by. */
export const activeHoldsOf = (customerId: string, asOf: string): SQL => and(eq(holds.customerId, customerId), isNull(holds.clearedAt), gte(holds.until, asOf))!;

/** Holds not cleared and not yet expired on `asOf`, soonest end first. */
export function listActiveHolds(db: Db, orgId: string, customerId: string, asOf: string): Promise<THold[]> {
  return findHolds(db, orgId, activeHoldsOf(customerId, asOf));
}
