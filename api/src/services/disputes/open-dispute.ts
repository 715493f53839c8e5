import { computeArStatus } from '@shared/ar';
import { formatMoney } from '@shared/money';
import type { TDispute, TOpenDisputeRequest } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
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

/**
 * Opens a dispute on one or more of a customer's invoices (same currency), none of them already in
 * an open dispute (409 naming it); the amount defaults to, and may not exceed, their open balance.
 */
export async function openDispute(ctx: ServiceContext, customerId: string, input: TOpenDisputeRequest): Promise<TDispute> {
  return inTransaction(ctx, async (tx) => {
    const customer = await findCustomerRow(tx, ctx.orgId, customerId);
    const ids = [...new Set(input.invoiceIds)];
    const rows = await tx
      .select({ id: invoices.id, currency: invoices.currency, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.customerId, customerId), inArray(invoices.id, ids)))
      // Locked (in id order), so of two requests disputing the same invoice at once the second
      // waits for the first and then sees its dispute.
      .orderBy(invoices.id)
      .for('update');
    if (rows.length !== ids.length) throw invalidField('invoiceIds', "every invoice must be one of this customer's invoices");
    if (rows.some((r) => r.status === 'void')) throw invalidField('invoiceIds', 'a void invoice cannot be disputed');
    const currencies = new Set(rows.map((r) => r.currency));
    if (currencies.size > 1) throw invalidField('invoiceIds', 'invoices of one dispute must share a currency');
    await refuseDisputedAgain(tx, ctx.orgId, ids);
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
    if (input.amount !== undefined && input.amount > openBalance) {
      throw invalidField('amount', `may not exceed the open balance of the invoices, ${formatMoney(openBalance, [...currencies][0] ?? customer.currency)}`);
    }
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

/** 409 naming the open dispute an invoice is already in. */
async function refuseDisputedAgain(tx: Db, orgId: string, invoiceIds: readonly string[]): Promise<void> {
  const [existing] = await tx
    .select({ disputeId: disputes.id, number: invoices.number })
    .from(disputeInvoices)
    .innerJoin(disputes, and(eq(disputes.orgId, orgId), eq(disputes.id, disputeInvoices.disputeId)))
    .innerJoin(invoices, and(eq(invoices.orgId, orgId), eq(invoices.id, disputeInvoices.invoiceId)))
    .where(and(eq(disputeInvoices.orgId, orgId), inArray(disputeInvoices.invoiceId, [...invoiceIds]), eq(disputes.status, 'open')))
    .orderBy(disputes.openedAt, invoices.number)
    .limit(1);
  if (!existing) return;
  const message = `invoice ${existing.number} is already in open dispute ${existing.disputeId}; work on that dispute instead`;
  throw new AppError('conflict', message, [{ field: 'invoiceIds', message }], { existingDisputeId: existing.disputeId });
}
