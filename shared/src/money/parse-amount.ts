/** Typed or imported decimal text → integer minor units, exactly: string arithmetic, never floats. */
import { currencyExponent, isIsoCurrency } from './currency';

/** The decimal separator the text uses: "." (1,234.56) or "," (1.234,56 or 1 234,56). */
export type TDecimalSeparator = '.' | ',';

export type TAmountParse = { ok: true; minorUnits: number } | { ok: false; message: string };

// Thousands are grouped by the other mark: "," with a decimal point; ".", a space, a no-break
// space or the narrow no-break space fr-FR uses with a decimal comma.
const PATTERNS: Record<TDecimalSeparator, RegExp> = {
  '.': /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
  ',': /^([-+]?)(\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/,
};
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * "1,234.5" in USD → 123450; "1.234,5" with "," → 123450; "1234" in HUF → 123400; "500" in JPY → 500.
 * Digits past the currency's ISO exponent must be zeros ("12.00" is 12 in JPY, "12.50" an error),
 * so nothing is ever rounded; beyond Number.MAX_SAFE_INTEGER minor units is refused.
 */
export function parseMinorUnits(text: string, currency: string, decimal: TDecimalSeparator = '.'): TAmountParse {
  if (!isIsoCurrency(currency)) return { ok: false, message: `${currency} is not an ISO 4217 currency code` };
  const match = PATTERNS[decimal].exec(text.trim());
  if (!match) return { ok: false, message: `not an amount like ${decimal === '.' ? '1234.56 or 1,234.56' : '1234,56 or 1.234,56'}` };
  const [, sign = '', whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    return { ok: false, message: `${currency} has ${exponent} decimal${exponent === 1 ? '' : 's'}; ${text.trim()} has more` };
  }
  const magnitude = BigInt(`${whole.replace(/\D/g, '')}${fraction.slice(0, exponent).padEnd(exponent, '0')}`);
  if (magnitude > MAX_SAFE) return { ok: false, message: 'too large' };
  const minorUnits = Number(magnitude);
  return { ok: true, minorUnits: sign === '-' && minorUnits !== 0 ? -minorUnits : minorUnits };
}

/** The decimal separator people type in a locale: "." for en-GB and ja-JP, "," for de-DE and fr-FR. */
export function decimalSeparatorOf(locale: string): TDecimalSeparator {
  let separator = separators.get(locale);
  if (!separator) {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    separator = part?.value === ',' ? ',' : '.';
    separators.set(locale, separator);
  }
  return separator;
}

const separators = new Map<string, TDecimalSeparator>();
