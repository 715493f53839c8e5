/** Predicted pay date of an open invoice from the customer's own paid history. */
import { addDays } from './dates';
import { formatDays } from './format';
import { estimateLateness, recentPaid, type LatenessEstimate } from './lateness-estimate';
import { describePayDay, nearestPayDay, nextPayDay } from './pay-day-dates';
import type { ArInvoice, IsoDate, PaidInvoiceStatus, PayDayPattern } from './types';

const SNAP_DAYS = 3;

export interface PayDatePrediction {
  date: IsoDate;
  /** One sentence: how the prediction was made. */
  basis: string;
}

/** What the organisation's history adds to one customer's (see orgPaymentNorms). */
export interface PredictionContext {
  /** Extra days a disputed invoice takes across the organisation; 0 when unknown. */
  disputeDelayDays?: number;
  /** The org's trend in days late per day that passes (see orgPaymentNorms); 0 when unknown. */
  trendPerDay?: number;
  /** The customer's other open invoices on asOf: those already later than its habit pull the prediction later. */
  openInvoices?: ReadonlyArray<Pick<ArInvoice, 'issueDate' | 'dueDate' | 'disputed'>>;
}

type PredictedInvoice = Pick<ArInvoice, 'dueDate' | 'disputed'> & Partial<Pick<ArInvoice, 'issueDate'>>;

/**
 * Due date + the recency-weighted mean days late of the customer's last (up to 10) invoices paid
 * by asOf — or issue date + their mean days to pay when that was steadier — with disputed history
 * counted net of the org's dispute delay, which a disputed invoice gets added; moved along the
 * org's trend; pulled later by open invoices already later than that; snapped to the pay-day
 * pattern within ±3 days and never before asOf. Without paid invoices: due date + the org's
 * typical delay (or as late as an open invoice already is).
 */
export function predictPayDate(
  history: readonly PaidInvoiceStatus[],
  invoice: PredictedInvoice,
  asOf: IsoDate,
  pattern: PayDayPattern | null,
  orgTypicalDelayDays: number,
  context: PredictionContext = {},
): PayDatePrediction {
  const disputeDays = Math.max(0, Math.round(context.disputeDelayDays ?? 0));
  const estimate = estimateLateness({
    recent: recentPaid(history, asOf),
    openInvoices: context.openInvoices ?? [],
    asOf,
    disputeDelayDays: disputeDays,
    fallbackDays: orgTypicalDelayDays,
    issueDate: invoice.issueDate,
    trendPerDay: context.trendPerDay ?? 0,
  });
  const dispute = invoice.disputed ? disputeDays : 0;
  const offset = roundHalfUp(estimate.days) + dispute;
  const fromIssue = estimate.anchor === 'issue' && invoice.issueDate !== undefined;
  const raw = addDays(fromIssue ? invoice.issueDate! : invoice.dueDate, offset);
  const summary = describeEstimate(estimate, offset, dispute, fromIssue);

  if (raw < asOf) {
    if (!pattern) return { date: asOf, basis: `${summary}; that is past, so the as-of date is predicted.` };
    return { date: nextPayDay(asOf, pattern), basis: `${summary}; that is past, so their next usual pay day (${describePayDay(pattern)}) is predicted.` };
  }
  const snapped = pattern ? nearestPayDay(raw, pattern, SNAP_DAYS, asOf) : null;
  if (pattern && snapped && snapped !== raw) {
    return { date: snapped, basis: `${summary}, snapped to their usual pay day (${describePayDay(pattern)}).` };
  }
  return { date: raw, basis: `${summary}.` };
}

/** Median of whole numbers; a half-way median of an even count rounds up (3.5 → 4, −3.5 → −3). */
export function medianRoundedHalfUp(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('Median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return roundHalfUp(median);
}

/** Rounds to whole days, halves towards +∞ (2.5 → 3, −2.5 → −2). */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/** "Due date + 26 days: <why>", without the final full stop. */
function describeEstimate(estimate: LatenessEstimate, offset: number, dispute: number, fromIssue: boolean): string {
  const lead = `${fromIssue ? 'Issue date' : 'Due date'} ${offset < 0 ? '−' : '+'} ${formatDays(Math.abs(offset))}`;
  const plusDispute = dispute > 0 ? `, plus ${formatDays(dispute)} for the dispute` : '';
  const open = estimate.pulledBy === 1 ? 'an open invoice is' : `${estimate.pulledBy} open invoices are`;
  if (estimate.count === 0) {
    const why = estimate.pulledBy > 0 ? `no paid invoices yet, but ${open} already that late` : "no paid invoices yet, so the organisation's typical delay";
    return `${lead}: ${why}${plusDispute}`;
  }
  const paid = estimate.count === 1 ? 'their last paid invoice' : `the recency-weighted average of their last ${estimate.count} paid invoices`;
  const alsoOpen = estimate.pulledBy > 0 ? ` and ${estimate.pulledBy === 1 ? 'an open invoice' : `${estimate.pulledBy} open invoices`} already later than that` : '';
  const trend = roundHalfUp(estimate.trendDays);
  const byTrend = trend !== 0 ? `, ${formatDays(Math.abs(trend))} ${trend < 0 ? 'earlier' : 'later'} for the organisation's trend` : '';
  const what = fromIssue ? ' (counted from issue dates, which was steadier)' : '';
  return `${lead}: ${paid}${what}${alsoOpen}${byTrend}${plusDispute}`;
}
