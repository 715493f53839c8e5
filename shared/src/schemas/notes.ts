/** Free-text notes on a customer, optionally about a logged thread. */
import { z } from 'zod';
import { ZDateTime, ZPersonRef, ZUuid, orNull } from './common';

export const ZNote = z
  .object({
    id: ZUuid,
    customerId: ZUuid,
    threadId: ZUuid.nullable(),
    body: z.string(),
    author: orNull(ZPersonRef),
    createdAt: ZDateTime,
  })
  .meta({ id: 'Note' });
export type TNote = z.infer<typeof ZNote>;

export const ZCreateNoteRequest = z
  .object({ body: z.string().trim().min(1).max(10_000), threadId: ZUuid.optional() })
  .meta({ id: 'CreateNoteRequest' });
export type TCreateNoteRequest = z.infer<typeof ZCreateNoteRequest>;
