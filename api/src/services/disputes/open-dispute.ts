import { computeArStatus } from '@shared/ar';
import type { TDispute, TOpenDisputeRequest } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import { disputeInvoices, disputes, invoices, users } from '../../db/schema';
import { AppError, invalidField } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { loadArInput } from '../customers/load-ar-input';
import { forgetOrgPaymentNorms } from '../customers/org-norms-cache';
import { getOrgSettings, todayIn } from '../org/get-org-settings';
import { findDisputes } from './list-disputes';

/** Opens a dispute on one or more of a customer's invoices (same currency); amount defaults to their open balance. */
export async function openDispute(ctx: ServiceContext, customerId: string, input: TOpenDisputeRequest): Promise<TDispute> {
  return inTransaction(ctx, async (tx) => {
    const customer = await findCustomerRow(tx, ctx.orgId, customerId);
    const ids = [...new Set(input.invoiceIds)];
    const rows = await tx
      .select({ id: invoices.id, currency: invoices.currency, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.customerId, customerId), inArray(invoices.id, ids)));
    if (rows.length !== ids.length) throw invalidField('invoiceIds', "every invoice must be one of this customer's invoices");
    if (rows.some((r) => r.status === 'void')) throw invalidField('invoiceIds', 'a void invoice cannot be disputed');
    const currencies = new Set(rows.map((r) => r.currency));
    if (currencies.size > 1) throw invalidField('invoiceIds', 'invoices of one dispute must share a currency');
    if (input.ownerId) {
      const [owner] = await tx.select({ id: users.id }).from(users).where(and(eq(users.orgId, ctx.orgId), eq(users.id, input.ownerId)));
      if (!owner) throw invalidField('ownerId', 'no such user in this organisation');
    }
    const org = await getOrgSettings(tx, ctx.orgId);
    const ledger = await loadArInput(tx, ctx.orgId, { id: customer.id, currency: customer.currency, creditLimit: null }, todayIn(org.timeZone), org.typicalDelayDays);
    const openBalance = computeArStatus(ledger.input)
      .openInvoices.filter((i) => ids.includes(i.invoiceId))
      .reduce((sum, i) => sum + i.balance, 0);
    const amount = input.amount ?? openBalance;
    if (amount <= 0) throw new AppError('validation_failed', 'amount: the invoices have no open balance; give the disputed amount', [{ field: 'amount', message: 'required when the invoices are paid' }]);

    const [row] = await tx
      .insert(disputes)
      .values({
        orgId: ctx.orgId,
        customerId,
        reason: input.reason,
        description: input.description ?? null,
        amount,
        currency: [...currencies][0] ?? customer.currency,
        ownerId: input.ownerId ?? ctx.actor.userId,
        openedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(disputeInvoices).values(ids.map((invoiceId) => ({ orgId: ctx.orgId, disputeId: row.id, invoiceId })));
    forgetOrgPaymentNorms(ctx.orgId); // disputed invoices weigh in the org's dispute delay
    const [dto] = await findDisputes(tx, ctx.orgId, eq(disputes.id, row.id));
    await writeAudit(tx, ctx, { action: 'dispute.opened', entityType: 'dispute', entityId: row.id, customerId, after: dto });
    return dto as TDispute;
  });
}
