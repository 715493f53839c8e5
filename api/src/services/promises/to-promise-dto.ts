import type { TPersonRef, TPromise } from '@shared/schemas';
import type { promises } from '../../db/schema';

/** A promise as stored, before the AR math says what payments did to it. */
export type StoredPromise = Omit<TPromise, 'coveredAmount'>;

/** What the AR math worked out for a promise: its status now and how much payments covered. */
export interface PromiseOutcome {
  status: TPromise['status'];
  coveredAmount: number;
}

/** A promise row as the API shows it, with the person who recorded it. */
export function toPromiseDto(row: typeof promises.$inferSelect, createdBy: TPersonRef | null, evaluated?: PromiseOutcome): TPromise {
  return withOutcome(
    {
      id: row.id,
      customerId: row.customerId,
      amount: row.amount,
      currency: row.currency,
      promisedDate: row.promisedDate,
      madeOn: row.madeOn,
      status: row.status,
      note: row.note,
      invoiceIds: row.invoiceIds,
      createdBy,
      createdAt: row.createdAt.toISOString(),
    },
    evaluated,
  );
}

/** A stored promise with its evaluated outcome (none: as stored, nothing covered). */
export function withOutcome(promise: StoredPromise, evaluated?: PromiseOutcome): TPromise {
  return { ...promise, status: evaluated?.status ?? promise.status, coveredAmount: evaluated?.coveredAmount ?? 0 };
}
