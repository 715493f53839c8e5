import type { TCreatePromiseRequest, TPromise } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import { invoices, promises } from '../../db/schema';
import { invalidField } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { getOrgSettings, todayIn } from '../org/get-org-settings';
import { findPromises } from './find-promises';
import { withOutcome } from './to-promise-dto';

/** Records a promise to pay; it is kept automatically when payments cover it by the date. */
export async function createPromise(ctx: ServiceContext, customerId: string, input: TCreatePromiseRequest): Promise<TPromise> {
  return inTransaction(ctx, async (tx) => {
    const customer = await findCustomerRow(tx, ctx.orgId, customerId);
    const org = await getOrgSettings(tx, ctx.orgId);
    const today = todayIn(org.timeZone);
    if (input.promisedDate < today) throw invalidField('promisedDate', `must be today (${today}) or later`);
    const invoiceIds = [...new Set(input.invoiceIds)];
    if (invoiceIds.length) {
      const found = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.customerId, customerId), inArray(invoices.id, invoiceIds)));
      if (found.length !== invoiceIds.length) throw invalidField('invoiceIds', "every invoice must be one of this customer's invoices");
    }
    const [row] = await tx
      .insert(promises)
      .values({
        orgId: ctx.orgId,
        customerId,
        amount: input.amount,
        currency: input.currency ?? customer.currency,
        promisedDate: input.promisedDate,
        madeOn: today,
        note: input.note ?? null,
        invoiceIds,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const [stored] = await findPromises(tx, ctx.orgId, eq(promises.id, row.id));
    const dto = withOutcome(stored!);
    await writeAudit(tx, ctx, { action: 'promise.created', entityType: 'promise', entityId: row.id, customerId, after: dto });
    return dto;
  });
}
