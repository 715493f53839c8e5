/** Logging an email thread to a customer: idempotent per (provider, thread id) and Message-ID. */
import { z } from 'zod';
import { ZDateTime, ZPersonRef, ZProvider, ZUuid, orNull } from './common';
import { ZCustomerRef } from './customers';

const ZAddress = z.string().trim().max(400);

export const ZLogMessage = z
  .object({
    internetMessageId: z.string().trim().min(3).max(998).nullish().describe('RFC 5322 Message-ID, the idempotency key'),
    providerMessageId: z.string().trim().min(1).max(512).nullish().describe('Used as the key when there is no Message-ID'),
    from: ZAddress.min(1),
    fromName: z.string().max(400).nullish(),
    to: z.array(ZAddress).max(500).default([]),
    cc: z.array(ZAddress).max(500).default([]),
    sentAt: ZDateTime.nullish(),
    subject: z.string().max(2000).default(''),
    bodyText: z.string().max(1_000_000).default(''),
    bodyHtml: z.string().max(2_000_000).nullish().describe('Untrusted; stored raw, never rendered unsanitised'),
    attachments: z
      .array(z.object({ name: z.string().max(500), size: z.number().int().min(0).max(2 ** 40) }))
      .max(200)
      .default([]),
  })
  .refine((m) => m.internetMessageId || m.providerMessageId, {
    message: 'internetMessageId or providerMessageId is required',
    path: ['internetMessageId'],
  })
  .meta({ id: 'LogMessage' });
export type TLogMessage = z.infer<typeof ZLogMessage>;

export const ZLogThreadRequest = z
  .object({
    provider: ZProvider,
    threadId: z.string().trim().min(1).max(512).describe('Outlook conversationId or Gmail thread id'),
    customerId: ZUuid,
    subject: z.string().max(2000).default(''),
    messages: z.array(ZLogMessage).min(1).max(100),
  })
  .meta({ id: 'LogThreadRequest' });
export type TLogThreadRequest = z.infer<typeof ZLogThreadRequest>;

export const ZThread = z
  .object({
    id: ZUuid,
    provider: ZProvider,
    providerThreadId: z.string(),
    subject: z.string(),
    customer: ZCustomerRef,
    loggedBy: orNull(ZPersonRef),
    loggedAt: ZDateTime,
    messageCount: z.number().int(),
  })
  .meta({ id: 'Thread' });
export type TThread = z.infer<typeof ZThread>;

export const ZLogThreadResponse = z
  .object({
    thread: ZThread,
    threadCreated: z.boolean(),
    messages: z.array(z.object({ id: ZUuid, messageKey: z.string(), new: z.boolean() })),
    newMessageCount: z.number().int(),
  })
  .meta({ id: 'LogThreadResponse' });
export type TLogThreadResponse = z.infer<typeof ZLogThreadResponse>;

export const ZMoveThreadRequest = z.object({ customerId: ZUuid }).meta({ id: 'MoveThreadRequest' });
export type TMoveThreadRequest = z.infer<typeof ZMoveThreadRequest>;

export const ZThreadMessage = z
  .object({
    id: ZUuid,
    messageKey: z.string(),
    from: z.string(),
    fromName: z.string().nullable(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    sentAt: ZDateTime.nullable(),
    subject: z.string(),
    bodyText: z.string(),
    hasHtml: z.boolean(),
    attachments: z.array(z.object({ name: z.string(), size: z.number() })),
  })
  .meta({ id: 'ThreadMessage' });
export const ZThreadDetail = ZThread.extend({ messages: z.array(ZThreadMessage) }).meta({ id: 'ThreadDetail' });
export type TThreadDetail = z.infer<typeof ZThreadDetail>;

export const ZMessageContent = z
  .object({
    id: ZUuid,
    threadId: ZUuid,
    from: z.string(),
    fromName: z.string().nullable(),
    sentAt: ZDateTime.nullable(),
    subject: z.string(),
    bodyText: z.string(),
    bodyHtml: z.string().nullable().describe('Untrusted, exactly as logged: sanitise it and render it in a sandboxed frame, never into a page'),
  })
  .meta({ id: 'MessageContent' });
export type TMessageContent = z.infer<typeof ZMessageContent>;
