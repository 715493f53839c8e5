/** Decimal amounts from ledger files to integer minor units, exactly (string arithmetic, never floats). */
import { currencyExponent } from '@shared/ar';

/** The decimal separator of a file: "." (1,234.56) or "," (1.234,56 or 1 234,56). */
export type DecimalSeparator = '.' | ',';

const PATTERNS: Record<DecimalSeparator, RegExp> = {
  '.': /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
  ',': /^(-?)(\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(\d+))?$/,
};

export type AmountResult = { ok: true; minorUnits: number } | { ok: false; message: string };

/**
 * "1,234.5" in USD → 123450; "1.234,5" with "," → 123450; "500" in JPY → 500; "1.234" in KWD → 1234.
 * Digits past the currency's exponent must be zeros ("12.00" is 12 in JPY, "12.50" an error),
 * so nothing is ever rounded.
 */
export function toMinorUnits(text: string, currency: string, decimal: DecimalSeparator = '.'): AmountResult {
  const match = PATTERNS[decimal].exec(text.trim());
  if (!match) return { ok: false, message: `not an amount like ${decimal === '.' ? '1234.56 or 1,234.56' : '1234,56 or 1.234,56'}` };
  const [, sign = '', whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    return { ok: false, message: `${currency} has ${exponent} decimal${exponent === 1 ? '' : 's'}; ${text.trim()} has more` };
  }
  const digits = `${whole.replace(/[^0-9]/g, '')}${kept.padEnd(exponent, '0')}`;
  const value = BigInt(digits);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'too large' };
  const minorUnits = Number(value);
  return { ok: true, minorUnits: sign === '-' && minorUnits !== 0 ? -minorUnits : minorUnits };
}
