/** Holds: "don't chase until …", set by sales or CS, seen by collectors. */
import { z } from 'zod';
import { ZDateTime, ZIsoDate, ZPersonRef, ZUuid, orNull } from './common';

export const ZHold = z
  .object({
    id: ZUuid,
    customerId: ZUuid,
    until: ZIsoDate,
    reason: z.string(),
    setBy: orNull(ZPersonRef),
    createdAt: ZDateTime,
  })
  .meta({ id: 'Hold' });
export type THold = z.infer<typeof ZHold>;

export const ZCreateHoldRequest = z
  .object({ until: ZIsoDate, reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'CreateHoldRequest' });
export type TCreateHoldRequest = z.infer<typeof ZCreateHoldRequest>;
