/**
 * How many days after its due date (or its issue date) a customer will pay, estimated
 * from its recent paid invoices: the pure core of the predicted pay date.
 */
import { daysBetween } from './dates';
import type { ArInvoice, IsoDate, PaidInvoiceStatus } from './types';

/** How many recent paid invoices the estimate looks at. */
export const MAX_HISTORY = 10;
/** Disputed invoices are paid less regularly, so they count half. */
const DISPUTED_WEIGHT = 0.5;
/** An open invoice already later than the estimate weighs as much as the most recent paid one. */
const OPEN_WEIGHT = MAX_HISTORY;

/** Open invoices further past due than this are stuck (a collections case), not a payment habit. */
const STUCK_AFTER_DAYS = 90;

/** What a paid invoice's days are counted from: its due date (days late) or its issue date (days to pay). */
export type Anchor = 'due' | 'issue';

export interface LatenessEstimate {
  anchor: Anchor;
  /** Weighted mean of the (dispute-adjusted) days after the anchor, unrounded. */
  days: number;
  /** How many paid invoices it looked at. */
  count: number;
  /** Open invoices already later than the paid history suggested, which pulled the estimate later. */
  pulledBy: number;
  /** Days the org's trend moved the estimate (negative: earlier). */
  trendDays: number;
}

export interface Observation {
  days: number;
  weight: number;
}

/** The most recent paid invoices known on asOf (latest paid first, at most 10). */
export function recentPaid(history: readonly PaidInvoiceStatus[], asOf: IsoDate): PaidInvoiceStatus[] {
  return history
    .filter((paid) => paid.paidDate <= asOf)
    .sort((a, b) => (a.paidDate !== b.paidDate ? (a.paidDate > b.paidDate ? -1 : 1) : a.issueDate > b.issueDate ? -1 : a.issueDate < b.issueDate ? 1 : 0))
    .slice(0, MAX_HISTORY);
}

/**
 * Observations of the days after the anchor, disputed ones minus the organisation's dispute delay:
 * the most recent weighs 10, the next 9 … the tenth 1 (disputed ones half), so recent habits win.
 */
export function observations(recent: readonly PaidInvoiceStatus[], anchor: Anchor, disputeDelayDays: number): Observation[] {
  return recent.map((paid, rank) => ({
    days: (anchor === 'due' ? paid.daysLate : paid.daysToPay) - (paid.disputed ? disputeDelayDays : 0),
    weight: (MAX_HISTORY - rank) * (paid.disputed ? DISPUTED_WEIGHT : 1),
  }));
}

/** Weighted mean of observations (0 without any). */
export function weightedMean(items: readonly Observation[]): number {
  const weight = items.reduce((sum, o) => sum + o.weight, 0);
  return weight > 0 ? items.reduce((sum, o) => sum + o.days * o.weight, 0) / weight : 0;
}

/** Weighted mean absolute deviation from the weighted mean: how stable the habit is. */
export function weightedSpread(items: readonly Observation[]): number {
  const mean = weightedMean(items);
  return weightedMean(items.map((o) => ({ days: Math.abs(o.days - mean), weight: o.weight })));
}

export interface EstimateInput {
  /** From recentPaid: latest paid first. */
  recent: readonly PaidInvoiceStatus[];
  openInvoices: ReadonlyArray<Pick<ArInvoice, 'issueDate' | 'dueDate' | 'disputed'>>;
  asOf: IsoDate;
  disputeDelayDays: number;
  /** Days after the due date without any paid invoice (the org's typical delay). */
  fallbackDays: number;
  /** The predicted invoice's issue date: needed to count from issue dates and to apply the trend. */
  issueDate?: IsoDate;
  /** The org's trend in days late per day (see orgPaymentNorms). */
  trendPerDay: number;
}

/**
 * The estimate from the customer's recent paid invoices (or `fallbackDays` after the due date
 * without any), counted from whichever anchor was more stable (the due date on a tie), moved
 * along the org's trend from when those invoices were issued to when this one was. Open invoices
 * already later than that (up to 90 days past due) count too, as much as the most recent paid
 * invoice each, because they show the customer paying later right now.
 */
export function estimateLateness(input: EstimateInput): LatenessEstimate {
  const { recent, asOf, disputeDelayDays } = input;
  const byDue = observations(recent, 'due', disputeDelayDays);
  const byIssue = observations(recent, 'issue', disputeDelayDays);
  const steadierFromIssue = input.issueDate !== undefined && recent.length > 0 && weightedSpread(byIssue) < weightedSpread(byDue);
  const anchor: Anchor = steadierFromIssue ? 'issue' : 'due';
  const sample = anchor === 'due' ? byDue : byIssue;
  const trendDays = recent.length > 0 && input.issueDate ? trendSince(recent, sample, input.issueDate, input.trendPerDay) : 0;
  const fromPaid = recent.length > 0 ? weightedMean(sample) + trendDays : input.fallbackDays;
  const pulling = input.openInvoices
    .filter((open) => daysBetween(open.dueDate, asOf) <= STUCK_AFTER_DAYS)
    .map((open) => daysBetween(anchor === 'due' ? open.dueDate : open.issueDate, asOf) - (open.disputed ? disputeDelayDays : 0))
    .filter((days) => days > fromPaid);
  if (recent.length === 0) {
    return { anchor, days: pulling.length ? Math.max(...pulling) : input.fallbackDays, count: 0, pulledBy: pulling.length, trendDays: 0 };
  }
  const days = weightedMean([{ days: fromPaid, weight: totalWeight(sample) }, ...pulling.map((d) => ({ days: d, weight: OPEN_WEIGHT }))]);
  return { anchor, days, count: recent.length, pulledBy: pulling.length, trendDays };
}

/** The trend over the time from the sample's weighted mean issue date to `issueDate`. */
function trendSince(recent: readonly PaidInvoiceStatus[], sample: readonly Observation[], issueDate: IsoDate, trendPerDay: number): number {
  const ages = recent.map((paid, i) => ({ days: daysBetween(paid.issueDate, issueDate), weight: sample[i]?.weight ?? 0 }));
  return trendPerDay * weightedMean(ages);
}

function totalWeight(items: readonly Observation[]): number {
  return items.reduce((sum, o) => sum + o.weight, 0);
}
