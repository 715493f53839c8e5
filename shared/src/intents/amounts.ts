/** Amounts as written in e-mails in the five languages' formats: "£12,400.50", "12.400,50 €", "EUR 12 400,50", "CHF 1'250.00", "¥1,250,000". */
import { currencyExponent } from '../money';
import type { TSuggestedAmount } from '../schemas/intents';

/**
 * The codes read as currencies when written beside a number. Not every ISO 4217 code: ALL, TOP,
 * CUP, MOP, BAM… are also words written in capitals ("PAY ALL 500"), so only codes invoices are
 * commonly written in count; each is an ISO code (amounts.test.ts checks it).
 */
export const WRITTEN_CURRENCY_CODES = new Set('EUR GBP USD CHF JPY AUD CAD NZD SEK NOK DKK PLN CZK HUF MXN COP CLP ARS BRL PEN KWD BHD OMR AED SAR QAR INR CNY HKD SGD ZAR TRY RON BGN ILS KRW'.split(' '));
const KNOWN = WRITTEN_CURRENCY_CODES;
/** The currency's ISO 4217 minor-unit digits (shared/src/money is the only table). */
export const minorDigits = (currency: string) => currencyExponent(currency);

const DOLLAR_CURRENCIES = new Set(['USD', 'AUD', 'CAD', 'NZD', 'MXN', 'SGD', 'HKD']);
const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', 'US$': 'USD', A$: 'AUD', AU$: 'AUD', C$: 'CAD', CA$: 'CAD', NZ$: 'NZD', 'R$': 'BRL', Fr: 'CHF', 'Fr.': 'CHF', SFr: 'CHF' };

// A number: groups of thousands separated by . , ' or spaces, or plain digits; then an optional decimal part.
const NUM = String.raw`\d{1,3}(?:(?:[.,'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?`;
const CODE = String.raw`[A-Z]{3}`;
const SYM = String.raw`US\$|AU?\$|CA?\$|NZ\$|R\$|\$|€|£|¥`;
const RE_AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?<pre>${SYM}|${CODE})\s?(?<n1>${NUM})(?:\s?(?<post1>${CODE})(?![\p{L}]))?|(?<n2>${NUM})\s?(?<post2>${SYM}|${CODE})(?![\p{L}]))`,
  'gu',
);

export interface FoundAmount {
  amount: TSuggestedAmount;
  index: number;
  length: number;
}

/** Normalises a written number to a decimal string with the currency's digits, or null. */
export function normaliseNumber(written: string, currency: string): string | null {
  const digits = minorDigits(currency);
  const s = written.replace(/[ \u00a0\u202f'’]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let frac = '';
  const sep = lastDot > lastComma ? '.' : lastComma >= 0 ? ',' : null;
  if (sep) {
    const at = s.lastIndexOf(sep);
    const after = s.slice(at + 1);
    const count = s.split(sep).length - 1;
    const bothUsed = lastDot >= 0 && lastComma >= 0;
    const isDecimal = bothUsed || (count === 1 && (after.length !== 3 || digits === 3));
    if (isDecimal) {
      intPart = s.slice(0, at);
      frac = after;
    }
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac) || frac.length > Math.max(digits, 2)) return null;
  if (digits === 0) return frac && /[1-9]/.test(frac) ? null : String(Number(intPart));
  return `${String(Number(intPart))}.${frac.padEnd(digits, '0').slice(0, digits)}`;
}

function currencyOf(marker: string, dollarCurrency: string): string | null {
  if (marker === '$') return dollarCurrency;
  if (SYMBOLS[marker]) return SYMBOLS[marker];
  return KNOWN.has(marker) ? marker : null;
}

/** Every amount with a currency marker in `text`. A bare `$` means `dollarCurrency`. */
export function findAmounts(text: string, dollarCurrency = 'USD'): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.slice(0, 20_000).matchAll(RE_AMOUNT)) {
    const g = m.groups ?? {};
    const marker = g.post1 ?? g.pre ?? g.post2 ?? '';
    const currency = currencyOf(marker, dollarCurrency) ?? (g.pre ? currencyOf(g.pre, dollarCurrency) : null);
    const number = g.n1 ?? g.n2;
    if (!currency || !number) continue;
    const value = normaliseNumber(number, currency);
    if (value !== null && Number(value) > 0) out.push({ amount: { value, currency }, index: m.index ?? 0, length: m[0].length });
  }
  return out;
}

/** The currency a bare `$` stands for: the customer's when it is a dollar or peso currency, else USD. */
export const dollarCurrencyFor = (customerCurrency?: string | null) => (customerCurrency && DOLLAR_CURRENCIES.has(customerCurrency) ? customerCurrency : 'USD');
