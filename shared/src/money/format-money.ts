/** Minor units → text: the exact decimal, and the amount as people read it ("£19,192.57"). */
import { currencyExponent } from './currency';

/** The locale of everything the server writes (reason sentences, cards, statements, timeline); the pane uses the user's. */
export const DEFAULT_LOCALE = 'en-GB';

/** Integer minor units → the exact decimal string: 123456 GBP → "1234.56", -5 KWD → "-0.005", 1234 JPY → "1234". */
export function minorUnitsToDecimal(minorUnits: number | bigint, currency: string): string {
  if (typeof minorUnits === 'number' && !Number.isSafeInteger(minorUnits)) throw new RangeError(`Not whole minor units: ${minorUnits}`);
  const exponent = currencyExponent(currency);
  const value = BigInt(minorUnits);
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return `${value < 0n ? '-' : ''}${whole}${exponent > 0 ? `.${digits.slice(-exponent)}` : ''}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    // The ISO exponent, not CLDR's: CLDR shows HUF, COP, IDR and PKR with 0 decimals, which would hide or round minor units.
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Minor units as the locale writes the currency: 1919257 GBP → "£19,192.57" (en-GB), "19.192,57 £" (de-DE).
 * Intl is handed the exact decimal string (ECMA-402 formats it without going through a float),
 * with exactly the ISO exponent's fraction digits, so no locale data can change the amount.
 */
export function formatMoney(minorUnits: number | bigint, currency: string, locale: string = DEFAULT_LOCALE): string {
  const decimal = minorUnitsToDecimal(minorUnits, currency) as Intl.StringNumericLiteral;
  return formatterFor(currency, locale).format(decimal);
}
