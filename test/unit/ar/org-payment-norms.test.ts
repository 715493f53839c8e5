import { describe, expect, it } from 'vitest';
import { addDays, orgPaymentNorms, type NormsInvoice } from '@shared/ar';

const asOf = '2024-06-30';
const inv = (customerId: string, issueDate: string, daysLate: number | null, disputed = false): NormsInvoice => {
  const dueDate = addDays(issueDate, 30);
  return { customerId, issueDate, dueDate, paidDate: daysLate === null ? null : addDays(dueDate, daysLate), disputed };
};

describe('orgPaymentNorms', () => {
  it("keeps the configured delay with fewer than 20 invoices, and adds nothing for disputes without 5 of each", () => {
    const few = Array.from({ length: 19 }, () => inv('A', '2024-04-01', 30, true));
    expect(orgPaymentNorms(few, asOf, 7)).toEqual({ typicalDelayDays: 7, disputeDelayDays: 0, trendPerDay: 0 });
  });

  it('takes the median lateness, open invoices as late as they are so far, and the disputed − undisputed medians', () => {
    // 10 paid 2 days late, 5 disputed paid 10 days late, 5 open due 20 Jun (10 days late on 30 Jun):
    // twenty values, ten 2s and ten 10s → median (2 + 10) ÷ 2 = 6; disputes: 10 − 2 = 8
    const invoices = [
      ...Array.from({ length: 10 }, (_, i) => inv(`U${i}`, '2024-04-01', 2)),
      ...Array.from({ length: 5 }, (_, i) => inv(`D${i}`, '2024-04-01', 10, true)),
      ...Array.from({ length: 5 }, (_, i) => inv(`O${i}`, '2024-05-21', null)),
    ];
    expect(orgPaymentNorms(invoices, asOf, 7)).toMatchObject({ typicalDelayDays: 6, disputeDelayDays: 8 });
  });

  it("pools each customer's own trend, ignoring differences between customers and customers with fewer than 4 paid", () => {
    // A: issued on days 0, 30, 60, 90, paying 8, 6, 4, 2 days late: Σ(t − 45)(d − 5) = −300, Σ(t − 45)² = 4,500.
    // B: always 50 days late (far from A, yet no trend): 0 and 4,500. C has 3 paid only.
    // slope = −300 ÷ 9,000 = −1/30 days per day.
    const days = ['2024-01-01', '2024-01-31', '2024-03-01', '2024-03-31'];
    const invoices = [
      ...days.map((d, i) => inv('A', d, 8 - 2 * i)),
      ...days.map((d) => inv('B', d, 50)),
      ...days.slice(0, 3).map((d, i) => inv('C', d, 100 * i)),
    ];
    expect(orgPaymentNorms(invoices, asOf, 7).trendPerDay).toBeCloseTo(-1 / 30, 12);
  });
});
