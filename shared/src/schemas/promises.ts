/** Promises to pay: kept automatically when payments cover them by the date, broken after. */
import { z } from 'zod';
import { ZCurrency, ZDateTime, ZIsoDate, ZMinorUnits, ZPersonRef, ZPositiveMinorUnits, ZUuid, orNull } from './common';

export const ZPromise = z
  .object({
    id: ZUuid,
    customerId: ZUuid,
    amount: ZMinorUnits,
    currency: ZCurrency,
    promisedDate: ZIsoDate,
    madeOn: ZIsoDate,
    status: z.enum(['open', 'kept', 'broken']),
    coveredAmount: ZMinorUnits,
    note: z.string().nullable(),
    invoiceIds: z.array(ZUuid),
    createdBy: orNull(ZPersonRef),
    createdAt: ZDateTime,
  })
  .meta({ id: 'Promise' });
export type TPromise = z.infer<typeof ZPromise>;

export const ZCreatePromiseRequest = z
  .object({
    amount: ZPositiveMinorUnits,
    currency: ZCurrency.optional().describe("Defaults to the customer's currency"),
    promisedDate: ZIsoDate,
    invoiceIds: z.array(ZUuid).max(100).default([]),
    note: z.string().trim().max(5000).nullish(),
  })
  .meta({ id: 'CreatePromiseRequest' });
export type TCreatePromiseRequest = z.infer<typeof ZCreatePromiseRequest>;
