import { describe, expect, it } from 'vitest';
import { medianRoundedHalfUp, predictPayDate, type PayDayPattern } from '@shared/ar';
import { paidInvoice } from './factories';

const asOf = '2024-06-30'; // a Sunday
const open = { dueDate: '2024-07-10', disputed: false };
const around15th: PayDayPattern = { kind: 'day-of-month', day: 15, share: 0.8, text: 'usually pays around the 15th' };
const thursdays: PayDayPattern = { kind: 'weekday', weekday: 4, share: 0.8, text: 'pays on Thursdays' };

/** Paid invoices with the given days late, paid on consecutive days from 1 March 2024. */
const history = (daysLate: number[], disputed = false) =>
  daysLate.map((late, i) => paidInvoice(`2024-03-${String(i + 1).padStart(2, '0')}`, late, { disputed }));

describe('medianRoundedHalfUp', () => {
  it('takes the middle value, or rounds the mean of the two middle values half up', () => {
    expect(medianRoundedHalfUp([30, 5, 12])).toBe(12);
    expect(medianRoundedHalfUp([2, 5, 8, 30])).toBe(7); // (5 + 8) ÷ 2 = 6.5 → 7
    expect(medianRoundedHalfUp([-4, -3])).toBe(-3); // −3.5 → −3 (half up, towards +∞)
  });
});

describe('predictPayDate', () => {
  it('adds the median days late to the due date', () => {
    // median of 5, 12, 30 = 12 → 10 Jul + 12 = 22 Jul
    expect(predictPayDate(history([5, 30, 12]), open, asOf, null, 6)).toEqual({
      date: '2024-07-22',
      basis: 'Median 12 days late over the last 3 paid invoices.',
    });
  });

  it('rounds an even-count median half up', () => {
    // median of 2, 5, 8, 30 = 6.5 → 7 → 17 Jul
    expect(predictPayDate(history([2, 5, 8, 30]), open, asOf, null, 6).date).toBe('2024-07-17');
  });

  it('describes early payers as early', () => {
    // median −2 → 8 Jul
    expect(predictPayDate(history([-2, -2, -1]), open, asOf, null, 6)).toEqual({
      date: '2024-07-08',
      basis: 'Median 2 days early over the last 3 paid invoices.',
    });
  });

  it('uses the 12 most recently paid invoices, paid on or before asOf', () => {
    // 12 recent: six at 0 and six at 20 → median 10 → 20 Jul. An older one at 100 would make it 20;
    // one paid after asOf (at 50) is unknown on asOf.
    const recent = [...Array(6).fill(0), ...Array(6).fill(20)].map((late: number, i) =>
      paidInvoice(`2024-05-${String(i + 10).padStart(2, '0')}`, late),
    );
    const older = paidInvoice('2024-01-02', 100);
    const later = paidInvoice('2024-07-05', 50);
    const prediction = predictPayDate([later, ...recent.reverse(), older], open, asOf, null, 6);
    expect(prediction).toEqual({ date: '2024-07-20', basis: 'Median 10 days late over the last 12 paid invoices.' });
  });

  it('predicts a disputed invoice from disputed history when there are at least 3', () => {
    // disputed history 40, 45, 50 → median 45 → 10 Jul + 45 = 24 Aug (21 days to 31 Jul, 24 more)
    const mixed = [...history([2, 2, 2, 2, 2]), ...history([40, 50, 45], true)];
    expect(predictPayDate(mixed, { ...open, disputed: true }, asOf, null, 6)).toEqual({
      date: '2024-08-24',
      basis: 'Median 45 days late over the last 3 paid disputed invoices.',
    });
    // …and an undisputed one from the undisputed history: median 2 → 12 Jul
    expect(predictPayDate(mixed, open, asOf, null, 6)).toEqual({
      date: '2024-07-12',
      basis: 'Median 2 days late over the last 5 paid undisputed invoices.',
    });
  });

  it('uses all history when fewer than 3 have the same disputed flag', () => {
    // all seven: 2, 2, 2, 2, 2, 40, 45 → median 2 → 12 Jul
    const mixed = [...history([2, 2, 2, 2, 2]), ...history([40, 45], true)];
    expect(predictPayDate(mixed, { ...open, disputed: true }, asOf, null, 6)).toEqual({
      date: '2024-07-12',
      basis: 'Median 2 days late over the last 7 paid invoices.',
    });
  });

  it('snaps to the usual day of the month within ±3 days', () => {
    // median 3 → 13 Jul; the 15th is 2 days away → 15 Jul
    expect(predictPayDate(history([3, 3, 3]), open, asOf, around15th, 6)).toEqual({
      date: '2024-07-15',
      basis: 'Median 3 days late over the last 3 paid invoices, snapped to their usual pay day (around the 15th).',
    });
  });

  it('does not snap to a day of the month more than 3 days away', () => {
    // median 12 → 22 Jul; nearest 15th is 7 days away
    expect(predictPayDate(history([12, 12, 12]), open, asOf, around15th, 6).date).toBe('2024-07-22');
  });

  it('snaps to the nearest usual weekday', () => {
    // median 12 → Mon 22 Jul; Thursdays are 18 Jul (4 back) and 25 Jul (3 ahead) → 25 Jul
    expect(predictPayDate(history([12, 12, 12]), open, asOf, thursdays, 6)).toEqual({
      date: '2024-07-25',
      basis: 'Median 12 days late over the last 3 paid invoices, snapped to their usual pay day (Thursdays).',
    });
  });

  it('never snaps into the past', () => {
    // due 21 Jun + median 10 → Mon 1 Jul; the 29th nearby is 29 Jun, before asOf → stays 1 Jul
    const around29th: PayDayPattern = { kind: 'day-of-month', day: 29, share: 0.7, text: 'usually pays around the 29th' };
    expect(predictPayDate(history([10, 10, 10]), { dueDate: '2024-06-21', disputed: false }, asOf, around29th, 6).date).toBe(
      '2024-07-01',
    );
  });

  it('predicts the as-of date when the median points to the past and there is no pattern', () => {
    // due 1 May + 12 = 13 May < 30 Jun → 30 Jun
    expect(predictPayDate(history([12, 12, 12]), { dueDate: '2024-05-01', disputed: false }, asOf, null, 6)).toEqual({
      date: '2024-06-30',
      basis: 'Median 12 days late over the last 3 paid invoices points to a past date, so the as-of date is predicted.',
    });
  });

  it('predicts the next usual pay day when the median points to the past', () => {
    const overdue = { dueDate: '2024-05-01', disputed: false };
    // next 15th on or after 30 Jun is 15 Jul; next Thursday on or after Sun 30 Jun is 4 Jul
    expect(predictPayDate(history([12, 12, 12]), overdue, asOf, around15th, 6)).toEqual({
      date: '2024-07-15',
      basis:
        'Median 12 days late over the last 3 paid invoices points to a past date, so their next usual pay day (around the 15th) is predicted.',
    });
    expect(predictPayDate(history([12, 12, 12]), overdue, asOf, thursdays, 6).date).toBe('2024-07-04');
  });

  it('falls back to the org typical delay with fewer than 3 paid invoices', () => {
    // 10 Jul + 6 = 16 Jul
    expect(predictPayDate(history([40, 40]), open, asOf, null, 6)).toEqual({
      date: '2024-07-16',
      basis: "Fewer than 3 paid invoices: due date plus the organisation's typical delay of 6 days.",
    });
  });

  it('counts only invoices paid by asOf towards the 3 and clamps the fallback to asOf', () => {
    // the third invoice was paid after asOf → fallback; 1 Jun + 6 = 7 Jun < 30 Jun → 30 Jun
    const thin = [...history([1, 1]), paidInvoice('2024-07-02', 1)];
    expect(predictPayDate(thin, { dueDate: '2024-06-01', disputed: false }, asOf, null, 6)).toEqual({
      date: '2024-06-30',
      basis: "Fewer than 3 paid invoices: due date plus the organisation's typical delay of 6 days is already past, so the as-of date is predicted.",
    });
  });
});
