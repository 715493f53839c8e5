import { describe, expect, it } from 'vitest';
import { agingBucket, computeArStatus, daysPastDue } from '@shared/ar';
import { arInput, invoice } from './factories';

const asOf = '2024-06-30';

// Due dates counted back from 30 June 2024 (June has 30 days, May 31, April 30):
const cases = [
  { due: '2024-07-15', days: 0, bucket: 'current', amount: 1 }, //  not yet due
  { due: '2024-06-30', days: 0, bucket: 'current', amount: 2 }, //  due today
  { due: '2024-06-29', days: 1, bucket: 'd1_30', amount: 4 },
  { due: '2024-05-31', days: 30, bucket: 'd1_30', amount: 8 }, //   30 days of June
  { due: '2024-05-30', days: 31, bucket: 'd31_60', amount: 16 },
  { due: '2024-05-01', days: 60, bucket: 'd31_60', amount: 32 }, // 30 + 30 days of May
  { due: '2024-04-30', days: 61, bucket: 'd61_90', amount: 64 },
  { due: '2024-04-01', days: 90, bucket: 'd61_90', amount: 128 }, // 61 + 29
  { due: '2024-03-31', days: 91, bucket: 'd91_plus', amount: 256 },
] as const;

describe('aging', () => {
  it.each(cases)('due $due is $days days past due → $bucket', ({ due, days, bucket }) => {
    expect(daysPastDue(due, asOf)).toBe(days);
    expect(agingBucket(daysPastDue(due, asOf))).toBe(bucket);
  });

  it('puts each open balance in its bucket and sums the buckets per currency', () => {
    const invoices = cases.map((c, i) => invoice(`I${i}`, '2024-01-01', c.due, c.amount));
    const status = computeArStatus(arInput(asOf, { invoices }));
    expect(status.openInvoices.find((o) => o.invoiceId === 'I8')).toMatchObject({ daysPastDue: 91, bucket: 'd91_plus' });
    expect(status.totals).toHaveLength(1);
    expect(status.totals[0]).toMatchObject({
      currency: 'USD',
      outstanding: 511, // 1 + 2 + 4 + … + 256 = 2⁹ − 1
      overdue: 508, // 511 − 1 − 2 (the two current ones)
      aging: { current: 3, d1_30: 12, d31_60: 48, d61_90: 192, d91_plus: 256 },
    });
  });

  it('lists open invoices oldest due date first', () => {
    const invoices = [invoice('X', '2024-06-01', '2024-07-01', 10), invoice('Y', '2024-04-01', '2024-05-01', 10)];
    expect(computeArStatus(arInput(asOf, { invoices })).openInvoices.map((o) => o.invoiceId)).toEqual(['Y', 'X']);
  });
});
