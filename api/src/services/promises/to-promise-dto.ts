import type { TPromise } from '@shared/schemas';

/** A promise as stored (`findPromises`, `promisesJson`), before the AR math says what payments did to it. */
export type StoredPromise = Omit<TPromise, 'coveredAmount'>;

/** What the AR math worked out for a promise: its status now and how much payments covered. */
export interface PromiseOutcome {
  status: TPromise['status'];
  coveredAmount: number;
}

/** A stored promise as the API shows it, with its evaluated outcome (none: as stored, nothing covered). */
export function withOutcome(promise: StoredPromise, evaluated?: PromiseOutcome): TPromise {
  return { ...promise, status: evaluated?.status ?? promise.status, coveredAmount: evaluated?.coveredAmount ?? 0 };
}
