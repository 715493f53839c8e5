import type { THold } from '@shared/schemas';
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holds } from '../../db/schema';
import { loadPeople, personOf } from '../people/load-people';

/** A hold row as the API shows it. */
export function toHoldDto(row: typeof holds.$inferSelect, people: Map<string, { id: string; name: string; email: string }>): THold {
  return {
    id: row.id,
    customerId: row.customerId,
    until: row.until,
    reason: row.reason,
    setBy: personOf(people, row.setBy),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Holds not cleared and not yet expired on `asOf`, soonest end first. */
export async function listActiveHolds(db: Db, orgId: string, customerId: string, asOf: string): Promise<THold[]> {
  const rows = await db
    .select()
    .from(holds)
    .where(and(eq(holds.orgId, orgId), eq(holds.customerId, customerId), isNull(holds.clearedAt), gte(holds.until, asOf)))
    .orderBy(asc(holds.until));
  const people = await loadPeople(db, orgId, rows.map((r) => r.setBy));
  return rows.map((r) => toHoldDto(r, people));
}
