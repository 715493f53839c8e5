import { describe, expect, it } from 'vitest';
import { computeArStatus } from '@shared/ar';
import { arInput, creditOn, invoice, paidOn, payment, promise } from './factories';

/**
 * A USD customer on 30 June 2024 (USD 5,000.00 credit limit, org typical delay 6 days):
 *   H1 1,000.00 due 31 Jan, paid 15 Feb                         → 15 days late
 *   H2 2,000.00 due  2 Mar, paid 15 Mar                         → 13 days late
 *   H3 1,000.00 due 31 Mar, paid 400.00 on 5 Apr + 600.00 on 15 Apr → paid 15 Apr, 15 days late
 *   H4 1,000.00 issued 1 Apr, due 1 May, credit 100.00 on 20 Apr + 900.00 on 15 May → 14 days late
 *   O1 1,500.00 issued 1 May, due 31 May, 500.00 paid 14 Jun  → 1,000.00 open, 30 days past due
 *   O2 2,500.00 issued 1 Jun, due 1 Jul (its 1,000.00 payment on 2 Jul is after asOf) → current
 *   O3 EUR 800.00 issued 10 Feb, due 11 Mar                   → 20 + 30 + 31 + 30 = 111 days past due
 *   V  void; F issued after asOf: both ignored.
 *   A promise of USD 1,000.00 made 1 Jun for 20 Jun: only the 500.00 of 14 Jun → broken.
 */
function scenario() {
  return arInput('2024-06-30', {
    creditLimit: { amount: 500_000, currency: 'USD' },
    orgTypicalDelayDays: 6,
    invoices: [
      invoice('H1', '2024-01-01', '2024-01-31', 100_000),
      invoice('H2', '2024-02-01', '2024-03-02', 200_000),
      invoice('H3', '2024-03-01', '2024-03-31', 100_000),
      invoice('H4', '2024-04-01', '2024-05-01', 100_000),
      invoice('O1', '2024-05-01', '2024-05-31', 150_000),
      invoice('O2', '2024-06-01', '2024-07-01', 250_000),
      invoice('O3', '2024-02-10', '2024-03-11', 80_000, { currency: 'EUR' }),
      invoice('V', '2024-06-10', '2024-07-10', 999_999, { void: true }),
      invoice('F', '2024-07-05', '2024-08-04', 10_000),
    ],
    settlements: [
      paidOn('H1', '2024-02-15', 100_000),
      paidOn('H2', '2024-03-15', 200_000),
      paidOn('H3', '2024-04-05', 40_000),
      paidOn('H3', '2024-04-15', 60_000),
      creditOn('H4', '2024-04-20', 10_000),
      paidOn('H4', '2024-05-15', 90_000),
      paidOn('O1', '2024-06-14', 50_000),
      paidOn('O2', '2024-07-02', 100_000),
    ],
    payments: [
      payment('p1', '2024-02-15', 100_000),
      payment('p2', '2024-03-15', 200_000),
      payment('p3', '2024-04-05', 40_000),
      payment('p4', '2024-04-15', 60_000),
      payment('p5', '2024-05-15', 90_000),
      payment('p6', '2024-06-14', 50_000),
      payment('p7', '2024-07-02', 100_000),
    ],
    promises: [promise('PR', '2024-06-01', '2024-06-20', 100_000)],
  });
}

describe('computeArStatus', () => {
  it('totals each currency separately', () => {
    // USD outstanding 100,000 + 250,000 = 350,000; overdue 100,000 (O1)
    // invoiced 2 Apr … 30 Jun: O1 150,000 + O2 250,000 = 400,000 (H4 on 1 Apr is 90 days ago; V is void)
    // DSO = 350,000 ÷ 400,000 × 90 = 78.75; credit used = 350,000 ÷ 500,000 = 0.7
    expect(computeArStatus(scenario()).totals).toEqual([
      {
        currency: 'USD',
        outstanding: 350_000,
        overdue: 100_000,
        aging: { current: 250_000, d1_30: 100_000, d31_60: 0, d61_90: 0, d91_plus: 0 },
        unallocatedCash: 0,
        dso90: 78.75,
        creditUsed: 0.7,
      },
      {
        currency: 'EUR',
        outstanding: 80_000,
        overdue: 80_000,
        aging: { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d91_plus: 80_000 },
        unallocatedCash: 0,
        dso90: null,
        creditUsed: null,
      },
    ]);
  });

  it('reports behaviour metrics, pay-day pattern and last payment as of the date', () => {
    const status = computeArStatus(scenario());
    // average = (100,000 × 15 + 200,000 × 13 + 100,000 × 15 + 100,000 × 14) ÷ 500,000 = 7,000,000 ÷ 500,000 = 14
    expect(status.averageDaysLate).toBe(14);
    expect(status.onTimeRate).toBe(0);
    expect(status.paidInLast365).toBe(4);
    // payments on 15, 15, 5, 15, 15, 14 (2 Jul is after asOf) → 5 of 6 around the 15th
    expect(status.payDayPattern).toEqual({ kind: 'day-of-month', day: 15, share: 5 / 6, text: 'usually pays around the 15th' });
    expect(status.lastPayment).toEqual({ date: '2024-06-14', amounts: [{ amount: 50_000, currency: 'USD' }] });
  });

  it('predicts each open invoice from the paid history and the pattern', () => {
    // paid, latest first: H4 14 days late (weight 10), H3 15 (9), H2 13 (8), H1 15 (7):
    // (140 + 135 + 104 + 105) ÷ 34 = 484 ÷ 34 = 14.24 (always 30-day terms, so days to pay are no steadier)
    // O3: 11 Mar + 18 = 29 Mar, past → next 15th = 15 Jul (pulled by O1, 30 days late: (484 + 300) ÷ 44 = 17.82 → 18)
    // O1: 31 May + 14 = 14 Jun, past → next 15th = 15 Jul (O3 is stuck 111 days past due, so it pulls nothing)
    // O2:  1 Jul + 18 = 19 Jul (pulled by O1 like O3); the nearest 15th is 4 days away → 19 Jul
    const open = computeArStatus(scenario()).openInvoices;
    expect(open.map((o) => [o.invoiceId, o.balance, o.daysPastDue, o.bucket, o.predictedPayDate])).toEqual([
      ['O3', 80_000, 111, 'd91_plus', '2024-07-15'],
      ['O1', 100_000, 30, 'd1_30', '2024-07-15'],
      ['O2', 250_000, 0, 'current', '2024-07-19'],
    ]);
    expect(open[2]?.predictionBasis).toBe(
      'Due date + 18 days: the recency-weighted average of their last 4 paid invoices and an open invoice already later than that.',
    );
    expect(open[1]?.predictionBasis).toBe(
      'Due date + 14 days: the recency-weighted average of their last 4 paid invoices; that is past, so their next usual pay day (around the 15th) is predicted.',
    );
  });

  it('evaluates promises and labels the customer at risk with both reasons', () => {
    const status = computeArStatus(scenario());
    expect(status.promises).toEqual([{ id: 'PR', status: 'broken', coveredAmount: 50_000 }]);
    expect(status.behaviour).toEqual({
      label: 'at-risk',
      reason: '€800.00 is more than 90 days overdue; a promise to pay US$1,000.00 by 20 Jun 2024 was broken',
    });
  });

  it('changes with the as-of date: on 10 March only H1 is paid and nothing is overdue 91+', () => {
    const status = computeArStatus({ ...scenario(), asOf: '2024-03-10' });
    // open: H2 (due 2 Mar, 8 days past due), O3 (due 11 Mar) and H3 (issued 1 Mar, due 31 Mar);
    // H1 is paid; H4, O1, O2, F are not issued yet
    expect(status.openInvoices.map((o) => [o.invoiceId, o.daysPastDue])).toEqual([
      ['H2', 8],
      ['O3', 0],
      ['H3', 0],
    ]);
    expect(status.lastPayment).toEqual({ date: '2024-02-15', amounts: [{ amount: 100_000, currency: 'USD' }] });
    expect(status.behaviour).toEqual({ label: 'new', reason: 'Only 1 paid invoice so far' });
    // 1 paid invoice, H1 15 days late: H2 due 2 Mar + 15 = 17 Mar (no other open invoice is late yet)
    expect(status.openInvoices[0]?.predictedPayDate).toBe('2024-03-17');
  });
});
