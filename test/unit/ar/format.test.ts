import { describe, expect, it } from 'vitest';
import { formatMoney, ordinal } from '@shared/ar';

describe('formatMoney', () => {
  it('writes minor units with the currency exponent and thousands separators', () => {
    expect(formatMoney(1_240_000, 'USD')).toBe('USD 12,400.00');
    expect(formatMoney(5, 'EUR')).toBe('EUR 0.05');
    expect(formatMoney(1_240_000, 'JPY')).toBe('JPY 1,240,000'); // JPY has no minor unit
    expect(formatMoney(1_234_567, 'KWD')).toBe('KWD 1,234.567'); // 3 decimals
    expect(formatMoney(-150, 'USD')).toBe('USD -1.50');
  });
});

describe('ordinal', () => {
  it('uses st/nd/rd/th, with 11th–13th as exceptions', () => {
    const days = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 24, 30, 31];
    expect(days.map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '24th', '30th', '31st',
    ]);
  });
});
