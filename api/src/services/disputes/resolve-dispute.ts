import type { TDispute, TResolveDisputeRequest } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import { disputes } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findDisputes } from './list-disputes';

/** Closes an open dispute as resolved or rejected, with a note saying why. */
export async function resolveDispute(ctx: ServiceContext, disputeId: string, input: TResolveDisputeRequest): Promise<TDispute> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(disputes).where(and(eq(disputes.orgId, ctx.orgId), eq(disputes.id, disputeId))).for('update');
    if (!before) throw notFound('Dispute');
    if (before.status !== 'open') throw new AppError('conflict', `The dispute is already ${before.status}`);
    await tx
      .update(disputes)
      .set({ status: input.status, resolutionNote: input.note, resolvedBy: ctx.actor.userId, resolvedAt: new Date() })
      .where(eq(disputes.id, disputeId));
    const [dto] = await findDisputes(tx, ctx.orgId, eq(disputes.id, disputeId));
    await writeAudit(tx, ctx, {
      action: `dispute.${input.status}`,
      entityType: 'dispute',
      entityId: disputeId,
      customerId: before.customerId,
      before: { status: before.status },
      after: { status: input.status, note: input.note },
    });
    return dto as TDispute;
  });
}
