/** The POST /v1/threads body for the message being read. */
import type { TLogThreadRequest } from '@shared/schemas';
import type { ReadItem } from '../office/types';

/** Logs the thread with this message: body as text, headers, attachment names and sizes. */
export function logRequestOf(item: ReadItem, customerId: string): TLogThreadRequest {
  return {
    provider: 'outlook',
    threadId: item.conversationId ?? item.internetMessageId ?? item.key,
    customerId,
    subject: item.subject,
    messages: [
      {
        internetMessageId: item.internetMessageId,
        providerMessageId: item.itemId,
        from: item.from?.email ?? 'unknown@unknown.invalid',
        fromName: item.from?.name ?? null,
        to: item.to.map((a) => a.email),
        cc: item.cc.map((a) => a.email),
        sentAt: item.sentAt,
        subject: item.subject,
        bodyText: item.bodyText.slice(0, 1_000_000),
        attachments: item.attachments,
      },
    ],
  };
}
