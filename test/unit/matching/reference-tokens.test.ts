import { describe, expect, it } from 'vitest';
import { compactReference, isPlausibleReference } from '@shared/matching';

describe('compactReference', () => {
  it.each([
    ['inv-2024/0012', 'INV20240012'],
    ['INV 10423', 'INV10423'],
    ['po#: ac_77.81', 'POAC7781'],
  ])('%j → %j', (input, expected) => {
    expect(compactReference(input)).toBe(expected);
  });
});

describe('isPlausibleReference', () => {
  it.each(['10423', 'INV-2024-0012', 'inv10423', 'SI-000123', 'AC-7781', '4500012345', 'AB/2024/17', '2024-0012'])(
    '%j may be a reference',
    (token) => {
      expect(isPlausibleReference(token)).toBe(true);
    },
  );

  it.each([
    ['too short', 'A12'],
    ['no digit', 'INVOICE'],
    ['year', '2024'],
    ['ISO date', '2024-06-30'],
    ['day-first date', '15/05/2024'],
    ['month and year', '06/2024'],
    ['named month', '15-Jan-2024'],
    ['named month and year', 'JAN-2024'],
    ['quarter', 'Q3-2024'],
    ['fiscal year', 'FY2025'],
    ['amount with grouping', '12,500.00'],
    ['European amount', '1.234,56'],
    ['decimal amount', '980.50'],
    ['currency amount', 'USD1234.56'],
    ['US phone', '555-123-4567'],
    ['UK phone', '0113-496-0001'],
    ['extension', 'x1234'],
    ['version', 'v1.2.3'],
    ['IBAN', 'GB29NWBK60161331926819'],
    ['too long', 'A1234567890123456789012345'],
  ])('rejects a %s (%j)', (_what, token) => {
    expect(isPlausibleReference(token)).toBe(false);
  });
});
