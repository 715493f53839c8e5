/** The customer's timeline: logged emails, notes, disputes, promises, payments, holds. */
import { z } from 'zod';
import { ZDateTime, ZUuid } from './common';

export const ZTimelineKind = z.enum(['email', 'note', 'dispute', 'promise', 'payment', 'hold']);

export const ZTimelineItem = z
  .object({
    kind: ZTimelineKind,
    id: z.string(),
    at: ZDateTime,
    title: z.string(),
    detail: z.string().nullable(),
    actor: z.string().nullable().describe('Name of who did it, when a person did'),
    threadId: ZUuid.nullable(),
  })
  .meta({ id: 'TimelineItem' });
export type TTimelineItem = z.infer<typeof ZTimelineItem>;

export const ZTimelinePage = z
  .object({
    items: z.array(ZTimelineItem),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page'),
  })
  .meta({ id: 'TimelinePage' });
export type TTimelinePage = z.infer<typeof ZTimelinePage>;

export const ZTimelineQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
