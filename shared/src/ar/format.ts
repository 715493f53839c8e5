/** Plain-text dates and day counts for reasons and sentences; money is formatted by shared/src/money. */
import { DEFAULT_LOCALE } from '../money/format-money';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A business date (or the date of an instant) as people read it: "2026-12-14" → "14 Dec 2026" (en-GB), "Dec 14, 2026" (en-US). */
export function formatDate(isoDate: string, locale: string = DEFAULT_LOCALE): string {
  let formatter = dateFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormatters.set(locale, formatter);
  }
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? isoDate : formatter.format(day);
}

/** "1 day", "6 days", "-2 days". */
export function formatDays(days: number): string {
  return `${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** "18 days late", "1 day early", "0 days late" (rounded to whole days). */
export function formatLateness(days: number): string {
  const rounded = Math.round(days);
  return `${formatDays(Math.abs(rounded))} ${rounded >= 0 ? 'late' : 'early'}`;
}
