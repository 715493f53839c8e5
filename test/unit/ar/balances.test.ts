import { describe, expect, it } from 'vitest';
import { computeInvoiceBalances, paidInvoices } from '@shared/ar';
import { creditOn, invoice, paidOn } from './factories';

// One USD 1,000.00 invoice issued 1 January 2024, due 31 January 2024.
const inv = invoice('A', '2024-01-01', '2024-01-31', 100_000);

describe('computeInvoiceBalances', () => {
  it('leaves the whole amount owed without settlements', () => {
    expect(computeInvoiceBalances([inv], [], '2024-03-01')).toEqual([{ invoice: inv, balance: 100_000, paidDate: null }]);
  });

  it('subtracts partial payments and stays unpaid while a balance remains', () => {
    // 100,000 − 30,000 − 50,000 = 20,000
    const settlements = [paidOn('A', '2024-02-05', 30_000), paidOn('A', '2024-02-10', 50_000)];
    const [entry] = computeInvoiceBalances([inv], settlements, '2024-03-01');
    expect(entry?.balance).toBe(20_000);
    expect(entry?.paidDate).toBeNull();
  });

  it('ignores settlements dated after asOf (as-of view)', () => {
    const [entry] = computeInvoiceBalances([inv], [paidOn('A', '2024-02-20', 100_000)], '2024-02-15');
    expect(entry).toMatchObject({ balance: 100_000, paidDate: null });
  });

  it('ignores void invoices and invoices issued after asOf', () => {
    const voided = invoice('V', '2024-01-01', '2024-01-31', 50_000, { void: true });
    const future = invoice('F', '2024-03-02', '2024-04-01', 70_000);
    const balances = computeInvoiceBalances([inv, voided, future], [paidOn('V', '2024-01-10', 50_000)], '2024-03-01');
    expect(balances.map((b) => b.invoice.id)).toEqual(['A']);
  });
});

describe('paidInvoices', () => {
  it('dates payment to the settlement that brought the balance to zero', () => {
    // 30,000 + 50,000 + 20,000 = 100,000 on 20 Feb
    const settlements = [paidOn('A', '2024-02-20', 20_000), paidOn('A', '2024-02-05', 30_000), paidOn('A', '2024-02-10', 50_000)];
    const [paid] = paidInvoices([inv], settlements, '2024-03-01');
    // days to pay: 1 Jan → 20 Feb = 31 + 19 = 50; days late: 31 Jan → 20 Feb = 20
    expect(paid).toMatchObject({ invoiceId: 'A', paidDate: '2024-02-20', daysToPay: 50, daysLate: 20 });
  });

  it('applies settlements in date order, not input order', () => {
    // In date order: 1 Feb 60,000 leaves 40,000; 1 Mar 60,000 clears it → paid 1 Mar (not 1 Feb).
    const settlements = [paidOn('A', '2024-03-01', 60_000), paidOn('A', '2024-02-01', 60_000)];
    expect(paidInvoices([inv], settlements, '2024-03-31')[0]?.paidDate).toBe('2024-03-01');
  });

  it('counts credit notes towards settling the invoice', () => {
    // credit 40,000 on 15 Jan + payment 60,000 on 3 Feb = 100,000 → paid 3 Feb, 3 days late
    const settlements = [creditOn('A', '2024-01-15', 40_000), paidOn('A', '2024-02-03', 60_000)];
    expect(paidInvoices([inv], settlements, '2024-03-01')[0]).toMatchObject({ paidDate: '2024-02-03', daysLate: 3 });
  });

  it('reports early payment as negative days late', () => {
    // paid 21 Jan, due 31 Jan → −10; 1 Jan → 21 Jan = 20 days to pay
    expect(paidInvoices([inv], [paidOn('A', '2024-01-21', 100_000)], '2024-03-01')[0]).toMatchObject({
      daysLate: -10,
      daysToPay: 20,
    });
  });

  it('never lists a void invoice as paid, and lists the others earliest paid first', () => {
    const b = invoice('B', '2024-01-05', '2024-02-04', 20_000);
    const voided = invoice('V', '2024-01-01', '2024-01-31', 50_000, { void: true });
    const settlements = [paidOn('A', '2024-02-25', 100_000), paidOn('B', '2024-02-01', 20_000), paidOn('V', '2024-01-10', 50_000)];
    expect(paidInvoices([inv, b, voided], settlements, '2024-03-01').map((p) => p.invoiceId)).toEqual(['B', 'A']);
  });
});
