import { formatDate } from '@shared/ar';
import { formatMoney } from '@shared/money';
import { ZCreatePromiseRequest } from '@shared/schemas';
import { findCustomerRow } from '../../../api/src/services/customers/get-customer';
import { createPromise } from '../../../api/src/services/promises/create-promise';
import { backToRoot } from '../cards/responses';
import { formDate, formString, formStrings } from '../event';
import { readAmountField } from '../forms/amount-field';
import { param, parseForm, requireRole, type GmailHandler } from './context';
import { customerView } from './views';

/** Records a promise to pay from the form: amount in the chosen currency, date, covered invoices, note. */
export const handleRecordPromise: GmailHandler = async (event, ctx) => {
  requireRole(ctx, 'collector', 'record promises');
  const customerId = param(ctx, 'customerId');
  const currency = formString(event, 'currency') ?? (await findCustomerRow(ctx.db, ctx.principal.orgId, customerId)).currency;
  const input = parseForm(ZCreatePromiseRequest, {
    amount: readAmountField(formString(event, 'amount'), currency) ?? 0,
    currency,
    promisedDate: formDate(event, 'promisedDate') ?? '',
    invoiceIds: formStrings(event, 'invoiceIds'),
    note: formString(event, 'note') ?? null,
  });
  const promise = await createPromise(ctx.service, customerId, input);
  return backToRoot(await customerView(ctx, event, customerId), `Promise recorded: ${formatMoney(promise.amount, promise.currency)} by ${formatDate(promise.promisedDate)}`);
};
