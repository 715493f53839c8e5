/** Display formatting at the edge, in the user's locale (Office's display language): money and dates through the shared formatters. */
import { formatDate } from '@shared/ar/format';
import { decimalSeparatorOf, formatMoney, minorUnitsToDecimal, parseMinorUnits } from '@shared/money';

export { formatDate, formatMoney };

/** Minor units → the decimal a person edits, in the user's locale ("1234.50", "1234,50"): no grouping, every ISO decimal. */
export function toDecimalInput(minor: number, currency: string, locale: string): string {
  const decimal = minorUnitsToDecimal(minor, currency);
  return decimalSeparatorOf(locale) === ',' ? decimal.replace('.', ',') : decimal;
}

/** A typed amount in the user's locale ("1,000.50"; "1.000,50" in de-DE) → positive minor units, or null when it is not one. */
export function parseDecimalInput(text: string, currency: string, locale: string): number | null {
  const parsed = parseMinorUnits(text.replace(/\s/g, ''), currency, decimalSeparatorOf(locale));
  return parsed.ok && parsed.minorUnits > 0 && !/^\s*[-+]/.test(text) ? parsed.minorUnits : null;
}

/** An instant → "5 minutes ago", "yesterday", or a date. */
export function formatWhen(iso: string, locale: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return rtf.format(0, 'second') === 'now' ? 'just now' : rtf.format(0, 'second');
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (Math.abs(seconds) < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return formatDate(iso, locale);
}

/** 0.8333 → "83%". */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Signed days → "3 days late", "2 days early", "on time". */
export function formatDaysLate(days: number): string {
  const rounded = Math.round(days);
  if (rounded === 0) return 'on time';
  const n = Math.abs(rounded);
  return `${n} day${n === 1 ? '' : 's'} ${rounded > 0 ? 'late' : 'early'}`;
}
