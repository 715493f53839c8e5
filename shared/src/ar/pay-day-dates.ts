/** Dates that match a pay day (a day of the month or a weekday). */
import { addDays, isDayOfMonth, weekdayOf } from './dates';
import type { IsoDate, PayDayPattern } from './types';

/** The part of a pay-day pattern that says which dates match it. */
export type PayDay = { kind: 'day-of-month'; day: number } | { kind: 'weekday'; weekday: number };

/** Whether `date` is the pay day (days past a short month's end match its last day). */
export function isPayDay(date: IsoDate, payDay: PayDay): boolean {
  return payDay.kind === 'weekday' ? weekdayOf(date) === payDay.weekday : isDayOfMonth(date, payDay.day);
}

/** Calendar days from `date` to the nearest pay day, or null when none is within `maxDistance`. */
export function distanceToPayDay(date: IsoDate, payDay: PayDay, maxDistance: number): number | null {
  for (let offset = 0; offset <= maxDistance; offset += 1) {
    if (isPayDay(addDays(date, -offset), payDay) || isPayDay(addDays(date, offset), payDay)) return offset;
  }
  return null;
}

/**
 * The pay day nearest to `date` within ±`maxDistance` days and not before `notBefore`
 * (the later one on a tie), or null when there is none.
 */
export function nearestPayDay(date: IsoDate, payDay: PayDay, maxDistance: number, notBefore: IsoDate): IsoDate | null {
  for (let offset = 0; offset <= maxDistance; offset += 1) {
    for (const candidate of [addDays(date, offset), addDays(date, -offset)]) {
      if (candidate >= notBefore && isPayDay(candidate, payDay)) return candidate;
    }
  }
  return null;
}

/** The first pay day on or after `date`. */
export function nextPayDay(date: IsoDate, payDay: PayDay): IsoDate {
  // A day of the month recurs within 31 days, a weekday within 7.
  for (let offset = 0; offset < 31; offset += 1) {
    const candidate = addDays(date, offset);
    if (isPayDay(candidate, payDay)) return candidate;
  }
  throw new RangeError(`No pay day within a month of ${date}`);
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** English ordinal of a day of the month: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Short phrase for a pay day: "around the 15th", "around the end of the month", "Thursdays". */
export function describePayDay(payDay: PayDay | PayDayPattern): string {
  if (payDay.kind === 'weekday') return `${WEEKDAY_NAMES[payDay.weekday] ?? '?'}s`;
  // 31 matches the last day of every month (see isDayOfMonth), so say so.
  return payDay.day >= 31 ? 'around the end of the month' : `around the ${ordinal(payDay.day)}`;
}
