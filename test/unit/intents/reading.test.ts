import { describe, expect, it } from 'vitest';
import { findAmounts, findDates, splitNewText } from '../../../shared/src/intents';
import { WRITTEN_CURRENCY_CODES } from '../../../shared/src/intents/amounts';
import { isIsoCurrency } from '../../../shared/src/money';

describe('amounts', () => {
  it.each([
    ['£12,400.50', '12400.50', 'GBP'],
    ['12.400,50 €', '12400.50', 'EUR'],
    ['EUR 12 400,50', '12400.50', 'EUR'],
    ['¥1,250,000', '1250000', 'JPY'],
    ["CHF 1'250.00", '1250.00', 'CHF'],
    ['KWD 1,250.000', '1250.000', 'KWD'],
    ['CLP 2.450.000', '2450000', 'CLP'],
    ['$48,500.00 MXN', '48500.00', 'MXN'],
  ])('%s', (text, value, currency) => {
    expect(findAmounts(text).map((a) => a.amount)).toEqual([{ value, currency }]);
  });

  it('reads only ISO 4217 codes, with their ISO digits (HUF has 2, though CLDR shows none)', () => {
    expect([...WRITTEN_CURRENCY_CODES].filter((code) => !isIsoCurrency(code))).toEqual([]);
    expect(findAmounts('HUF 1 234 567,89').map((a) => a.amount)).toEqual([{ value: '1234567.89', currency: 'HUF' }]);
    expect(findAmounts('PAY ALL 500 NOW')).toEqual([]);
  });

  it('reads a bare $ as the customer’s dollar currency', () => {
    expect(findAmounts('$3,200', 'AUD')[0]!.amount).toEqual({ value: '3200.00', currency: 'AUD' });
  });
});

describe('dates (received Thursday 2026-12-03)', () => {
  const at = (text: string, direction: 'future' | 'past' = 'future', lang: 'en' | 'de' | 'fr' | 'es' | 'nl' = 'en') => findDates(text, { today: '2026-12-03', direction, lang })[0]?.date ?? null;
  it('resolves weekdays strictly after (future) or before (past) the received day', () => {
    expect(at('on Thursday')).toBe('2026-12-10');
    expect(at('on Monday', 'past')).toBe('2026-11-30');
    expect(at('am Freitag', 'future', 'de')).toBe('2026-12-04');
  });
  it('places a date without a year by direction', () => {
    expect(at('on 2 January')).toBe('2027-01-02');
    expect(at('le 28 novembre', 'past', 'fr')).toBe('2026-11-28');
    expect(at('bis 18.12.', 'future', 'de')).toBe('2026-12-18');
  });
  it('reads month ends, day-only, offsets and calendar weeks', () => {
    expect(at('a final de mes', 'future', 'es')).toBe('2026-12-31');
    expect(at('on the 2nd')).toBe('2027-01-02');
    expect(at('binnen 14 dagen', 'future', 'nl')).toBe('2026-12-17');
    expect(at('in KW 51', 'future', 'de')).toBe('2026-12-18');
  });
});

describe('new text', () => {
  it('stops at quote headers of the common clients and at the sign-off', () => {
    const body = 'Fine, Friday it is.\n\nBest regards\nKim\n\nFrom: AR <ar@seller.example>\nSent: Monday\nSubject: x\n\nold text';
    const { end, signatureStart } = splitNewText(body);
    expect(body.slice(0, end)).toBe('Fine, Friday it is.\n\nBest regards\nKim\n\n');
    expect(body.slice(0, signatureStart).trim()).toBe('Fine, Friday it is.');
  });
  it('bounds the work on huge bodies', () => {
    expect(splitNewText('a'.repeat(300_000)).end).toBe(20_000);
  });
});
