/** Day arithmetic on YYYY-MM-DD strings (UTC-based, so no time zone can shift a day). */
import { addDays, weekdayOf } from '../ar/dates';

export { addDays };

const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar day of an instant in a time zone. */
export function dayInZone(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`receivedAt "${instant}" is not a date`);
  return formatterFor(timeZone).format(date);
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build: one per zone (an unknown zone reads as UTC). */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
    }
    if (FORMATTERS.size < 500) FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** 0 = Sunday … 6 = Saturday (the AR math's weekdayOf). */
export const weekday = weekdayOf;

/** A valid YYYY-MM-DD or null. */
export function makeDay(year: number, month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const out = fromUtc(ms);
  return Number(out.slice(8, 10)) === dayOfMonth ? out : null;
}

/** Last day of the month of `day` (or of `month` in that year). */
export function endOfMonth(year: number, month: number): string {
  return fromUtc(Date.UTC(year, month, 0));
}

/** The month/day in the year that makes it the next occurrence on/after (future) or the last on/before (past) `today`. */
export function placeYear(month: number, dayOfMonth: number, today: string, direction: 'future' | 'past'): string | null {
  const year = Number(today.slice(0, 4));
  const same = makeDay(year, month, dayOfMonth);
  if (!same) return makeDay(year + (direction === 'future' ? 1 : -1), month, dayOfMonth);
  if (direction === 'future') return same >= today ? same : makeDay(year + 1, month, dayOfMonth);
  return same <= today ? same : makeDay(year - 1, month, dayOfMonth);
}

/** The Friday of ISO week `week` of `year`. */
export function fridayOfIsoWeek(year: number, week: number): string {
  const jan4 = fromUtc(Date.UTC(year, 0, 4));
  const monday = addDays(jan4, -((weekday(jan4) + 6) % 7));
  return addDays(monday, (week - 1) * 7 + 4);
}
