import type { THold, TPersonRef } from '@shared/schemas';
import { and, asc, eq, getTableColumns, gte, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holds } from '../../db/schema';
import { personRef } from '../people/load-people';

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

/** Holds not cleared and not yet expired on `asOf`, soonest end first. */
export async function listActiveHolds(db: Db, orgId: string, customerId: string, asOf: string): Promise<THold[]> {
  const rows = await db
    .select({ ...getTableColumns(holds), setByRef: personRef(orgId, holds.setBy) })
    .from(holds)
    .where(and(eq(holds.orgId, orgId), eq(holds.customerId, customerId), isNull(holds.clearedAt), gte(holds.until, asOf)))
    .orderBy(asc(holds.until));
  return rows.map((r) => toHoldDto(r, r.setByRef));
}
