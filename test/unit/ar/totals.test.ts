import { describe, expect, it } from 'vitest';
import { computeArStatus } from '@shared/ar';
import { arInput, creditOn, invoice, paidOn, payment } from './factories';

const asOf = '2024-06-30'; // the 90-day window is 2024-04-02 … 2024-06-30

describe('totals', () => {
  it('returns nothing for a customer with an empty ledger', () => {
    const status = computeArStatus(arInput(asOf));
    expect(status).toMatchObject({
      totals: [],
      openInvoices: [],
      lastPayment: null,
      averageDaysLate: null,
      onTimeRate: null,
      paidInLast365: 0,
      payDayPattern: null,
      promises: [],
      behaviour: { label: 'new', reason: 'No paid invoices yet' },
    });
  });

  it('counts only what is left after partial payments and credit notes', () => {
    // 100,000 − 25,000 paid − 15,000 credited = 60,000, due 31 May → 30 days past due
    const status = computeArStatus(
      arInput(asOf, {
        invoices: [invoice('A', '2024-05-01', '2024-05-31', 100_000)],
        settlements: [paidOn('A', '2024-06-10', 25_000), creditOn('A', '2024-06-12', 15_000)],
      }),
    );
    expect(status.openInvoices[0]).toMatchObject({ amount: 100_000, balance: 60_000, bucket: 'd1_30' });
    expect(status.totals[0]).toMatchObject({ outstanding: 60_000, overdue: 60_000 });
  });

  it('never counts a void invoice as owed or invoiced', () => {
    const status = computeArStatus(
      arInput(asOf, {
        invoices: [invoice('A', '2024-06-01', '2024-07-01', 40_000), invoice('V', '2024-06-01', '2024-06-10', 99_000, { void: true })],
      }),
    );
    // outstanding 40,000 (A only); invoiced in window 40,000 → DSO 40,000 ÷ 40,000 × 90 = 90
    expect(status.openInvoices.map((o) => o.invoiceId)).toEqual(['A']);
    expect(status.totals[0]).toMatchObject({ outstanding: 40_000, overdue: 0, dso90: 90 });
  });

  it('shows overpaid cash as unallocated and the overpaid invoice as settled', () => {
    // 1,200.00 received for a 1,000.00 invoice: 1,000.00 allocated, 200.00 unallocated.
    const status = computeArStatus(
      arInput(asOf, {
        invoices: [invoice('A', '2024-05-01', '2024-05-31', 100_000)],
        settlements: [paidOn('A', '2024-06-05', 100_000)],
        payments: [payment('P', '2024-06-05', 120_000, { unallocated: 20_000 })],
      }),
    );
    expect(status.openInvoices).toEqual([]);
    expect(status.totals).toEqual([
      expect.objectContaining({ currency: 'USD', outstanding: 0, overdue: 0, unallocatedCash: 20_000 }),
    ]);
  });

  it('ignores unallocated cash received after asOf', () => {
    const status = computeArStatus(arInput(asOf, { payments: [payment('P', '2024-07-01', 5_000, { unallocated: 5_000 })] }));
    expect(status.totals).toEqual([]);
  });

  it('computes DSO from the 90 days ending on asOf', () => {
    // I1 issued 1 Apr (90 days ago: outside), open 300,000
    // I2 issued 15 May, 200,000, paid in full
    // I3 issued 10 Jun, 100,000, open
    // outstanding = 300,000 + 100,000 = 400,000; invoiced = 200,000 + 100,000 = 300,000
    // DSO = 400,000 ÷ 300,000 × 90 = 120
    const status = computeArStatus(
      arInput(asOf, {
        invoices: [
          invoice('I1', '2024-04-01', '2024-05-01', 300_000),
          invoice('I2', '2024-05-15', '2024-06-14', 200_000),
          invoice('I3', '2024-06-10', '2024-07-10', 100_000),
        ],
        settlements: [paidOn('I2', '2024-06-14', 200_000)],
      }),
    );
    expect(status.totals[0]?.dso90).toBe(120);
  });

  it('leaves DSO null when nothing was invoiced in the last 90 days', () => {
    const status = computeArStatus(arInput(asOf, { invoices: [invoice('OLD', '2024-01-10', '2024-02-09', 50_000)] }));
    expect(status.totals[0]).toMatchObject({ outstanding: 50_000, dso90: null });
  });

  it('keeps currencies apart: one entry each, customer currency first, then alphabetical', () => {
    const status = computeArStatus(
      arInput(asOf, {
        currency: 'GBP',
        invoices: [
          invoice('U', '2024-06-01', '2024-07-01', 10_000),
          invoice('E', '2024-06-01', '2024-07-01', 10_000, { currency: 'EUR' }),
          invoice('G', '2024-06-01', '2024-07-01', 10_000, { currency: 'GBP' }),
        ],
        payments: [payment('C', '2024-06-20', 7_000, { currency: 'CHF', unallocated: 7_000 })],
      }),
    );
    // GBP (customer) first, then CHF, EUR, USD; nothing is summed across currencies.
    expect(status.totals.map((t) => [t.currency, t.outstanding, t.unallocatedCash])).toEqual([
      ['GBP', 10_000, 0],
      ['CHF', 0, 7_000],
      ['EUR', 10_000, 0],
      ['USD', 10_000, 0],
    ]);
  });

  it('includes a currency invoiced in the last 90 days even when it is fully paid', () => {
    const status = computeArStatus(
      arInput(asOf, {
        invoices: [invoice('E', '2024-06-01', '2024-07-01', 10_000, { currency: 'EUR' })],
        settlements: [paidOn('E', '2024-06-15', 10_000)],
      }),
    );
    // outstanding 0, invoiced 10,000 → DSO 0
    expect(status.totals).toEqual([expect.objectContaining({ currency: 'EUR', outstanding: 0, dso90: 0 })]);
  });

  it('uses the credit limit only in its own currency', () => {
    // USD outstanding 150,000 against a USD 500,000 limit → 0.3; EUR has no limit
    const status = computeArStatus(
      arInput(asOf, {
        creditLimit: { amount: 500_000, currency: 'USD' },
        invoices: [
          invoice('U', '2024-06-01', '2024-07-01', 150_000),
          invoice('E', '2024-06-01', '2024-07-01', 900_000, { currency: 'EUR' }),
        ],
      }),
    );
    expect(status.totals.map((t) => [t.currency, t.creditUsed])).toEqual([
      ['USD', 0.3],
      ['EUR', null],
    ]);
  });
});
