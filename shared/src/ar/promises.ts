/** Re-evaluates promises to pay against the payments actually received. */
import type { ArPayment, ArPromise, IsoDate } from './types';

export interface PromiseEvaluation {
  id: string;
  status: ArPromise['status'];
  /** Money (minor units, promise currency) counted towards this promise, at most its amount. */
  coveredAmount: number;
}

/**
 * Status of each promise as of `asOf` (in input order): payments in its currency received
 * from its createdDate to its promisedDate count towards it, promises taking money in
 * promisedDate order so no money counts twice. Covered → kept; past promisedDate → broken; else open.
 */
export function evaluatePromises(
  promises: readonly ArPromise[],
  payments: readonly ArPayment[],
  asOf: IsoDate,
): PromiseEvaluation[] {
  const remaining = payments
    .filter((payment) => payment.receivedDate <= asOf)
    .sort(byKey((payment) => payment.receivedDate))
    .map((payment) => ({ payment, left: payment.amount }));

  const covered = new Map<string, number>();
  for (const promise of [...promises].sort(byKey((p) => `${p.promisedDate}|${p.createdDate}`))) {
    let need = promise.amount;
    for (const entry of remaining) {
      if (need <= 0) break;
      const { currency, receivedDate } = entry.payment;
      const inWindow = receivedDate >= promise.createdDate && receivedDate <= promise.promisedDate;
      if (currency !== promise.currency || !inWindow) continue;
      const taken = Math.min(need, entry.left);
      entry.left -= taken;
      need -= taken;
    }
    covered.set(promise.id, promise.amount - need);
  }

  return promises.map((promise) => {
    const coveredAmount = covered.get(promise.id) ?? 0;
    const status = coveredAmount >= promise.amount ? 'kept' : asOf > promise.promisedDate ? 'broken' : 'open';
    return { id: promise.id, status, coveredAmount };
  });
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
