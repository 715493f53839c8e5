import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestInvoice } from '@shared/ar';

const invoice = (id: string, customerId: string, issueDate: string, dueDate: string, paidDate: string | null, disputed = false): BacktestInvoice => ({
  id, customerId, issueDate, dueDate, paidDate, disputed,
});

describe('runBacktest', () => {
  it('predicts each paid invoice only from what was paid before its issue date', () => {
    // Fewer than 20 invoices, no disputes to compare, nobody with 4 paid: the configured delay (0), no dispute delay, no trend.
    // A1 (1 Jan): nothing known → due 31 Jan; paid 10 Feb → 10 days off; due date 10 days off.
    // A2 (1 Mar): A1 was 10 days late → 31 Mar + 10 = 10 Apr, paid then → 0; due date 10.
    // A3 (1 May): A2 10 (weight 10), A1 10 (weight 9) → 31 May + 10 = 10 Jun; paid 20 Jun → 10; due date 20.
    // B1 (1 Feb, disputed): nothing known → due 2 Mar; paid 12 Mar → 10; due date 10.
    // A4 is still open: context only, never scored.
    const result = runBacktest({
      orgTypicalDelayDays: 0,
      invoices: [
        invoice('A1', 'A', '2024-01-01', '2024-01-31', '2024-02-10'),
        invoice('B1', 'B', '2024-02-01', '2024-03-02', '2024-03-12', true),
        invoice('A2', 'A', '2024-03-01', '2024-03-31', '2024-04-10'),
        invoice('A3', 'A', '2024-05-01', '2024-05-31', '2024-06-20'),
        invoice('A4', 'A', '2024-06-01', '2024-07-01', null),
      ],
    });
    expect(result.overall).toEqual({ count: 4, predictionMae: 30 / 4, dueDateMae: 50 / 4 });
    expect(result.disputed).toEqual({ count: 1, predictionMae: 10, dueDateMae: 10 });
    expect(result.undisputed).toEqual({ count: 3, predictionMae: 20 / 3, dueDateMae: 40 / 3 });
  });

  it('treats an invoice paid on the day another is issued as still open then', () => {
    // X1 (1 Jan, due 26 Feb): nothing known → due; paid 1 Mar (2024 is a leap year) → 4 off.
    // X2 (1 Mar): X1 is not paid yet that day but already 4 days late → 31 Mar + 4 = 4 Apr; paid 5 Apr → 1 off;
    // the due dates are 4 and 5 days off.
    const result = runBacktest({
      orgTypicalDelayDays: 0,
      invoices: [invoice('X1', 'X', '2024-01-01', '2024-02-26', '2024-03-01'), invoice('X2', 'X', '2024-03-01', '2024-03-31', '2024-04-05')],
    });
    expect(result.overall).toEqual({ count: 2, predictionMae: 2.5, dueDateMae: 4.5 });
  });

  it('scores nothing without paid invoices', () => {
    expect(runBacktest({ orgTypicalDelayDays: 7, invoices: [invoice('O', 'O', '2024-01-01', '2024-01-31', null)] }).overall).toEqual({ count: 0, predictionMae: null, dueDateMae: null });
  });
});
