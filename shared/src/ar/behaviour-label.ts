/** The behaviour label (exactly one) and its reason. */
import { averageDaysLate, meanDaysLate, onTimeRate, paidWithinLastDays } from './behaviour-metrics';
import { isWithinLastDays } from './dates';
import { formatMoney } from '../money/format-money';
import { formatDate, formatLateness } from './format';
import type { PromiseEvaluation } from './promises';
import { customerCurrencyFirst } from './totals';
import type { ArPromise, Behaviour, IsoDate, OpenInvoiceStatus, PaidInvoiceStatus } from './types';

const MIN_PAID_INVOICES = 3;
const BROKEN_PROMISE_WINDOW_DAYS = 90;
const SLIPPING_MARGIN_DAYS = 10;
const RELIABLE_ON_TIME_RATE = 0.8;
const RELIABLE_MAX_DAYS_LATE = 3;

export interface BehaviourInput {
  asOf: IsoDate;
  /** The customer's currency: the headline currency of the average days late. */
  currency: string;
  openInvoices: ReadonlyArray<Pick<OpenInvoiceStatus, 'currency' | 'balance' | 'bucket'>>;
  promises: readonly ArPromise[];
  /** The promises re-evaluated as of asOf (see evaluatePromises). */
  promiseEvaluations: readonly PromiseEvaluation[];
  /** Every invoice paid on or before asOf, any currency. */
  paid: readonly PaidInvoiceStatus[];
}

/**
 * First match of: at-risk (91+ balance, or a promise broken in the last 90 days), new (< 3 paid
 * invoices), slipping (last 3 paid ≥ 10 days later than the 365-day average and late),
 * reliable (≥ 80% on time or ≤ 3 days late on average), else pays-late-predictably.
 */
export function classifyBehaviour(input: BehaviourInput): Behaviour {
  const risk = atRiskReason(input);
  if (risk) return { label: 'at-risk', reason: risk };

  const paid = input.paid.filter((invoice) => invoice.paidDate <= input.asOf);
  if (paid.length < MIN_PAID_INVOICES) return { label: 'new', reason: newReason(paid.length) };

  // Without payments in the last year, judge on the whole history rather than on nothing.
  const lastYear = paidWithinLastDays(paid, input.asOf);
  const basis = lastYear.length > 0 ? lastYear : paid;
  const period = lastYear.length > 0 ? 'over the last year' : 'overall';
  const average = averageDaysLate(basis, input.currency) ?? 0;
  const onTime = basis.filter((invoice) => invoice.daysLate <= 0).length;

  const lastThree = [...paid].sort((a, b) => (a.paidDate < b.paidDate ? -1 : a.paidDate > b.paidDate ? 1 : 0)).slice(-3);
  const recent = meanDaysLate(lastThree) ?? 0;
  if (recent > 0 && recent >= average + SLIPPING_MARGIN_DAYS) {
    return {
      label: 'slipping',
      reason: `Last 3 invoices paid ${formatLateness(recent)} on average, up from ${formatLateness(average)} ${period}`,
    };
  }
  if ((onTimeRate(basis) ?? 0) >= RELIABLE_ON_TIME_RATE) {
    return { label: 'reliable', reason: `Paid ${onTime} of ${basis.length} invoices on time ${period}` };
  }
  if (average <= RELIABLE_MAX_DAYS_LATE) {
    return { label: 'reliable', reason: `Pays ${formatLateness(average)} on average ${period}` };
  }
  const late = `${basis.length - onTime} of ${basis.length} invoices late ${period}`;
  return {
    label: 'pays-late-predictably',
    reason: `Pays ${formatLateness(average)} on average (${late}, typically ${typicalRange(basis)})`,
  };
}

function atRiskReason(input: BehaviourInput): string | null {
  const parts: string[] = [];
  const severe = new Map<string, number>();
  for (const open of input.openInvoices) {
    if (open.bucket === 'd91_plus') severe.set(open.currency, (severe.get(open.currency) ?? 0) + open.balance);
  }
  if (severe.size > 0) {
    const amounts = [...severe]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort(customerCurrencyFirst(input.currency))
      .map(({ currency, amount }) => formatMoney(amount, currency));
    parts.push(`${amounts.join(' and ')} ${amounts.length === 1 ? 'is' : 'are'} more than 90 days overdue`);
  }
  const broken = brokenPromisesInWindow(input);
  const latest = broken[0];
  if (latest) {
    const what = `${formatMoney(latest.amount, latest.currency)} by ${formatDate(latest.promisedDate)}`;
    parts.push(
      broken.length === 1
        ? `a promise to pay ${what} was broken`
        : `${broken.length} promises to pay were broken in the last 90 days, the latest ${what}`,
    );
  }
  if (parts.length === 0) return null;
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Broken promises whose promised date is in the last 90 days, latest first. */
function brokenPromisesInWindow(input: BehaviourInput): ArPromise[] {
  const brokenIds = new Set(input.promiseEvaluations.filter((e) => e.status === 'broken').map((e) => e.id));
  return input.promises
    .filter((p) => brokenIds.has(p.id) && isWithinLastDays(p.promisedDate, input.asOf, BROKEN_PROMISE_WINDOW_DAYS))
    .sort((a, b) => (a.promisedDate > b.promisedDate ? -1 : a.promisedDate < b.promisedDate ? 1 : 0));
}

function newReason(count: number): string {
  if (count === 0) return 'No paid invoices yet';
  return `Only ${count} paid ${count === 1 ? 'invoice' : 'invoices'} so far`;
}

/** Interquartile range of days late (nearest rank): "10–25 days late". */
function typicalRange(paid: readonly PaidInvoiceStatus[]): string {
  const sorted = paid.map((invoice) => invoice.daysLate).sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const [low, high] = [rank(0.25), rank(0.75)];
  if (low === high) return formatLateness(low);
  return low >= 0 ? `${low}–${high} days late` : `${low} to ${high} days late`;
}
