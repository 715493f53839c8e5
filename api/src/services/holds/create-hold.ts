import type { TCreateHoldRequest, THold } from '@shared/schemas';
import { eq } from 'drizzle-orm';
import { holds } from '../../db/schema';
import { invalidField } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { getOrgSettings, todayIn } from '../org/get-org-settings';
import { findHolds } from './list-holds';

/** Sets a "don't chase until …" hold on a customer. */
export async function createHold(ctx: ServiceContext, customerId: string, input: TCreateHoldRequest): Promise<THold> {
  return inTransaction(ctx, async (tx) => {
    await findCustomerRow(tx, ctx.orgId, customerId);
    const org = await getOrgSettings(tx, ctx.orgId);
    const today = todayIn(org.timeZone);
    if (input.until < today) throw invalidField('until', `must be today (${today}) or later`);
    const [row] = await tx
      .insert(holds)
      .values({ orgId: ctx.orgId, customerId, until: input.until, reason: input.reason, setBy: ctx.actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const [dto] = await findHolds(tx, ctx.orgId, eq(holds.id, row.id));
    await writeAudit(tx, ctx, { action: 'hold.created', entityType: 'hold', entityId: row.id, customerId, after: dto });
    return dto as THold;
  });
}
