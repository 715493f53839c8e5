/** Organisation-wide payment habits: the fallback for thin history, the dispute delay and the trend. */
import { daysBetween } from './dates';
import { medianRoundedHalfUp } from './predict-pay-date';
import type { IsoDate } from './types';

/** Fewer invoices due in the window than this and the org's configured typical delay stands. */
export const MIN_ORG_INVOICES = 20;
/** Fewer disputed (or undisputed) paid invoices than this and disputes add nothing. */
export const MIN_DISPUTED_PAID = 5;
/** Customers with fewer paid invoices in the window say nothing about the trend. */
const MIN_TREND_PAID = 4;

/** An invoice of any customer due in the window (the 365 days to asOf), paid or not. */
export interface NormsInvoice {
  customerId: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Paid on or before asOf; null while still open. */
  paidDate: IsoDate | null;
  disputed: boolean;
}

export interface OrgPaymentNorms {
  /** Median days late of invoices due in the window (open ones as late as they are so far), or the configured delay. */
  typicalDelayDays: number;
  /** Median days late of disputed minus undisputed paid invoices (≥ 0), or 0 with fewer than 5 of either. */
  disputeDelayDays: number;
  /** How much later (negative: earlier) customers pay per day that passes, pooled over customers; 0 without evidence. */
  trendPerDay: number;
}

/** The org's norms as of asOf from its invoices due in the window before. */
export function orgPaymentNorms(invoices: readonly NormsInvoice[], asOf: IsoDate, configuredDelayDays: number): OrgPaymentNorms {
  const lateness = invoices.map((i) => daysBetween(i.dueDate, i.paidDate ?? asOf));
  const paid = invoices.filter((i): i is NormsInvoice & { paidDate: IsoDate } => i.paidDate !== null);
  const disputed = paid.filter((p) => p.disputed).map((p) => daysBetween(p.dueDate, p.paidDate));
  const undisputed = paid.filter((p) => !p.disputed).map((p) => daysBetween(p.dueDate, p.paidDate));
  const disputeDelayDays =
    disputed.length >= MIN_DISPUTED_PAID && undisputed.length >= MIN_DISPUTED_PAID
      ? Math.max(0, medianRoundedHalfUp(disputed) - medianRoundedHalfUp(undisputed))
      : 0;
  return {
    typicalDelayDays: invoices.length >= MIN_ORG_INVOICES ? medianRoundedHalfUp(lateness) : configuredDelayDays,
    disputeDelayDays,
    trendPerDay: pooledTrend(paid, disputeDelayDays),
  };
}

/**
 * Least-squares slope of (dispute-adjusted) days late against issue date within each customer,
 * pooled: Σ over customers of Σ(t − t̄)(d − d̄) ÷ Σ(t − t̄)², so differences between customers
 * do not count as a trend.
 */
function pooledTrend(paid: ReadonlyArray<NormsInvoice & { paidDate: IsoDate }>, disputeDelayDays: number): number {
  const byCustomer = new Map<string, Array<{ t: number; d: number }>>();
  const origin = paid[0]?.issueDate;
  if (!origin) return 0;
  for (const p of paid) {
    const list = byCustomer.get(p.customerId) ?? [];
    list.push({ t: daysBetween(origin, p.issueDate), d: daysBetween(p.dueDate, p.paidDate) - (p.disputed ? disputeDelayDays : 0) });
    byCustomer.set(p.customerId, list);
  }
  let sxy = 0;
  let sxx = 0;
  for (const points of byCustomer.values()) {
    if (points.length < MIN_TREND_PAID) continue;
    const mt = points.reduce((s, p) => s + p.t, 0) / points.length;
    const md = points.reduce((s, p) => s + p.d, 0) / points.length;
    for (const p of points) {
      sxy += (p.t - mt) * (p.d - md);
      sxx += (p.t - mt) ** 2;
    }
  }
  return sxx > 0 ? sxy / sxx : 0;
}
