/** Days past due and aging buckets. */
import { daysBetween } from './dates';
import type { AgingBuckets, IsoDate } from './types';

/** asOf − due date when positive, else 0. */
export function daysPastDue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/** The aging bucket of a number of days past due: current (0), 1–30, 31–60, 61–90, 91+. */
export function agingBucket(pastDue: number): keyof AgingBuckets {
  if (pastDue <= 0) return 'current';
  if (pastDue <= 30) return 'd1_30';
  if (pastDue <= 60) return 'd31_60';
  if (pastDue <= 90) return 'd61_90';
  return 'd91_plus';
}

/** Aging buckets with every bucket at zero. */
export function emptyAging(): AgingBuckets {
  return { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d91_plus: 0 };
}
