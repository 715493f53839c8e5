import { describe, expect, it } from 'vitest';
import { formatDate, formatDaysLate, formatMoney, formatWhen, parseDecimalInput, toDecimalInput } from '../../../addin-outlook/src/ui/format';

describe('pane formatting', () => {
  it('formats minor units in the currency and the user locale', () => {
    expect(formatMoney(1_234_567, 'GBP', 'en-GB')).toBe('£12,345.67');
    expect(formatMoney(1_234_567, 'EUR', 'de-DE')).toBe('12.345,67\u00a0€');
    expect(formatMoney(1_234_567, 'JPY', 'en-US')).toBe('¥1,234,567');
    expect(formatMoney(1_234_567, 'KWD', 'en-US')).toBe('KWD\u00a01,234.567');
  });

  it('parses typed amounts exactly, refusing more decimals than the currency has', () => {
    expect(parseDecimalInput('1000.50', 'GBP')).toBe(100_050);
    expect(parseDecimalInput('1,000.5', 'GBP')).toBe(100_050);
    expect(parseDecimalInput('0.1', 'USD')).toBe(10);
    expect(parseDecimalInput('19.99', 'USD')).toBe(1_999);
    expect(parseDecimalInput('1000', 'JPY')).toBe(1_000);
    expect(parseDecimalInput('10.5', 'JPY')).toBeNull();
    expect(parseDecimalInput('1.001', 'USD')).toBeNull();
    expect(parseDecimalInput('1.001', 'KWD')).toBe(1_001);
    expect(parseDecimalInput('-5', 'USD')).toBeNull();
    expect(parseDecimalInput('0', 'USD')).toBeNull();
    expect(parseDecimalInput('abc', 'USD')).toBeNull();
    expect(toDecimalInput(100_050, 'GBP')).toBe('1000.50');
  });

  it('formats dates and relative times', () => {
    expect(formatDate('2026-12-09', 'en-GB')).toBe('9 Dec 2026');
    const now = new Date('2026-11-23T12:00:00Z');
    expect(formatWhen('2026-11-23T11:59:50Z', 'en-GB', now)).toBe('just now');
    expect(formatWhen('2026-11-23T11:55:00Z', 'en-GB', now)).toBe('5 minutes ago');
    expect(formatWhen('2026-11-22T12:00:00Z', 'en-GB', now)).toBe('yesterday');
    expect(formatWhen('2026-10-01T12:00:00Z', 'en-GB', now)).toBe('1 Oct 2026');
  });

  it('says how late on average in words', () => {
    expect(formatDaysLate(0.4)).toBe('on time');
    expect(formatDaysLate(1)).toBe('1 day late');
    expect(formatDaysLate(-1.6)).toBe('2 days early');
    expect(formatDaysLate(18.2)).toBe('18 days late');
  });
});
