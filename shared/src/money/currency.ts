/** Which codes are currencies and how many decimals their minor unit has: ISO 4217, from the one table. */
import { ISO_4217_EXPONENTS } from './iso-4217';

/** Every ISO 4217 code with a minor unit, sorted (the contract's currency enum). */
export const ISO_CURRENCY_CODES: readonly string[] = Object.keys(ISO_4217_EXPONENTS);

/** True for an upper-case ISO 4217 code with a minor unit ("HUF"); false for "XYZ", "huf", "XXX". */
export function isIsoCurrency(code: string): boolean {
  return Object.hasOwn(ISO_4217_EXPONENTS, code);
}

/** Decimals of the currency's minor unit per ISO 4217 (HUF 2, JPY 0, KWD 3); a RangeError for any other code. */
export function currencyExponent(currency: string): number {
  const exponent = isIsoCurrency(currency) ? ISO_4217_EXPONENTS[currency] : undefined;
  if (exponent === undefined) throw new RangeError(`Not an ISO 4217 currency: ${currency}`);
  return exponent;
}
