import { computeArStatus } from '@shared/ar';
import type { TCustomerPanel, TDispute, THold } from '@shared/schemas';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jsonValue, oneRow } from '../../db/rows';
import { contactsJson, toContactDtos } from '../contacts/list-contacts';
import { disputesJson, openDisputesOf } from '../disputes/list-disputes';
import { activeHoldsOf, holdsJson } from '../holds/list-holds';
import { getOrgSettings, todayIn, type OrgSettings } from '../org/get-org-settings';
import { settlePromiseStatuses } from '../promises/settle-promise-statuses';
import { withOutcome } from '../promises/to-promise-dto';
import { timelineJson, toTimelinePage, type TimelineRow } from '../timeline/get-timeline';
import { customerJson, toCustomerDto } from './get-customer';
import { ledgerStatement, toArInput, toLedgerRows } from './load-ar-input';
import { loadOrgPaymentNorms } from './load-org-payment-norms';

/** Everything the sidebar shows for one customer, as of a date (default: today in the org's zone). */
export async function getCustomerPanel(db: Db, orgId: string, customerId: string, options: { asOf?: string; org?: OrgSettings } = {}): Promise<TCustomerPanel> {
  const org = options.org ?? (await getOrgSettings(db, orgId));
  const today = todayIn(org.timeZone);
  const asOf = options.asOf ?? today;
  // One statement reads the customer, the relevant ledger and every list with its people's names;
  // only settling a promise whose outcome changed writes afterwards.
  const [row, norms] = await Promise.all([
    oneRow<PanelRow>(db, ledgerStatement(orgId, customerId, asOf, 'relevant', panelColumns(orgId, customerId, asOf))),
    // The org's own history sets the fallback delay, the dispute delay and the trend of the predictions.
    loadOrgPaymentNorms(db, orgId, asOf, org.typicalDelayDays),
  ]);
  const customer = toCustomerDto(row.customer);
  const disputes = jsonValue<TDispute[]>(row.disputes, []);
  const ledger = toArInput(toLedgerRows(row), { currency: customer.currency, creditLimit: customer.creditLimit?.amount ?? null }, asOf, org.typicalDelayDays);
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
      .map((p) => withOutcome(p, evaluated.get(p.id))),
    holds: jsonValue<THold[]>(row.holds, []),
    contacts: toContactDtos(row.contacts),
    timeline: toTimelinePage(jsonValue<TimelineRow[]>(row.timeline, []), PANEL_TIMELINE_ITEMS),
  };
}

/** How many timeline items the panel shows (the rest are paged through GET /v1/customers/{id}/timeline). */
const PANEL_TIMELINE_ITEMS = 10;

/** The panel's statement: the ledger's columns, then these. */
type PanelRow = Parameters<typeof toLedgerRows>[0] & Record<'customer' | 'disputes' | 'holds' | 'contacts' | 'timeline', unknown>;

/** What the panel reads beside the ledger, each as a JSON select-list item built by its own service. */
const panelColumns = (orgId: string, customerId: string, asOf: string): SQL => sql`
  ${customerJson(orgId, customerId)} as customer,
  ${disputesJson(orgId, openDisputesOf(customerId))} as disputes,
  ${holdsJson(orgId, activeHoldsOf(customerId, asOf))} as holds,
  ${contactsJson(orgId, customerId)} as contacts,
  ${timelineJson(orgId, customerId, PANEL_TIMELINE_ITEMS)} as timeline`;
