import type { TThread } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import { notes, threads } from '../../db/schema';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { findThreadRow, getThreadSummary } from './get-thread';

/** Moves a logged thread (and the notes about it) to another customer. */
export async function moveThread(ctx: ServiceContext, threadId: string, customerId: string): Promise<TThread> {
  await inTransaction(ctx, async (tx) => {
    const row = await findThreadRow(tx, ctx.orgId, threadId);
    await findCustomerRow(tx, ctx.orgId, customerId);
    if (row.customerId === customerId) return;
    await tx.update(threads).set({ customerId }).where(and(eq(threads.orgId, ctx.orgId), eq(threads.id, row.id)));
    await tx.update(notes).set({ customerId }).where(and(eq(notes.orgId, ctx.orgId), eq(notes.threadId, row.id)));
    // One row in each customer's trail: the thread left one and joined the other.
    for (const trail of new Set([row.customerId, customerId])) {
      await writeAudit(tx, ctx, {
        action: trail === customerId ? 'thread.moved' : 'thread.moved_away',
        entityType: 'thread',
        entityId: row.id,
        customerId: trail,
        before: { customerId: row.customerId },
        after: { customerId },
      });
    }
  });
  return getThreadSummary(ctx.db, ctx.orgId, threadId);
}
