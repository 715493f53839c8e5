import { formatMoney } from '@shared/money';
import { ZOpenDisputeRequest } from '@shared/schemas';
import { getCustomerPanel } from '../../../api/src/services/customers/get-customer-panel';
import { openDispute } from '../../../api/src/services/disputes/open-dispute';
import { backToRoot } from '../cards/responses';
import { formString, formStrings } from '../event';
import { readAmountField } from '../forms/amount-field';
import { param, parseForm, requireRole, type GmailHandler } from './context';
import { customerView } from './views';

/** Opens a dispute on the ticked invoices; the amount is read in their currency and defaults to their open balance. */
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
  const dispute = await openDispute(ctx.service, customerId, input);
  const numbers = dispute.invoices.map((i) => i.number).join(', ');
  return backToRoot(await customerView(ctx, event, customerId), `Dispute opened on ${numbers} for ${formatMoney(dispute.amount, dispute.currency)}`);
};
