/** Payment-behaviour metrics over paid invoices: average days late, on-time rate. */
import { isWithinLastDays } from './dates';
import type { IsoDate, PaidInvoiceStatus } from './types';

export const BEHAVIOUR_WINDOW_DAYS = 365;

/** Invoices paid in the `days`-day window ending on asOf (default the last 365 days). */
export function paidWithinLastDays(
  paid: readonly PaidInvoiceStatus[],
  asOf: IsoDate,
  days: number = BEHAVIOUR_WINDOW_DAYS,
): PaidInvoiceStatus[] {
  return paid.filter((invoice) => isWithinLastDays(invoice.paidDate, asOf, days));
}

/**
 * The currency days late are averaged in: the customer's own when it has paid invoices,
 * else the currency with the most paid invoices (alphabetical on a tie); null without any.
 */
export function headlineCurrency(paid: readonly PaidInvoiceStatus[], customerCurrency: string): string | null {
  const counts = new Map<string, number>();
  for (const invoice of paid) counts.set(invoice.currency, (counts.get(invoice.currency) ?? 0) + 1);
  if (counts.has(customerCurrency)) return customerCurrency;
  let best: string | null = null;
  for (const [currency, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (best === null || count > (counts.get(best) ?? 0)) best = currency;
  }
  return best;
}

/** Amount-weighted mean of signed days late, in the headline currency only; null without paid invoices. */
export function averageDaysLate(paid: readonly PaidInvoiceStatus[], customerCurrency: string): number | null {
  const currency = headlineCurrency(paid, customerCurrency);
  const inCurrency = paid.filter((invoice) => invoice.currency === currency);
  const weight = inCurrency.reduce((sum, invoice) => sum + invoice.amount, 0);
  if (weight <= 0) return null;
  return inCurrency.reduce((sum, invoice) => sum + invoice.amount * invoice.daysLate, 0) / weight;
}

/** Share (0..1) of paid invoices with days late ≤ 0, counted across all currencies; null without any. */
export function onTimeRate(paid: readonly PaidInvoiceStatus[]): number | null {
  if (paid.length === 0) return null;
  return paid.filter((invoice) => invoice.daysLate <= 0).length / paid.length;
}

/** Plain (unweighted) mean of signed days late; null without paid invoices. */
export function meanDaysLate(paid: readonly PaidInvoiceStatus[]): number | null {
  if (paid.length === 0) return null;
  return paid.reduce((sum, invoice) => sum + invoice.daysLate, 0) / paid.length;
}
