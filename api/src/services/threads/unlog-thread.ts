import { and, count, eq } from 'drizzle-orm';
import { messages, threads } from '../../db/schema';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findThreadRow } from './get-thread';

/** Removes a logged thread and its messages from the customer's record. */
export async function unlogThread(ctx: ServiceContext, threadId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await findThreadRow(tx, ctx.orgId, threadId);
    const [counted] = await tx.select({ n: count() }).from(messages).where(eq(messages.threadId, row.id));
    await tx.delete(threads).where(and(eq(threads.orgId, ctx.orgId), eq(threads.id, row.id)));
    await writeAudit(tx, ctx, {
      action: 'thread.unlogged',
      entityType: 'thread',
      entityId: row.id,
      customerId: row.customerId,
      before: { provider: row.provider, providerThreadId: row.providerThreadId, subject: row.subject, messageCount: counted?.n ?? 0 },
    });
  });
}
