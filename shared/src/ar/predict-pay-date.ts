/** Predicted pay date of an open invoice from the customer's own paid history. */
import { addDays } from './dates';
import { formatDays, formatLateness } from './format';
import { describePayDay, nearestPayDay, nextPayDay } from './pay-day-dates';
import type { ArInvoice, IsoDate, PaidInvoiceStatus, PayDayPattern } from './types';

const MIN_HISTORY = 3;
const MAX_HISTORY = 12;
const SNAP_DAYS = 3;

export interface PayDatePrediction {
  date: IsoDate;
  /** One sentence: how the prediction was made. */
  basis: string;
}

/**
 * Due date + median signed days late of the customer's last (up to 12) invoices paid by asOf —
 * only those with the invoice's disputed flag when there are ≥ 3 — snapped to the pay-day
 * pattern within ±3 days and never before asOf; with < 3 paid invoices, due date + the org's
 * typical delay.
 */
export function predictPayDate(
  history: readonly PaidInvoiceStatus[],
  invoice: Pick<ArInvoice, 'dueDate' | 'disputed'>,
  asOf: IsoDate,
  pattern: PayDayPattern | null,
  orgTypicalDelayDays: number,
): PayDatePrediction {
  const sample = selectHistory(history, invoice.disputed, asOf);
  if (sample.invoices.length < MIN_HISTORY) return predictFromOrgDelay(invoice.dueDate, asOf, orgTypicalDelayDays);

  const median = medianRoundedHalfUp(sample.invoices.map((paid) => paid.daysLate));
  const raw = addDays(invoice.dueDate, median);
  const summary = `Median ${formatLateness(median)} over the last ${sample.invoices.length} ${sample.label}`;

  if (raw < asOf) {
    if (!pattern) return { date: asOf, basis: `${summary} points to a past date, so the as-of date is predicted.` };
    const basis = `${summary} points to a past date, so their next usual pay day (${describePayDay(pattern)}) is predicted.`;
    return { date: nextPayDay(asOf, pattern), basis };
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
  return Math.floor(median + 0.5);
}

/** History to predict from, most recent 12: only the same disputed flag when ≥ 3 such (and others exist), else all. */
function selectHistory(
  history: readonly PaidInvoiceStatus[],
  disputed: boolean,
  asOf: IsoDate,
): { invoices: PaidInvoiceStatus[]; label: string } {
  const known = history
    .filter((paid) => paid.paidDate <= asOf)
    .sort((a, b) => (a.paidDate > b.paidDate ? -1 : a.paidDate < b.paidDate ? 1 : 0));
  const sameFlag = known.filter((paid) => paid.disputed === disputed);
  if (sameFlag.length >= MIN_HISTORY && sameFlag.length < known.length) {
    const label = disputed ? 'paid disputed invoices' : 'paid undisputed invoices';
    return { invoices: sameFlag.slice(0, MAX_HISTORY), label };
  }
  return { invoices: known.slice(0, MAX_HISTORY), label: 'paid invoices' };
}

function predictFromOrgDelay(dueDate: IsoDate, asOf: IsoDate, delayDays: number): PayDatePrediction {
  const raw = addDays(dueDate, delayDays);
  const delay = formatDays(delayDays);
  const basis = `Fewer than ${MIN_HISTORY} paid invoices: due date plus the organisation's typical delay of ${delay}`;
  if (raw < asOf) return { date: asOf, basis: `${basis} is already past, so the as-of date is predicted.` };
  return { date: raw, basis: `${basis}.` };
}
