import { formatMoney } from '@shared/money';
import { ZOpenDisputeRequest } from '@shared/schemas';
import { getCustomerPanel } from '../../../api/src/services/customers/get-customer-panel';
import { openDispute } from '../../../api/src/services/disputes/open-dispute';
import { AppError } from '../../../api/src/lib/errors';
import { resolveFormCard } from '../cards/form-cards';
import { backToRoot, notify, pushCard } from '../cards/responses';
import { formString, formStrings } from '../event';
import { readAmountField } from '../forms/amount-field';
import { param, parseForm, requireRole, type GmailHandler } from './context';
import { customerView } from './views';

/**
 * Opens a dispute on the ticked invoices; the amount is read in their currency and defaults to their
 * open balance. An invoice already in an open dispute opens that dispute's card instead.
 */
export const handleOpenDispute: GmailHandler = async (event, ctx) => {
  requireRole(ctx, 'collector', 'open disputes');
  const customerId = param(ctx, 'customerId');
  const invoiceIds = formStrings(event, 'invoiceIds');
  const panel = await getCustomerPanel(ctx.db, ctx.principal.orgId, customerId);
  const currency = panel.openInvoices.find((i) => invoiceIds.includes(i.id))?.currency ?? panel.customer.currency;
  const input = parseForm(ZOpenDisputeRequest, {
    invoiceIds,
    reason: formString(event, 'reason'),
    description: formString(event, 'description') ?? null,
    amount: readAmountField(formString(event, 'amount'), currency),
  });
  const dispute = await openDispute(ctx.service, customerId, input).catch((error: unknown) => {
    // Disputed meanwhile (the form hides invoices already in a dispute): offer that dispute instead.
    if (error instanceof AppError && error.code === 'conflict' && error.extensions?.existingDisputeId) return error;
    throw error;
  });
  if (dispute instanceof AppError) {
    const fresh = await getCustomerPanel(ctx.db, ctx.principal.orgId, customerId);
    const open = fresh.disputes.find((d) => d.id === dispute.extensions?.existingDisputeId);
    return open ? pushCard(resolveFormCard(fresh, open, ctx.link), dispute.message) : notify(dispute.message);
  }
  const numbers = dispute.invoices.map((i) => i.number).join(', ');
  return backToRoot(await customerView(ctx, event, customerId), `Dispute opened on ${numbers} for ${formatMoney(dispute.amount, dispute.currency)}`);
};
