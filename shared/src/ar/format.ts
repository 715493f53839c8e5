/** Plain-text money and day counts for reasons and sentences (the UI formats money itself). */

/** ISO 4217 currencies whose minor unit is not 1/100; every other code has 2 decimals. */
const MINOR_UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** Number of decimals of a currency's minor unit (2 unless ISO 4217 says otherwise). */
export function currencyExponent(currency: string): number {
  return MINOR_UNIT_EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** Minor units as "CODE 12,400.00" (decimals per the currency's exponent, e.g. "JPY 12,400"). */
export function formatMoney(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(Math.round(amount))).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exponent > 0 ? `.${digits.slice(-exponent)}` : '';
  return `${currency} ${amount < 0 ? '-' : ''}${whole}${fraction}`;
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
