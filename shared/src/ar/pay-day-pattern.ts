/** Detects when a customer's recent payments cluster on a day of the month or a weekday. */
import { isWithinLastDays, weekdayOf } from './dates';
import { describePayDay, distanceToPayDay } from './pay-day-dates';
import type { ArPayment, IsoDate, PayDayPattern } from './types';

const WINDOW_DAYS = 365;
const MIN_PAYMENTS = 4;
const MAX_PAYMENTS = 12;
const MIN_SHARE = 0.6;
const DAY_OF_MONTH_TOLERANCE = 2;

/**
 * The customer's pay-day pattern from its last (up to 12) payments received in the 365 days
 * to asOf, at least 4: ≥ 60% within ±2 days of one day of the month (checked first), or
 * ≥ 60% on one weekday; else null.
 */
export function detectPayDayPattern(
  payments: ReadonlyArray<Pick<ArPayment, 'receivedDate'>>,
  asOf: IsoDate,
): PayDayPattern | null {
  const dates = payments
    .map((payment) => payment.receivedDate)
    .filter((date) => isWithinLastDays(date, asOf, WINDOW_DAYS))
    .sort()
    .slice(-MAX_PAYMENTS);
  if (dates.length < MIN_PAYMENTS) return null;

  const monthDay = bestDayOfMonth(dates);
  if (monthDay.count / dates.length >= MIN_SHARE) {
    const payDay = { kind: 'day-of-month', day: monthDay.day } as const;
    return { ...payDay, share: monthDay.count / dates.length, text: `usually pays ${describePayDay(payDay)}` };
  }
  const weekday = bestWeekday(dates);
  if (weekday.count / dates.length >= MIN_SHARE) {
    const payDay = { kind: 'weekday', weekday: weekday.weekday } as const;
    return { ...payDay, share: weekday.count / dates.length, text: `pays on ${describePayDay(payDay)}` };
  }
  return null;
}

/** The day of the month with most dates within ±2 days (then the smallest total distance, then the earliest day). */
function bestDayOfMonth(dates: readonly IsoDate[]): { day: number; count: number } {
  let best = { day: 1, count: -1, distance: Infinity };
  for (let day = 1; day <= 31; day += 1) {
    const distances = dates
      .map((date) => distanceToPayDay(date, { kind: 'day-of-month', day }, DAY_OF_MONTH_TOLERANCE))
      .filter((distance): distance is number => distance !== null);
    const distance = distances.reduce((sum, d) => sum + d, 0);
    if (distances.length > best.count || (distances.length === best.count && distance < best.distance)) {
      best = { day, count: distances.length, distance };
    }
  }
  return best;
}

/** The weekday most dates fall on (the earliest weekday on a tie). */
function bestWeekday(dates: readonly IsoDate[]): { weekday: number; count: number } {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const date of dates) counts[weekdayOf(date)] = (counts[weekdayOf(date)] ?? 0) + 1;
  const count = Math.max(...counts);
  return { weekday: counts.indexOf(count), count };
}
