import { describe, expect, it } from 'vitest';
import { averageDaysLate, computeArStatus, headlineCurrency, onTimeRate, paidWithinLastDays } from '@shared/ar';
import { arInput, invoice, paidInvoice, paidOn } from './factories';

describe('averageDaysLate', () => {
  it('weights days late by invoice amount', () => {
    // (100,000 × 10 + 300,000 × 2) ÷ 400,000 = 1,600,000 ÷ 400,000 = 4  (the plain mean would be 6)
    const paid = [paidInvoice('2024-05-01', 10, { amount: 100_000 }), paidInvoice('2024-05-02', 2, { amount: 300_000 })];
    expect(averageDaysLate(paid, 'USD')).toBe(4);
  });

  it('averages in the customer currency only', () => {
    const paid = [
      paidInvoice('2024-05-01', 10, { amount: 100_000 }),
      paidInvoice('2024-05-02', 2, { amount: 300_000 }),
      paidInvoice('2024-05-03', 50, { amount: 100_000, currency: 'EUR' }), // left out
    ];
    expect(averageDaysLate(paid, 'USD')).toBe(4);
  });

  it('falls back to the currency with the most paid invoices when the customer currency has none', () => {
    const paid = [
      paidInvoice('2024-05-01', 5, { amount: 100, currency: 'EUR' }),
      paidInvoice('2024-05-02', 1, { amount: 300, currency: 'EUR' }),
      paidInvoice('2024-05-03', 40, { amount: 100, currency: 'GBP' }),
    ];
    expect(headlineCurrency(paid, 'CHF')).toBe('EUR');
    // EUR: (100 × 5 + 300 × 1) ÷ 400 = 800 ÷ 400 = 2
    expect(averageDaysLate(paid, 'CHF')).toBe(2);
  });

  it('breaks a tie between fallback currencies alphabetically', () => {
    const paid = [paidInvoice('2024-05-01', 9, { currency: 'GBP' }), paidInvoice('2024-05-02', 3, { currency: 'EUR' })];
    expect(headlineCurrency(paid, 'USD')).toBe('EUR');
    expect(averageDaysLate(paid, 'USD')).toBe(3);
  });

  it('is null without paid invoices', () => {
    expect(averageDaysLate([], 'USD')).toBeNull();
    expect(onTimeRate([])).toBeNull();
  });
});

describe('onTimeRate', () => {
  it('counts invoices with days late ≤ 0, across currencies', () => {
    // −3 and 0 are on time; 5 and 12 are late → 2 of 4 = 0.5
    const paid = [
      paidInvoice('2024-05-01', -3),
      paidInvoice('2024-05-02', 0, { currency: 'EUR' }),
      paidInvoice('2024-05-03', 5, { currency: 'EUR' }),
      paidInvoice('2024-05-04', 12, { amount: 9_999_999 }),
    ];
    expect(onTimeRate(paid)).toBe(0.5);
  });
});

describe('the 365-day window', () => {
  it('keeps invoices paid 364 days ago and drops those paid 365 days ago', () => {
    // 2023-07-01 → 2024-06-30 = 365 days (2024 has 29 February); 2023-07-02 → 364
    const paid = [paidInvoice('2023-07-01', 30), paidInvoice('2023-07-02', 20)];
    expect(paidWithinLastDays(paid, '2024-06-30').map((p) => p.paidDate)).toEqual(['2023-07-02']);
  });

  it('feeds averageDaysLate, onTimeRate and paidInLast365 of the status', () => {
    // A: 100,000 due 31 Jan, paid 15 Feb → 15 days late
    // B: 300,000 due 1 Mar, paid 26 Feb → 4 days early (−4)
    // C: paid more than a year ago → left out
    // average = (100,000 × 15 + 300,000 × −4) ÷ 400,000 = 300,000 ÷ 400,000 = 0.75; on time 1 of 2
    const status = computeArStatus(
      arInput('2024-06-30', {
        invoices: [
          invoice('A', '2024-01-01', '2024-01-31', 100_000),
          invoice('B', '2024-01-31', '2024-03-01', 300_000),
          invoice('C', '2023-01-01', '2023-01-31', 100_000),
        ],
        settlements: [paidOn('A', '2024-02-15', 100_000), paidOn('B', '2024-02-26', 300_000), paidOn('C', '2023-03-31', 100_000)],
      }),
    );
    expect(status).toMatchObject({ averageDaysLate: 0.75, onTimeRate: 0.5, paidInLast365: 2 });
  });
});
