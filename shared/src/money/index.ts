/** ISO 4217 minor units, parsing and formatting: the only code that knows how many decimals a currency has. */
export { currencyExponent, isIsoCurrency, ISO_CURRENCY_CODES } from './currency';
export { DEFAULT_LOCALE, formatMoney, minorUnitsToDecimal } from './format-money';
export { decimalSeparatorOf, parseMinorUnits, type TAmountParse, type TDecimalSeparator } from './parse-amount';
export { ISO_4217_PUBLISHED } from './iso-4217';
