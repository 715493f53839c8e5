/** POST /v1/context: an email in, everything the sidebar shows out. */
import { z } from 'zod';
import { ZDateTime, ZIsoDate, ZPersonRef, ZProvider, ZUuid, orNull } from './common';
import { ZCustomerPanel, ZCustomerRef } from './customers';

const ZAddress = z.string().trim().max(400);

export const ZContextRequest = z
  .object({
    provider: ZProvider,
    threadId: z.string().trim().min(1).max(512).nullish().describe('Outlook conversationId or Gmail thread id; absent for a new draft'),
    internetMessageId: z.string().trim().max(998).nullish().describe('Tells whether this very message is already logged'),
    from: ZAddress.default(''),
    to: z.array(ZAddress).max(500).default([]),
    cc: z.array(ZAddress).max(500).default([]),
    subject: z.string().max(2000).default(''),
    bodyText: z.string().max(1_000_000).default(''),
    customerId: ZUuid.optional().describe('The customer the user picked; skips matching'),
    asOf: ZIsoDate.optional().describe("Defaults to today in the organisation's time zone"),
  })
  .meta({ id: 'ContextRequest' });
export type TContextRequest = z.input<typeof ZContextRequest>;

export const ZMatchReason = z.object({
  kind: z.enum(['thread', 'contact', 'domain', 'invoice', 'po']),
  text: z.string(),
});
export const ZMatchCandidate = z
  .object({ customer: ZCustomerRef, score: z.number(), reasons: z.array(ZMatchReason) })
  .meta({ id: 'MatchCandidate' });
export type TMatchCandidate = z.infer<typeof ZMatchCandidate>;

export const ZLoggedThread = z
  .object({
    id: ZUuid,
    customer: ZCustomerRef,
    loggedBy: orNull(ZPersonRef),
    loggedAt: ZDateTime,
    messageCount: z.number().int(),
    messageLogged: z.boolean().nullable().describe('Whether the message named by internetMessageId is in it; null when not asked'),
  })
  .meta({ id: 'LoggedThread' });

export const ZContextResponse = z
  .object({
    asOf: ZIsoDate,
    match: z.object({
      candidates: z.array(ZMatchCandidate),
      ambiguous: z.boolean(),
      selected: z.enum(['thread', 'match', 'explicit']).nullable().describe('How the shown customer was chosen; null when none is'),
    }),
    thread: orNull(ZLoggedThread),
    panel: orNull(ZCustomerPanel),
  })
  .meta({ id: 'ContextResponse' });
export type TContextResponse = z.infer<typeof ZContextResponse>;
