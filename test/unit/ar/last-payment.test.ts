import { describe, expect, it } from 'vitest';
import { computeArStatus } from '@shared/ar';
import { arInput, payment } from './factories';

/**
 * Last payment = the latest payment day on or before asOf and the total received that day, per
 * currency (the customer's first), whatever order the payments arrive in.
 */
describe('last payment', () => {
  const payments = [
    payment('P1', '2024-06-10', 30_000),
    payment('P2', '2024-06-14', 12_500),
    payment('P3', '2024-06-14', 7_500),
    payment('P4', '2024-06-14', 4_000, { currency: 'EUR' }),
    payment('P5', '2024-06-14', 1_000, { currency: 'CHF' }),
    payment('P6', '2024-07-02', 99_000), // after asOf
  ];

  it('sums every payment of the latest day: USD 125.00 + 75.00 = 200.00, EUR 40.00, CHF 10.00', () => {
    expect(computeArStatus(arInput('2024-06-30', { payments })).lastPayment).toEqual({
      date: '2024-06-14',
      amounts: [
        { amount: 20_000, currency: 'USD' },
        { amount: 1_000, currency: 'CHF' },
        { amount: 4_000, currency: 'EUR' },
      ],
    });
  });

  it('is the same whatever the order of the rows', () => {
    const forward = computeArStatus(arInput('2024-06-30', { payments })).lastPayment;
    expect(computeArStatus(arInput('2024-06-30', { payments: [...payments].reverse() })).lastPayment).toEqual(forward);
    expect(computeArStatus(arInput('2024-06-30', { payments: [payments[2]!, payments[4]!, payments[0]!, payments[3]!, payments[1]!] })).lastPayment).toEqual(forward);
  });

  it('is null before any payment', () => {
    expect(computeArStatus(arInput('2024-06-01', { payments })).lastPayment).toBeNull();
  });
});
