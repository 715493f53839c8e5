import type { TPersonRef, TPromise } from '@shared/schemas';
import type { promises } from '../../db/schema';

/** A promise row as the API shows it, with the person who recorded it. */
export function toPromiseDto(
  row: typeof promises.$inferSelect,
  createdBy: TPersonRef | null,
  evaluated?: { status: TPromise['status']; coveredAmount: number },
): TPromise {
  return {
    id: row.id,
    customerId: row.customerId,
    amount: row.amount,
    currency: row.currency,
    promisedDate: row.promisedDate,
    madeOn: row.madeOn,
    status: evaluated?.status ?? row.status,
    coveredAmount: evaluated?.coveredAmount ?? 0,
    note: row.note,
    invoiceIds: row.invoiceIds,
    createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
