/** Display formatting at the edge: money in its currency, dates and times in the user's locale. */

const exponentCache = new Map<string, number>();

function exponentOf(currency: string): number {
  let e = exponentCache.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, e);
  }
  return e;
}

/** 1234567 GBP → "£12,345.67" (in the user's locale). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** exponentOf(currency));
}

/** Minor units → the decimal a person types ("1234.5"). */
export function toDecimalInput(minor: number, currency: string): string {
  return (minor / 10 ** exponentOf(currency)).toFixed(exponentOf(currency));
}

/** A typed decimal → minor units, or null when it is not a valid amount for the currency. */
export function parseDecimalInput(text: string, currency: string): number | null {
  const exponent = exponentOf(currency);
  const match = text.trim().replace(/[\s,]/g, '').match(/^(\d+)(?:\.(\d+))?$/);
  if (!match || (match[2]?.length ?? 0) > exponent) return null;
  const minor = Number(match[1]) * 10 ** exponent + Number((match[2] ?? '').padEnd(exponent, '0') || '0');
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** "2026-12-12" → "12 Dec 2026". */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
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
