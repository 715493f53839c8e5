import { describe, expect, it } from 'vitest';
import { formatDate, ordinal } from '@shared/ar';
import { formatMoney } from '@shared/money';

describe('formatMoney', () => {
  it('writes minor units with the currency exponent and thousands separators, en-GB with the symbol', () => {
    expect(formatMoney(1_240_000, 'USD')).toBe('US$12,400.00');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(1_240_000, 'JPY')).toBe('JP¥1,240,000'); // JPY has no minor unit
    expect(formatMoney(1_234_567, 'KWD')).toBe('KWD\u00a01,234.567'); // 3 decimals
    expect(formatMoney(-150, 'USD')).toBe('-US$1.50');
  });
});

describe('formatDate', () => {
  it('writes a business date as people read it, in en-GB unless told', () => {
    expect(formatDate('2026-12-14')).toBe('14 Dec 2026');
    expect(formatDate('2026-12-14T23:30:00.000Z')).toBe('14 Dec 2026');
    expect(formatDate('2026-12-14', 'en-US')).toBe('Dec 14, 2026');
    expect(formatDate('2026-12-14', 'de-DE')).toBe('14. Dez. 2026');
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
