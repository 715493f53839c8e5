import { describe, expect, it } from 'vitest';
import { classifyBehaviour, type BehaviourInput, type PromiseEvaluation } from '@shared/ar';
import { paidInvoice, promise } from './factories';

const asOf = '2024-06-30';

/** Equal-amount USD invoices paid on consecutive January days, in the given order (the last 3 are the most recent). */
const paidSeries = (daysLate: number[]) =>
  daysLate.map((late, i) => paidInvoice(`2024-01-${String(i + 1).padStart(2, '0')}`, late));

const classify = (extra: Partial<BehaviourInput>) =>
  classifyBehaviour({ asOf, currency: 'USD', openInvoices: [], promises: [], promiseEvaluations: [], paid: [], ...extra });

const brokenPromise = (id: string, promisedDate: string, amount: number) => ({
  promises: [promise(id, '2024-01-01', promisedDate, amount)],
  promiseEvaluations: [{ id, status: 'broken', coveredAmount: 0 } satisfies PromiseEvaluation],
});

describe('classifyBehaviour', () => {
  describe('new', () => {
    it.each([
      [[], 'No paid invoices yet'],
      [[30], 'Only 1 paid invoice so far'],
      [[30, 60], 'Only 2 paid invoices so far'],
    ])('with days late %j → %s', (daysLate, reason) => {
      expect(classify({ paid: paidSeries(daysLate) })).toEqual({ label: 'new', reason });
    });
  });

  describe('at-risk (checked first)', () => {
    it('names a 91+ balance, even for a new customer', () => {
      const openInvoices = [{ currency: 'USD', balance: 1_240_000, bucket: 'd91_plus' as const }];
      expect(classify({ openInvoices })).toEqual({ label: 'at-risk', reason: 'US$12,400.00 is more than 90 days overdue' });
    });

    it('sums 91+ balances per currency, customer currency first', () => {
      // USD: 1,240,000 + 50,000 = 1,290,000 (the 61–90 balance does not count); EUR: 30,000
      const openInvoices = [
        { currency: 'USD', balance: 1_240_000, bucket: 'd91_plus' as const },
        { currency: 'USD', balance: 50_000, bucket: 'd91_plus' as const },
        { currency: 'USD', balance: 999, bucket: 'd61_90' as const },
        { currency: 'EUR', balance: 30_000, bucket: 'd91_plus' as const },
      ];
      expect(classify({ currency: 'EUR', openInvoices }).reason).toBe('€300.00 and US$12,900.00 are more than 90 days overdue');
    });

    it('wins over slipping', () => {
      const openInvoices = [{ currency: 'USD', balance: 100, bucket: 'd91_plus' as const }];
      expect(classify({ openInvoices, paid: paidSeries([5, 5, 5, 25, 25, 25]) }).label).toBe('at-risk');
    });

    it('names a promise broken in the last 90 days', () => {
      // 2 Apr → 30 Jun = 28 + 31 + 30 = 89 days ago
      expect(classify({ ...brokenPromise('B', '2024-04-02', 500_000), paid: paidSeries([0, 0, 0]) })).toEqual({
        label: 'at-risk',
        reason: 'A promise to pay US$5,000.00 by 2 Apr 2024 was broken',
      });
    });

    it('forgets a promise broken 90 days ago or more', () => {
      // 1 Apr → 30 Jun = 90 days: outside the window
      expect(classify({ ...brokenPromise('B', '2024-04-01', 500_000), paid: paidSeries([0, 0, 0]) }).label).toBe('reliable');
    });

    it('ignores promises that are kept or still open', () => {
      const promises = [promise('K', '2024-06-01', '2024-06-10', 100), promise('O', '2024-06-01', '2024-07-10', 100)];
      const promiseEvaluations: PromiseEvaluation[] = [
        { id: 'K', status: 'kept', coveredAmount: 100 },
        { id: 'O', status: 'open', coveredAmount: 0 },
      ];
      expect(classify({ promises, promiseEvaluations, paid: paidSeries([0, 0, 0]) }).label).toBe('reliable');
    });

    it('gives both reasons, and counts several broken promises', () => {
      const promises = [promise('A', '2024-05-01', '2024-05-10', 20_000), promise('B', '2024-05-01', '2024-06-01', 10_000)];
      const promiseEvaluations: PromiseEvaluation[] = [
        { id: 'A', status: 'broken', coveredAmount: 0 },
        { id: 'B', status: 'broken', coveredAmount: 5_000 },
      ];
      const openInvoices = [{ currency: 'USD', balance: 70_000, bucket: 'd91_plus' as const }];
      expect(classify({ openInvoices, promises, promiseEvaluations }).reason).toBe(
        'US$700.00 is more than 90 days overdue; 2 promises to pay were broken in the last 90 days, the latest US$100.00 by 1 Jun 2024',
      );
    });
  });

  describe('slipping (after new)', () => {
    it('flags the last 3 paid invoices ≥ 10 days later than the yearly average', () => {
      // average = (9 × 2 + 20 + 22 + 24) ÷ 12 = 84 ÷ 12 = 7; last 3 mean = 66 ÷ 3 = 22 ≥ 7 + 10
      expect(classify({ paid: paidSeries([2, 2, 2, 2, 2, 2, 2, 2, 2, 20, 22, 24]) })).toEqual({
        label: 'slipping',
        reason: 'Last 3 invoices paid 22 days late on average, up from 7 days late over the last year',
      });
    });

    it('includes exactly 10 days more', () => {
      // average = (3 × 5 + 3 × 25) ÷ 6 = 15; last 3 mean = 25 = 15 + 10
      expect(classify({ paid: paidSeries([5, 5, 5, 25, 25, 25]) }).label).toBe('slipping');
    });

    it('does not flag 9 days more', () => {
      // average = (9 × 15 + 3 × 27) ÷ 12 = 216 ÷ 12 = 18; last 3 mean = 27 = 18 + 9
      expect(classify({ paid: paidSeries([15, 15, 15, 15, 15, 15, 15, 15, 15, 27, 27, 27]) }).label).toBe('pays-late-predictably');
    });

    it('does not flag an early payer who is merely less early', () => {
      // average = (9 × −25 + 3 × −5) ÷ 12 = −240 ÷ 12 = −20; last 3 mean −5 ≥ −10 but not late
      expect(classify({ paid: paidSeries([-25, -25, -25, -25, -25, -25, -25, -25, -25, -5, -5, -5]) })).toEqual({
        label: 'reliable',
        reason: 'Paid 12 of 12 invoices on time over the last year',
      });
    });

    it('wins over reliable', () => {
      // average = (12 × 0 + 3 × 15) ÷ 15 = 3 and on-time 12 of 15 = 0.8 (both "reliable"),
      // but last 3 mean 15 ≥ 3 + 10
      const paid = paidSeries([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 15, 15]);
      expect(classify({ paid })).toEqual({
        label: 'slipping',
        reason: 'Last 3 invoices paid 15 days late on average, up from 3 days late over the last year',
      });
    });
  });

  describe('reliable', () => {
    it('by an on-time rate of at least 80%', () => {
      // on time 4 of 5 = 0.8; average (4 × 0 + 40) ÷ 5 = 8 > 3; last 3 mean (40 + 0 + 0) ÷ 3 ≈ 13.3 < 18
      expect(classify({ paid: paidSeries([0, 0, 40, 0, 0]) })).toEqual({
        label: 'reliable',
        reason: 'Paid 4 of 5 invoices on time over the last year',
      });
    });

    it('by an average of at most 3 days late', () => {
      // average (3 + 3 + 3 − 1 + 3) ÷ 5 = 11 ÷ 5 = 2.2 → "2 days"; on time only 1 of 5
      expect(classify({ paid: paidSeries([3, 3, 3, -1, 3]) })).toEqual({
        label: 'reliable',
        reason: 'Pays 2 days late on average over the last year',
      });
      expect(classify({ paid: paidSeries([3, 3, 3, 3]) }).label).toBe('reliable'); // exactly 3
    });

    it('weights the average by amount in the customer currency', () => {
      // (100,000 × 23 + 1,000,000 × 1 + 100,000 × 1) ÷ 1,200,000 = 3,400,000 ÷ 1,200,000 ≈ 2.83 → reliable;
      // the plain mean (23 + 1 + 1) ÷ 3 ≈ 8.3 would not be. A EUR invoice 90 days late is left out.
      const paid = [
        paidInvoice('2024-01-01', 23, { amount: 100_000 }),
        paidInvoice('2024-01-02', 1, { amount: 1_000_000 }),
        paidInvoice('2024-01-03', 1, { amount: 100_000 }),
        paidInvoice('2023-12-01', 90, { amount: 100_000, currency: 'EUR' }),
      ];
      expect(classify({ paid })).toEqual({ label: 'reliable', reason: 'Pays 3 days late on average over the last year' });
      expect(classify({ paid: paidSeries([23, 1, 1]) }).label).toBe('pays-late-predictably');
    });

    it('judges on the whole history when nothing was paid in the last year', () => {
      const paid = [paidInvoice('2022-03-01', 0), paidInvoice('2022-04-01', -2), paidInvoice('2022-05-01', 0)];
      expect(classify({ paid })).toEqual({ label: 'reliable', reason: 'Paid 3 of 3 invoices on time overall' });
    });
  });

  describe('pays-late-predictably (the rest)', () => {
    it('gives the average, the share late and the typical range', () => {
      // average = (−1 + 18 + 20 + 22 + 30 + 10 + 12 + 15) ÷ 8 = 126 ÷ 8 = 15.75 → 16; late 7 of 8
      // sorted −1, 10, 12, 15, 18, 20, 22, 30: 25th pct (rank 2) = 10, 75th pct (rank 6) = 20
      // last 3 mean (10 + 12 + 15) ÷ 3 ≈ 12.3 < 25.75: not slipping
      expect(classify({ paid: paidSeries([-1, 18, 20, 22, 30, 10, 12, 15]) })).toEqual({
        label: 'pays-late-predictably',
        reason: 'Pays 16 days late on average (7 of 8 invoices late over the last year, typically 10–20 days late)',
      });
    });

    it('starts just above 3 days late', () => {
      expect(classify({ paid: paidSeries([4, 4, 4]) })).toEqual({
        label: 'pays-late-predictably',
        reason: 'Pays 4 days late on average (3 of 3 invoices late over the last year, typically 4 days late)',
      });
    });
  });
});
