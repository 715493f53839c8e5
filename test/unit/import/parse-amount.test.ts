import { describe, expect, it } from 'vitest';
import { parseMinorUnits as toMinorUnits } from '@shared/money';

const ok = (minorUnits: number) => ({ ok: true, minorUnits });

describe('toMinorUnits', () => {
  it('converts decimals exactly with the currency exponent', () => {
    expect(toMinorUnits('1234.56', 'USD')).toEqual(ok(123_456));
    expect(toMinorUnits('0.1', 'USD')).toEqual(ok(10)); // 0.1 × 100 in floats is 10.000000000000002
    expect(toMinorUnits('1.15', 'EUR')).toEqual(ok(115)); // 1.15 × 100 = 114.99999999999999 in floats
    expect(toMinorUnits('97.6', 'USD')).toEqual(ok(9_760));
    expect(toMinorUnits('500', 'JPY')).toEqual(ok(500));
    expect(toMinorUnits('12.345', 'KWD')).toEqual(ok(12_345));
    expect(toMinorUnits('90071992547409.91', 'USD')).toEqual(ok(9_007_199_254_740_991)); // the largest safe integer
  });

  it('reads thousands separators and the decimal comma', () => {
    expect(toMinorUnits('1,234,567.89', 'USD')).toEqual(ok(123_456_789));
    expect(toMinorUnits('1.234,5', 'EUR', ',')).toEqual(ok(123_450));
    expect(toMinorUnits('1 234,50', 'EUR', ',')).toEqual(ok(123_450));
    expect(toMinorUnits('12,5', 'EUR', ',')).toEqual(ok(1_250));
    expect(toMinorUnits('-12.50', 'USD')).toEqual(ok(-1_250));
  });

  it('rejects more decimals than the currency has, unless they are zeros', () => {
    expect(toMinorUnits('1.005', 'USD')).toEqual({ ok: false, message: 'USD has 2 decimals; 1.005 has more' });
    expect(toMinorUnits('12.5', 'JPY')).toEqual({ ok: false, message: 'JPY has 0 decimals; 12.5 has more' });
    expect(toMinorUnits('12.3456', 'KWD').ok).toBe(false);
    expect(toMinorUnits('12.00', 'JPY')).toEqual(ok(12));
    expect(toMinorUnits('1.2300', 'USD')).toEqual(ok(123));
  });

  it('rejects what is not an amount', () => {
    for (const text of ['', 'abc', '1.2.3', '1,23.45', '12,50', '$12', '1e3', '90071992547409.92']) {
      expect(toMinorUnits(text, 'USD').ok, text).toBe(false);
    }
    expect(toMinorUnits('1.234.567', 'EUR', ',')).toEqual(ok(123_456_700));
    expect(toMinorUnits('12.50', 'EUR', ',').ok).toBe(false); // "12.50" is not 12,50 with a decimal comma
  });
});
