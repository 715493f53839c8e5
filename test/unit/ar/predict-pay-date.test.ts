import { describe, expect, it } from 'vitest';
import { medianRoundedHalfUp, predictPayDate, roundHalfUp, toPaidStatus, type PayDayPattern } from '@shared/ar';
import { invoice, paidInvoice } from './factories';

const asOf = '2024-06-30'; // a Sunday
const open = { dueDate: '2024-07-10', disputed: false };
const around15th: PayDayPattern = { kind: 'day-of-month', day: 15, share: 0.8, text: 'usually pays around the 15th' };
const thursdays: PayDayPattern = { kind: 'weekday', weekday: 4, share: 0.8, text: 'pays on Thursdays' };

/**
 * Paid invoices with the given days late, paid on consecutive days from 1 March 2024, so the
 * last one is the most recent: with three, it weighs 10, the one before 9, the first 8 (27 in all).
 */
const history = (daysLate: number[], disputed = false) =>
  daysLate.map((late, i) => paidInvoice(`2024-03-${String(i + 1).padStart(2, '0')}`, late, { disputed }));

describe('medianRoundedHalfUp and roundHalfUp', () => {
  it('takes the middle value, or rounds the mean of the two middle values half up', () => {
    expect(medianRoundedHalfUp([30, 5, 12])).toBe(12);
    expect(medianRoundedHalfUp([2, 5, 8, 30])).toBe(7); // (5 + 8) ÷ 2 = 6.5 → 7
    expect(medianRoundedHalfUp([-4, -3])).toBe(-3); // −3.5 → −3 (half up, towards +∞)
  });

  it('rounds halves towards +∞', () => {
    expect([roundHalfUp(2.5), roundHalfUp(-2.5), roundHalfUp(1.49), roundHalfUp(-1.63)]).toEqual([3, -2, 1, -2]);
  });
});

describe('predictPayDate from the customer history', () => {
  it('adds the recency-weighted mean days late to the due date', () => {
    // 12 × 10 + 30 × 9 + 5 × 8 = 430; 430 ÷ 27 = 15.93 → 16 → 10 Jul + 16 = 26 Jul
    expect(predictPayDate(history([5, 30, 12]), open, asOf, null, 6)).toEqual({
      date: '2024-07-26',
      basis: 'Due date + 16 days: the recency-weighted average of their last 3 paid invoices.',
    });
  });

  it('describes early payers with a minus', () => {
    // (−1 × 10 − 2 × 9 − 2 × 8) ÷ 27 = −44 ÷ 27 = −1.63 → −2 → 8 Jul
    expect(predictPayDate(history([-2, -2, -1]), open, asOf, null, 6)).toEqual({
      date: '2024-07-08',
      basis: 'Due date − 2 days: the recency-weighted average of their last 3 paid invoices.',
    });
  });

  it('uses a single paid invoice as it is', () => {
    // 10 Jul + 40 = 19 Aug
    expect(predictPayDate(history([40]), open, asOf, null, 6)).toEqual({
      date: '2024-08-19',
      basis: 'Due date + 40 days: their last paid invoice.',
    });
  });

  it('uses the 10 most recently paid invoices, paid on or before asOf, recent ones weighing more', () => {
    // paid 10–14 May at 0 days late (weights 5, 4, 3, 2, 1) and 15–19 May at 20 (weights 10, 9, 8, 7, 6):
    // 20 × 40 ÷ 55 = 14.55 → 15 → 25 Jul. The one paid in January (100) is the 11th; the one paid on
    // 5 Jul (50) is unknown on asOf.
    const recent = [0, 0, 0, 0, 0, 20, 20, 20, 20, 20].map((late, i) => paidInvoice(`2024-05-${10 + i}`, late));
    const prediction = predictPayDate([paidInvoice('2024-07-05', 50), ...recent.reverse(), paidInvoice('2024-01-02', 100)], open, asOf, null, 6);
    expect(prediction).toEqual({ date: '2024-07-25', basis: 'Due date + 15 days: the recency-weighted average of their last 10 paid invoices.' });
  });

  it('counts disputed history net of the org dispute delay, and adds that delay to a disputed invoice', () => {
    // five undisputed at 2 days late, then two disputed at 16: net of 14 days all are 2
    const mixed = [...history([2, 2, 2, 2, 2]), paidInvoice('2024-03-06', 16, { disputed: true }), paidInvoice('2024-03-07', 16, { disputed: true })];
    // disputed: 2 + 14 = 16 → 26 Jul
    expect(predictPayDate(mixed, { ...open, disputed: true }, asOf, null, 6, { disputeDelayDays: 14 })).toEqual({
      date: '2024-07-26',
      basis: 'Due date + 16 days: the recency-weighted average of their last 7 paid invoices, plus 14 days for the dispute.',
    });
    // undisputed: 2 → 12 Jul
    expect(predictPayDate(mixed, open, asOf, null, 6, { disputeDelayDays: 14 }).date).toBe('2024-07-12');
    // without an org dispute delay the disputed ones count as they are, at half weight (5 and 4.5)
    // against 8 + 7 + 6 + 5 + 4 = 30: (16 × 9.5 + 2 × 30) ÷ 39.5 = 212 ÷ 39.5 = 5.37 → 5 → 15 Jul
    expect(predictPayDate(mixed, open, asOf, null, 6).date).toBe('2024-07-15');
  });

  it('counts from the issue date when days to pay were steadier than days late', () => {
    // always 40 days to pay, on 30-, 14- and 60-day terms (10, 26 and −20 days late)
    const steady = [
      toPaidStatus(invoice('A', '2024-03-01', '2024-03-31', 100_000), '2024-04-10'),
      toPaidStatus(invoice('B', '2024-04-01', '2024-04-15', 100_000), '2024-05-11'),
      toPaidStatus(invoice('C', '2024-05-01', '2024-06-30', 100_000), '2024-06-10'),
    ];
    // issued 20 Jun + 40 = 30 Jul
    expect(predictPayDate(steady, { issueDate: '2024-06-20', dueDate: '2024-07-20', disputed: false }, asOf, null, 6)).toEqual({
      date: '2024-07-30',
      basis: 'Issue date + 40 days: the recency-weighted average of their last 3 paid invoices (counted from issue dates, which was steadier).',
    });
  });

  it('moves the estimate along the org trend from when the history was issued', () => {
    // history([10, 10, 10]) was issued 23, 22 and 21 Jan (paid 3, 2, 1 Mar, 40 days after issue):
    // 139, 140 and 141 days before 10 Jun, weighted (1,390 + 1,260 + 1,128) ÷ 27 = 139.93 days;
    // at −0.05 days per day that is −7.00, so 10 − 7.00 = 3.00 → 3 → 13 Jul
    const prediction = predictPayDate(history([10, 10, 10]), { issueDate: '2024-06-10', dueDate: '2024-07-10', disputed: false }, asOf, null, 6, { trendPerDay: -0.05 });
    expect(prediction).toEqual({
      date: '2024-07-13',
      basis: "Due date + 3 days: the recency-weighted average of their last 3 paid invoices, 7 days earlier for the organisation's trend.",
    });
  });

  it('is pulled later by open invoices already later than the history, unless stuck past 90 days', () => {
    // open: due 1 May (60 days late on 30 Jun) pulls; due 25 Jun (5 days) and due 1 Mar (121, stuck) do not.
    // (10 × 27 + 60 × 10) ÷ 37 = 870 ÷ 37 = 23.51 → 24 → 10 Jul + 24 = 3 Aug
    const openInvoices = [
      { issueDate: '2024-04-01', dueDate: '2024-05-01', disputed: false },
      { issueDate: '2024-05-26', dueDate: '2024-06-25', disputed: false },
      { issueDate: '2024-01-31', dueDate: '2024-03-01', disputed: false },
    ];
    expect(predictPayDate(history([10, 10, 10]), open, asOf, null, 6, { openInvoices })).toEqual({
      date: '2024-08-03',
      basis: 'Due date + 24 days: the recency-weighted average of their last 3 paid invoices and an open invoice already later than that.',
    });
    // with no paid invoices, as late as the latest such open invoice: 10 Jul + 60 = 8 Sep
    expect(predictPayDate([], open, asOf, null, 6, { openInvoices })).toEqual({
      date: '2024-09-08',
      basis: 'Due date + 60 days: no paid invoices yet, but an open invoice is already that late.',
    });
  });
});

describe('predictPayDate with a pay-day pattern and the as-of date', () => {
  it('snaps to the usual day of the month within ±3 days', () => {
    // mean 3 → 13 Jul; the 15th is 2 days away → 15 Jul
    expect(predictPayDate(history([3, 3, 3]), open, asOf, around15th, 6)).toEqual({
      date: '2024-07-15',
      basis: 'Due date + 3 days: the recency-weighted average of their last 3 paid invoices, snapped to their usual pay day (around the 15th).',
    });
  });

  it('does not snap to a day of the month more than 3 days away', () => {
    // mean 12 → 22 Jul; nearest 15th is 7 days away
    expect(predictPayDate(history([12, 12, 12]), open, asOf, around15th, 6).date).toBe('2024-07-22');
  });

  it('snaps to the nearest usual weekday', () => {
    // mean 12 → Mon 22 Jul; Thursdays are 18 Jul (4 back) and 25 Jul (3 ahead) → 25 Jul
    expect(predictPayDate(history([12, 12, 12]), open, asOf, thursdays, 6)).toEqual({
      date: '2024-07-25',
      basis: 'Due date + 12 days: the recency-weighted average of their last 3 paid invoices, snapped to their usual pay day (Thursdays).',
    });
  });

  it('never snaps into the past', () => {
    // due 21 Jun + mean 10 → Mon 1 Jul; the 29th nearby is 29 Jun, before asOf → stays 1 Jul
    const around29th: PayDayPattern = { kind: 'day-of-month', day: 29, share: 0.7, text: 'usually pays around the 29th' };
    expect(predictPayDate(history([10, 10, 10]), { dueDate: '2024-06-21', disputed: false }, asOf, around29th, 6).date).toBe('2024-07-01');
  });

  it('predicts the as-of date when the estimate points to the past and there is no pattern', () => {
    // due 1 May + 12 = 13 May < 30 Jun → 30 Jun
    expect(predictPayDate(history([12, 12, 12]), { dueDate: '2024-05-01', disputed: false }, asOf, null, 6)).toEqual({
      date: '2024-06-30',
      basis: 'Due date + 12 days: the recency-weighted average of their last 3 paid invoices; that is past, so the as-of date is predicted.',
    });
  });

  it('predicts the next usual pay day when the estimate points to the past', () => {
    const overdue = { dueDate: '2024-05-01', disputed: false };
    // next 15th on or after 30 Jun is 15 Jul; next Thursday on or after Sun 30 Jun is 4 Jul
    expect(predictPayDate(history([12, 12, 12]), overdue, asOf, around15th, 6)).toEqual({
      date: '2024-07-15',
      basis: 'Due date + 12 days: the recency-weighted average of their last 3 paid invoices; that is past, so their next usual pay day (around the 15th) is predicted.',
    });
    expect(predictPayDate(history([12, 12, 12]), overdue, asOf, thursdays, 6).date).toBe('2024-07-04');
  });
});

describe('predictPayDate without paid history', () => {
  it('falls back to the org typical delay, plus the dispute delay for a disputed invoice', () => {
    // 10 Jul + 6 = 16 Jul; disputed: 10 Jul + 6 + 14 = 30 Jul
    expect(predictPayDate([], open, asOf, null, 6)).toEqual({
      date: '2024-07-16',
      basis: "Due date + 6 days: no paid invoices yet, so the organisation's typical delay.",
    });
    expect(predictPayDate([], { ...open, disputed: true }, asOf, null, 6, { disputeDelayDays: 14 })).toEqual({
      date: '2024-07-30',
      basis: "Due date + 20 days: no paid invoices yet, so the organisation's typical delay, plus 14 days for the dispute.",
    });
  });

  it('counts only invoices paid by asOf and clamps the fallback to asOf', () => {
    // the only paid invoice was paid after asOf → fallback; 1 Jun + 6 = 7 Jun < 30 Jun → 30 Jun
    expect(predictPayDate([paidInvoice('2024-07-02', 1)], { dueDate: '2024-06-01', disputed: false }, asOf, null, 6)).toEqual({
      date: '2024-06-30',
      basis: "Due date + 6 days: no paid invoices yet, so the organisation's typical delay; that is past, so the as-of date is predicted.",
    });
  });
});
