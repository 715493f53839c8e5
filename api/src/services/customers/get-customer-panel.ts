import { computeArStatus } from '@shared/ar';
import type { TCustomerPanel } from '@shared/schemas';
import type { Db } from '../../db/client';
import { listContacts } from '../contacts/list-contacts';
import { listOpenDisputes } from '../disputes/list-disputes';
import { listActiveHolds } from '../holds/list-holds';
import { getOrgSettings, todayIn, type OrgSettings } from '../org/get-org-settings';
import { settlePromiseStatuses } from '../promises/settle-promise-statuses';
import { toPromiseDto } from '../promises/to-promise-dto';
import { getTimeline } from '../timeline/get-timeline';
import { getCustomer } from './get-customer';
import { fetchLedgerRows, toArInput } from './load-ar-input';
import { loadOrgPaymentNorms } from './load-org-payment-norms';

/** Everything the sidebar shows for one customer, as of a date (default: today in the org's zone). */
export async function getCustomerPanel(db: Db, orgId: string, customerId: string, options: { asOf?: string; org?: OrgSettings } = {}): Promise<TCustomerPanel> {
  const org = options.org ?? (await getOrgSettings(db, orgId));
  const today = todayIn(org.timeZone);
  const asOf = options.asOf ?? today;
  // Every read goes out at once (pipelined on the request's connection), each list with its people's names;
  // only settling a promise whose outcome changed writes afterwards.
  const [customer, rows, norms, disputes, holds, contacts, timeline] = await Promise.all([
    getCustomer(db, orgId, customerId),
    fetchLedgerRows(db, orgId, customerId, asOf),
    // The org's own history sets the fallback delay, the dispute delay and the trend of the predictions.
    loadOrgPaymentNorms(db, orgId, asOf, org.typicalDelayDays),
    listOpenDisputes(db, orgId, customerId),
    listActiveHolds(db, orgId, customerId, asOf),
    listContacts(db, orgId, customerId),
    getTimeline(db, orgId, customerId, { limit: 10 }),
  ]);
  const ledger = toArInput(rows, { currency: customer.currency, creditLimit: customer.creditLimit?.amount ?? null }, asOf, org.typicalDelayDays);
  const status = computeArStatus({ ...ledger.input, orgTypicalDelayDays: norms.typicalDelayDays, orgDisputeDelayDays: norms.disputeDelayDays, orgTrendPerDay: norms.trendPerDay });
  if (asOf === today) await settlePromiseStatuses(db, orgId, ledger.promiseRows, status.promises);
  const evaluated = new Map(status.promises.map((p) => [p.id, p]));
  const openDisputeInvoiceIds = new Set(disputes.flatMap((d) => d.invoices.map((i) => i.id)));

  return {
    customer,
    status: {
      asOf: status.asOf,
      totals: status.totals,
      lastPayment: status.lastPayment,
      averageDaysLate: status.averageDaysLate,
      onTimeRate: status.onTimeRate,
      paidInLast365: status.paidInLast365,
      payDayPattern: status.payDayPattern?.text ?? null,
      behaviour: status.behaviour,
    },
    openInvoices: [...status.openInvoices]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
      .map((i) => ({
        id: i.invoiceId,
        number: i.number,
        poNumber: ledger.poNumbers.get(i.invoiceId) ?? null,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        amount: i.amount,
        currency: i.currency,
        balance: i.balance,
        daysPastDue: i.daysPastDue,
        bucket: i.bucket,
        disputed: openDisputeInvoiceIds.has(i.invoiceId),
        predictedPayDate: i.predictedPayDate,
        predictionBasis: i.predictionBasis,
      })),
    disputes,
    promises: ledger.promiseRows
      .filter((p) => (evaluated.get(p.id)?.status ?? p.status) === 'open')
      .sort((a, b) => a.promisedDate.localeCompare(b.promisedDate))
      .map((p) => toPromiseDto(p, p.createdByRef, evaluated.get(p.id))),
    holds,
    contacts,
    timeline,
  };
}
