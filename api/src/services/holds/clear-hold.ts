import { and, eq, isNull } from 'drizzle-orm';
import { holds } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';

/** Clears a hold before its end date. Clearing an already cleared hold is a no-op. */
export async function clearHold(ctx: ServiceContext, holdId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(holds).where(and(eq(holds.orgId, ctx.orgId), eq(holds.id, holdId)));
    if (!row) throw notFound('Hold');
    const [cleared] = await tx
      .update(holds)
      .set({ clearedAt: new Date(), clearedBy: ctx.actor.userId })
      .where(and(eq(holds.id, holdId), isNull(holds.clearedAt)))
      .returning({ id: holds.id, clearedAt: holds.clearedAt });
    if (cleared) {
      await writeAudit(tx, ctx, {
        action: 'hold.cleared',
        entityType: 'hold',
        entityId: holdId,
        customerId: row.customerId,
        before: { until: row.until, reason: row.reason, clearedAt: null },
        after: { until: row.until, reason: row.reason, clearedAt: cleared.clearedAt?.toISOString() ?? null },
      });
    }
  });
}
