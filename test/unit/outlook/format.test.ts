import { describe, expect, it } from 'vitest';
import { formatDate, formatDaysLate, formatMoney, formatWhen, parseDecimalInput, toDecimalInput } from '../../../addin-outlook/src/ui/format';

describe('pane formatting', () => {
  it('formats minor units in the currency and the user locale', () => {
    expect(formatMoney(1_234_567, 'GBP', 'en-GB')).toBe('£12,345.67');
    expect(formatMoney(1_234_567, 'EUR', 'de-DE')).toBe('12.345,67\u00a0€');
    expect(formatMoney(1_234_567, 'JPY', 'en-US')).toBe('¥1,234,567');
    expect(formatMoney(1_234_567, 'KWD', 'en-US')).toBe('KWD\u00a01,234.567');
  });

  it('shows HUF, COP, IDR and PKR with the two ISO decimals, never CLDR\'s none', () => {
    expect(formatMoney(123_456, 'HUF', 'en-GB')).toBe('HUF\u00a01,234.56'); // was "HUF 123,456": 100× too large
    expect(formatMoney(123_400, 'HUF', 'hu-HU')).toBe('1234,00\u00a0Ft');
    expect(formatMoney(123_456, 'COP', 'es-CO')).toBe('$\u00a01.234,56');
    expect(formatMoney(123_456, 'IDR', 'id-ID')).toBe('Rp\u00a01.234,56');
    expect(formatMoney(123_456, 'PKR', 'en-GB')).toBe('PKR\u00a01,234.56');
  });

  it('reads a typed amount in the user\'s locale and writes it back the same way', () => {
    expect(parseDecimalInput('1234', 'HUF', 'hu-HU')).toBe(123_400); // was 1234: stored as 12.34
    expect(parseDecimalInput('1234', 'HUF', 'en-GB')).toBe(123_400);
    expect(parseDecimalInput('1.234,5', 'EUR', 'de-DE')).toBe(123_450);
    expect(parseDecimalInput('1234,50', 'EUR', 'en-GB')).toBeNull(); // was 123450 (the comma dropped): never guess
    expect(parseDecimalInput('1234.50', 'EUR', 'de-DE')).toBeNull();
    expect(parseDecimalInput('1 234,5', 'EUR', 'fr-FR')).toBe(123_450);
    expect(parseDecimalInput('12', 'XYZ', 'en-GB')).toBeNull();
    expect(toDecimalInput(123_450, 'EUR', 'de-DE')).toBe('1234,50');
    expect(toDecimalInput(1_234, 'JPY', 'ja-JP')).toBe('1234');
    expect(toDecimalInput(1_234, 'KWD', 'en-GB')).toBe('1.234');
  });

  it('parses typed amounts exactly, refusing more decimals than the currency has', () => {
    expect(parseDecimalInput('1000.50', 'GBP', 'en-GB')).toBe(100_050);
    expect(parseDecimalInput('1,000.5', 'GBP', 'en-GB')).toBe(100_050);
    expect(parseDecimalInput('0.1', 'USD', 'en-GB')).toBe(10);
    expect(parseDecimalInput('19.99', 'USD', 'en-GB')).toBe(1_999);
    expect(parseDecimalInput('1000', 'JPY', 'en-GB')).toBe(1_000);
    expect(parseDecimalInput('10.5', 'JPY', 'en-GB')).toBeNull();
    expect(parseDecimalInput('1.001', 'USD', 'en-GB')).toBeNull();
    expect(parseDecimalInput('1.001', 'KWD', 'en-GB')).toBe(1_001);
    expect(parseDecimalInput('-5', 'USD', 'en-GB')).toBeNull();
    expect(parseDecimalInput('0', 'USD', 'en-GB')).toBeNull();
    expect(parseDecimalInput('abc', 'USD', 'en-GB')).toBeNull();
    expect(toDecimalInput(100_050, 'GBP', 'en-GB')).toBe('1000.50');
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
