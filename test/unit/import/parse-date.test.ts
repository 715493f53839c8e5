import { describe, expect, it } from 'vitest';
import { parseLedgerDate } from '../../../api/src/import/parse-date';

describe('parseLedgerDate', () => {
  it('reads ISO, DD/MM/YYYY and MM/DD/YYYY', () => {
    expect(parseLedgerDate('2024-03-31', 'iso')).toEqual({ ok: true, date: '2024-03-31' });
    expect(parseLedgerDate('31/03/2024', 'dmy')).toEqual({ ok: true, date: '2024-03-31' });
    expect(parseLedgerDate('03/31/2024', 'mdy')).toEqual({ ok: true, date: '2024-03-31' });
    expect(parseLedgerDate('3.4.2024', 'dmy')).toEqual({ ok: true, date: '2024-04-03' });
    expect(parseLedgerDate(' 02-01-2012 ', 'mdy')).toEqual({ ok: true, date: '2012-02-01' });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseLedgerDate('29/02/2024', 'dmy').ok).toBe(true);
    expect(parseLedgerDate('29/02/2023', 'dmy')).toEqual({ ok: false, message: '29/02/2023 is not a calendar date (DD/MM/YYYY)' });
    expect(parseLedgerDate('2100-02-29', 'iso').ok).toBe(false);
    expect(parseLedgerDate('2000-02-29', 'iso').ok).toBe(true);
  });

  it('rejects impossible dates and other formats instead of rolling them over', () => {
    expect(parseLedgerDate('31/04/2024', 'dmy').ok).toBe(false);
    expect(parseLedgerDate('13/31/2024', 'dmy').ok).toBe(false);
    expect(parseLedgerDate('31/03/2024', 'mdy')).toEqual({ ok: false, message: '31/03/2024 is not a calendar date (MM/DD/YYYY)' });
    expect(parseLedgerDate('2024-03-31', 'dmy')).toEqual({ ok: false, message: 'not a date as DD/MM/YYYY' });
    expect(parseLedgerDate('31/03/24', 'dmy').ok).toBe(false);
    expect(parseLedgerDate('2024-03-31T00:00:00Z', 'iso')).toEqual({ ok: false, message: 'not a date as YYYY-MM-DD' });
    expect(parseLedgerDate('', 'iso').ok).toBe(false);
  });
});
