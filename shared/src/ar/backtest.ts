/**
 * Replays a ledger in time order: each paid invoice's pay date is predicted on the day it was
 * issued, from what was known then, and compared with the day it was actually paid.
 */
import { BEHAVIOUR_WINDOW_DAYS } from './behaviour-metrics';
import { addDays, daysBetween } from './dates';
import { toPaidStatus } from './balances';
import { orgPaymentNorms, type OrgPaymentNorms } from './org-payment-norms';
import { detectPayDayPattern } from './pay-day-pattern';
import { predictPayDate } from './predict-pay-date';
import type { ArInvoice, IsoDate, PaidInvoiceStatus } from './types';

export interface BacktestInvoice {
  id: string;
  customerId: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** When the balance reached zero; null while open (open invoices are context, never scored). */
  paidDate: IsoDate | null;
  disputed: boolean;
}

export interface BacktestInput {
  invoices: readonly BacktestInvoice[];
  /** The org's configured delay, used until it has enough paid history of its own. */
  orgTypicalDelayDays: number;
}

export interface BacktestScore {
  count: number;
  /** Mean absolute error in days of the predicted pay date; null without invoices. */
  predictionMae: number | null;
  /** The same for the due date as the prediction. */
  dueDateMae: number | null;
}

export interface BacktestResult {
  overall: BacktestScore;
  disputed: BacktestScore;
  undisputed: BacktestScore;
}

/**
 * Scores every paid invoice, predicted only from invoices paid strictly before it was issued:
 * the customer's own history, pay-day pattern and open invoices, and the org's norms over the
 * 365 days before (see orgPaymentNorms).
 */
export function runBacktest(input: BacktestInput): BacktestResult {
  const all = input.invoices.map((invoice) => ({ invoice, paid: invoice.paidDate ? toPaidStatus(asArInvoice(invoice), invoice.paidDate) : null }));
  const byCustomer = new Map<string, typeof all>();
  for (const entry of all) {
    const list = byCustomer.get(entry.invoice.customerId) ?? [];
    list.push(entry);
    byCustomer.set(entry.invoice.customerId, list);
  }

  const normsOn = new Map<IsoDate, OrgPaymentNorms>();
  const errors: Array<{ disputed: boolean; prediction: number; dueDate: number }> = [];
  for (const { invoice, paid } of all) {
    if (!paid || !invoice.paidDate) continue;
    const asOf = invoice.issueDate;
    const known = (list: readonly PaidInvoiceStatus[]) => list.filter((p) => p.paidDate < asOf);
    const own = byCustomer.get(invoice.customerId) ?? [];
    const history = known(own.flatMap((e) => (e.paid ? [e.paid] : [])));
    const openInvoices = own
      .filter((e) => e.invoice.id !== invoice.id && e.invoice.issueDate <= asOf && !(e.invoice.paidDate && e.invoice.paidDate < asOf))
      .map((e) => e.invoice);
    const norms = normsOn.get(asOf) ?? orgNormsBefore(all.map((e) => e.invoice), asOf, input.orgTypicalDelayDays);
    normsOn.set(asOf, norms);
    const pattern = detectPayDayPattern(history.map((p) => ({ receivedDate: p.paidDate })), asOf);
    const prediction = predictPayDate(history, invoice, asOf, pattern, norms.typicalDelayDays, {
      disputeDelayDays: norms.disputeDelayDays,
      trendPerDay: norms.trendPerDay,
      openInvoices,
    });
    errors.push({
      disputed: invoice.disputed,
      prediction: Math.abs(daysBetween(prediction.date, invoice.paidDate)),
      dueDate: Math.abs(daysBetween(invoice.dueDate, invoice.paidDate)),
    });
  }
  return {
    overall: score(errors),
    disputed: score(errors.filter((e) => e.disputed)),
    undisputed: score(errors.filter((e) => !e.disputed)),
  };
}

/** The org's norms from its invoices due in the year before asOf, as known the day before. */
function orgNormsBefore(invoices: readonly BacktestInvoice[], asOf: IsoDate, configuredDelayDays: number): OrgPaymentNorms {
  const windowStart = addDays(asOf, -(BEHAVIOUR_WINDOW_DAYS - 1));
  const dueInWindow = invoices
    .filter((i) => i.dueDate >= windowStart && i.dueDate <= asOf)
    .map((i) => ({ ...i, paidDate: i.paidDate && i.paidDate < asOf ? i.paidDate : null }));
  return orgPaymentNorms(dueInWindow, asOf, configuredDelayDays);
}

function score(errors: ReadonlyArray<{ prediction: number; dueDate: number }>): BacktestScore {
  if (errors.length === 0) return { count: 0, predictionMae: null, dueDateMae: null };
  const mean = (pick: (e: (typeof errors)[number]) => number) => errors.reduce((sum, e) => sum + pick(e), 0) / errors.length;
  return { count: errors.length, predictionMae: mean((e) => e.prediction), dueDateMae: mean((e) => e.dueDate) };
}

function asArInvoice(invoice: BacktestInvoice): ArInvoice {
  return { id: invoice.id, number: invoice.id, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: 1, currency: 'XXX', void: false, disputed: invoice.disputed };
}
