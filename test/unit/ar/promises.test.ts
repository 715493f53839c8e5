import { describe, expect, it } from 'vitest';
import { evaluatePromises } from '@shared/ar';
import { payment, promise } from './factories';

const asOf = '2024-06-30';
// USD 500.00 promised on 1 June for 20 June.
const p = promise('P', '2024-06-01', '2024-06-20', 50_000);

describe('evaluatePromises', () => {
  it('is kept when payments in the window cover the amount', () => {
    expect(evaluatePromises([p], [payment('a', '2024-06-18', 50_000)], asOf)).toEqual([
      { id: 'P', status: 'kept', coveredAmount: 50_000 },
    ]);
  });

  it('adds up several payments and caps the covered amount at the promise', () => {
    // 20,000 + 40,000 = 60,000 ≥ 50,000 → kept, covered 50,000 (10,000 left for other promises)
    const payments = [payment('a', '2024-06-05', 20_000), payment('b', '2024-06-19', 40_000)];
    expect(evaluatePromises([p], payments, asOf)).toEqual([{ id: 'P', status: 'kept', coveredAmount: 50_000 }]);
  });

  it('is broken when the promised date has passed without full cover', () => {
    expect(evaluatePromises([p], [payment('a', '2024-06-10', 30_000)], asOf)).toEqual([
      { id: 'P', status: 'broken', coveredAmount: 30_000 },
    ]);
  });

  it('is open until the promised date has passed, including on the day itself', () => {
    const later = promise('L', '2024-06-01', '2024-07-05', 50_000);
    const today = promise('T', '2024-06-01', asOf, 50_000);
    expect(evaluatePromises([later, today], [payment('a', '2024-06-10', 10_000)], asOf)).toEqual([
      { id: 'L', status: 'open', coveredAmount: 0 }, // the 10,000 went to T, promised earlier
      { id: 'T', status: 'open', coveredAmount: 10_000 },
    ]);
  });

  it('counts only payments from createdDate to promisedDate, in the same currency, up to asOf', () => {
    const payments = [
      payment('before', '2024-05-31', 50_000), // before the promise was made
      payment('after', '2024-06-21', 50_000), // after the promised date
      payment('euro', '2024-06-10', 50_000, { currency: 'EUR' }),
    ];
    expect(evaluatePromises([p], payments, asOf)).toEqual([{ id: 'P', status: 'broken', coveredAmount: 0 }]);
    // payment on 2 Jul is not yet known on 30 Jun
    const open = promise('O', '2024-06-01', '2024-07-05', 50_000);
    expect(evaluatePromises([open], [payment('x', '2024-07-02', 50_000)], asOf)[0]?.coveredAmount).toBe(0);
  });

  it('counts one payment once: the earlier-promised promise takes it', () => {
    // P1 by 10 Jun and P2 by 20 Jun, 500.00 each; one payment of 500.00 on 5 Jun.
    const p1 = promise('P1', '2024-06-01', '2024-06-10', 50_000);
    const p2 = promise('P2', '2024-06-01', '2024-06-20', 50_000);
    expect(evaluatePromises([p2, p1], [payment('a', '2024-06-05', 50_000)], asOf)).toEqual([
      { id: 'P2', status: 'broken', coveredAmount: 0 },
      { id: 'P1', status: 'kept', coveredAmount: 50_000 },
    ]);
  });

  it('passes what is left of a larger payment to the next promise', () => {
    // 800.00 on 5 Jun: P1 takes 500.00, P2 gets the remaining 300.00 of its 500.00
    const p1 = promise('P1', '2024-06-01', '2024-06-10', 50_000);
    const p2 = promise('P2', '2024-06-01', '2024-06-20', 50_000);
    expect(evaluatePromises([p1, p2], [payment('a', '2024-06-05', 80_000)], asOf)).toEqual([
      { id: 'P1', status: 'kept', coveredAmount: 50_000 },
      { id: 'P2', status: 'broken', coveredAmount: 30_000 },
    ]);
  });

  it('re-evaluates rather than trusting the stored status', () => {
    const stored = promise('S', '2024-06-01', '2024-06-20', 50_000, { status: 'broken' });
    expect(evaluatePromises([stored], [payment('a', '2024-06-15', 50_000)], asOf)[0]?.status).toBe('kept');
  });
});
