import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, promises } from '../../db/schema';

type PromiseStatus = (typeof promises.$inferSelect)['status'];

/**
 * Persists promise outcomes the AR math worked out (kept when payments covered
 * them by the date, broken after), auditing each change as the system's.
 */
export async function settlePromiseStatuses(
  db: Db,
  orgId: string,
  rows: Array<{ id: string; status: PromiseStatus }>,
  evaluated: Array<{ id: string; status: PromiseStatus }>,
): Promise<void> {
  const changed = evaluated.filter((e) => {
    const row = rows.find((r) => r.id === e.id);
    return row && row.status === 'open' && e.status !== 'open';
  });
  if (changed.length === 0) return;
  await db.transaction(async (tx) => {
    for (const status of ['kept', 'broken'] as const) {
      const ids = changed.filter((c) => c.status === status).map((c) => c.id);
      if (ids.length === 0) continue;
      const updated = await tx
        .update(promises)
        .set({ status, statusChangedAt: new Date() })
        .where(and(eq(promises.orgId, orgId), inArray(promises.id, ids), eq(promises.status, 'open')))
        .returning({ id: promises.id, customerId: promises.customerId });
      if (updated.length === 0) continue;
      await tx.insert(auditLog).values(
        updated.map((u) => ({
          orgId,
          actorId: null,
          actorLabel: 'system',
          action: `promise.${status}`,
          entityType: 'promise',
          entityId: u.id,
          customerId: u.customerId,
          before: { status: 'open' },
          after: { status },
        })),
      );
    }
  });
}
