/** The one entry point: a customer's AR status as of a date. */
import { agingBucket, daysPastDue } from './aging';
import { computeInvoiceBalances, paidInvoices, type InvoiceBalance } from './balances';
import { averageDaysLate, onTimeRate, paidWithinLastDays } from './behaviour-metrics';
import { classifyBehaviour } from './behaviour-label';
import { detectPayDayPattern } from './pay-day-pattern';
import { predictPayDate } from './predict-pay-date';
import { recentPaid } from './lateness-estimate';
import { evaluatePromises } from './promises';
import { computeTotals } from './totals';
import type { ArInput, ArPayment, ArStatus, IsoDate, LastPayment, OpenInvoiceStatus, PaidInvoiceStatus } from './types';

/** Everything the sidebar shows about a customer's receivables, computed from plain data as of `input.asOf`. */
export function computeArStatus(input: ArInput): ArStatus {
  const { asOf } = input;
  const balances = computeInvoiceBalances(input.invoices, input.settlements, asOf);
  const paid = paidInvoices(input.invoices, input.settlements, asOf);
  const payDayPattern = detectPayDayPattern(input.payments, asOf);

  const open = balances.filter((entry) => entry.balance > 0);
  // What every prediction reads of the paid history (the latest ten), cut once, so each open invoice's
  // prediction sorts those ten (predictPayDate takes any history) rather than the whole paid history.
  const recent = recentPaid(paid, asOf);
  const openInvoices = open
    .map((entry) => toOpenStatus(entry, input, recent, payDayPattern, open))
    .sort((a, b) => compareStrings(a.dueDate, b.dueDate) || compareStrings(a.number, b.number));

  const lastYear = paidWithinLastDays(paid, asOf);
  const promises = evaluatePromises(input.promises, input.payments, asOf);
  return {
    asOf,
    totals: computeTotals({ ...input, openInvoices }),
    openInvoices,
    lastPayment: findLastPayment(input.payments, asOf, input.currency),
    averageDaysLate: averageDaysLate(lastYear, input.currency),
    onTimeRate: onTimeRate(lastYear),
    paidInLast365: lastYear.length,
    payDayPattern,
    behaviour: classifyBehaviour({
      asOf,
      currency: input.currency,
      openInvoices,
      promises: input.promises,
      promiseEvaluations: promises,
      paid,
    }),
    promises,
  };
}

function toOpenStatus(
  { invoice, balance }: InvoiceBalance,
  input: ArInput,
  recent: readonly PaidInvoiceStatus[],
  pattern: ArStatus['payDayPattern'],
  open: readonly InvoiceBalance[],
): OpenInvoiceStatus {
  const pastDue = daysPastDue(invoice.dueDate, input.asOf);
  const prediction = predictPayDate(recent, invoice, input.asOf, pattern, input.orgTypicalDelayDays, {
    disputeDelayDays: input.orgDisputeDelayDays,
    trendPerDay: input.orgTrendPerDay,
    openInvoices: open.filter((other) => other.invoice.id !== invoice.id).map((other) => other.invoice),
  });
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: invoice.amount,
    currency: invoice.currency,
    balance,
    daysPastDue: pastDue,
    bucket: agingBucket(pastDue),
    predictedPayDate: prediction.date,
    predictionBasis: prediction.basis,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The latest payment day on or before asOf and everything received that day, summed per currency:
 * one of several same-day payments would depend on row order, which two imports of one file need not share.
 */
function findLastPayment(payments: readonly ArPayment[], asOf: IsoDate, customerCurrency: string): LastPayment | null {
  let date: IsoDate | null = null;
  for (const payment of payments) if (payment.receivedDate <= asOf && (date === null || payment.receivedDate > date)) date = payment.receivedDate;
  if (date === null) return null;
  const totals = new Map<string, number>();
  for (const payment of payments) if (payment.receivedDate === date) totals.set(payment.currency, (totals.get(payment.currency) ?? 0) + payment.amount);
  const amounts = [...totals].map(([currency, amount]) => ({ amount, currency }));
  amounts.sort((a, b) => Number(b.currency === customerCurrency) - Number(a.currency === customerCurrency) || compareStrings(a.currency, b.currency));
  return { date, amounts };
}
