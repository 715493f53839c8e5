/** shared/src/money: ISO exponents, exact parsing and display that no locale data can change. */
import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalSeparatorOf, formatMoney, isIsoCurrency, ISO_CURRENCY_CODES, minorUnitsToDecimal, parseMinorUnits } from '@shared/money';

const ok = (minorUnits: number) => ({ ok: true, minorUnits });
const LOCALES = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'hu-HU', 'es-CO', 'id-ID'];

/** What a person would type for `minor` in a currency of exponent e: "1234567.89" style. */
const typed = (whole: string, e: number) => (e === 0 ? whole : `${whole}.${'987654321'.slice(0, e)}`);

/** The number in a displayed amount, read back: digits and the locale's separators only. */
function readBack(display: string, currency: string, locale: string) {
  const number = display.replace(/[^\d.,\u00a0\u202f -]/g, '').trim().replace(/^-\s*/, '-');
  return parseMinorUnits(number.replace(/\s+$/, ''), currency, decimalSeparatorOf(locale));
}

describe('the ISO 4217 table', () => {
  it('has the exponents ISO gives, not the ones CLDR displays', () => {
    for (const code of ['HUF', 'COP', 'IDR', 'PKR', 'GBP', 'USD', 'EUR']) expect(currencyExponent(code), code).toBe(2);
    for (const code of ['JPY', 'KRW', 'CLP', 'VND', 'ISK']) expect(currencyExponent(code), code).toBe(0);
    for (const code of ['KWD', 'BHD', 'OMR', 'JOD', 'TND']) expect(currencyExponent(code), code).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
  });

  it('knows only ISO codes, upper case', () => {
    for (const code of ['XYZ', 'ZZZ', 'QQQ', 'XXX', 'XAU', 'XTS', 'huf', 'GB', '', 'constructor', '__proto__']) {
      expect(isIsoCurrency(code), code).toBe(false);
    }
    expect(() => currencyExponent('XYZ')).toThrow(RangeError);
    expect(ISO_CURRENCY_CODES).toContain('HUF');
  });
});

describe('parseMinorUnits', () => {
  it('reads a typed HUF amount with two decimals: 1234 → 123400', () => {
    expect(parseMinorUnits('1234', 'HUF')).toEqual(ok(123_400));
    expect(parseMinorUnits('1234', 'JPY')).toEqual(ok(1_234));
    expect(parseMinorUnits('1.234', 'KWD')).toEqual(ok(1_234));
    expect(parseMinorUnits('1.2345', 'CLF')).toEqual(ok(12_345));
  });

  it('groups thousands with the mark the other separator leaves free', () => {
    expect(parseMinorUnits('1.234,5', 'EUR', ',')).toEqual(ok(123_450));
    expect(parseMinorUnits('1\u202f234,5', 'EUR', ',')).toEqual(ok(123_450)); // fr-FR
    expect(parseMinorUnits('1\u00a0234,5', 'HUF', ',')).toEqual(ok(123_450)); // hu-HU
    expect(parseMinorUnits('+12', 'USD')).toEqual(ok(1_200));
  });

  it('refuses unknown currencies and digits the currency does not have', () => {
    expect(parseMinorUnits('12', 'XYZ')).toEqual({ ok: false, message: 'XYZ is not an ISO 4217 currency code' });
    expect(parseMinorUnits('12.5', 'KRW')).toEqual({ ok: false, message: 'KRW has 0 decimals; 12.5 has more' });
    expect(parseMinorUnits('1.0001', 'BHD').ok).toBe(false);
  });
});

describe('minorUnitsToDecimal', () => {
  it('writes the exact decimal, whatever the size', () => {
    expect(minorUnitsToDecimal(123_400, 'HUF')).toBe('1234.00');
    expect(minorUnitsToDecimal(-5, 'KWD')).toBe('-0.005');
    expect(minorUnitsToDecimal(0, 'JPY')).toBe('0');
    expect(minorUnitsToDecimal(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
    expect(minorUnitsToDecimal(12_345_678_901_234_567_891n, 'USD')).toBe('123456789012345678.91');
    expect(() => minorUnitsToDecimal(1.5, 'USD')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('writes the amount in the locale with its symbol and the ISO number of decimals', () => {
    expect(formatMoney(1_919_257, 'GBP')).toBe('£19,192.57'); // en-GB by default
    expect(formatMoney(1_919_257, 'GBP', 'de-DE')).toBe('19.192,57\u00a0£');
    expect(formatMoney(123_400, 'HUF', 'hu-HU')).toBe('1234,00\u00a0Ft'); // CLDR alone would print "1234 Ft"
    expect(formatMoney(123_456, 'HUF', 'en-GB')).toBe('HUF\u00a01,234.56'); // and round 1,234.56 to "1,235"
    expect(formatMoney(1_234, 'JPY', 'ja-JP')).toBe('￥1,234');
    expect(formatMoney(1_234_567, 'KWD', 'en-US')).toBe('KWD\u00a01,234.567');
    expect(formatMoney(-150, 'USD', 'en-US')).toBe('-$1.50');
  });

  it('keeps amounts past 2^53 exact', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(12_345_678_901_234_567_891n, 'GBP')).toBe('£123,456,789,012,345,678.91');
  });

  it('round-trips every ISO currency in several locales: typed → minor units → display → the same minor units', () => {
    for (const currency of ISO_CURRENCY_CODES) {
      const e = currencyExponent(currency);
      for (const whole of ['0', '7', '1234567']) {
        const stored = parseMinorUnits(typed(whole, e), currency);
        expect(stored.ok, `${currency} ${whole}`).toBe(true);
        if (!stored.ok) continue;
        expect(minorUnitsToDecimal(stored.minorUnits, currency)).toBe(typed(whole, e));
        for (const locale of LOCALES) {
          const display = formatMoney(stored.minorUnits, currency, locale);
          const decimals = display.split(decimalSeparatorOf(locale))[1]?.replace(/\D/g, '') ?? '';
          expect(decimals.length, `${display} (${currency}, ${locale})`).toBe(e);
          expect(readBack(display, currency, locale), `${display} (${currency}, ${locale})`).toEqual(ok(stored.minorUnits));
        }
      }
    }
  });
});

describe('decimalSeparatorOf', () => {
  it('is the mark the locale writes decimals with', () => {
    expect(['en-GB', 'en-US', 'ja-JP', 'de-DE', 'fr-FR', 'hu-HU'].map(decimalSeparatorOf)).toEqual(['.', '.', '.', ',', ',', ',']);
  });
});
