import { renderStatementHtml } from '@shared/statement';
import { getCustomerPanel } from '../../../api/src/services/customers/get-customer-panel';
import { insertIntoDraft } from '../cards/responses';
import { param, type GmailHandler } from './context';

/** Inserts the open-invoice statement of the chosen customer into the draft. */
export const handleInsertStatement: GmailHandler = async (_event, ctx) => {
  const panel = await getCustomerPanel(ctx.db, ctx.principal.orgId, param(ctx, 'customerId'));
  return insertIntoDraft(renderStatementHtml({ customerName: panel.customer.name, asOf: panel.status.asOf, invoices: panel.openInvoices }));
};
