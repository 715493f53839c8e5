/** The POST /v1/threads body for the message being read. */
import type { TLogThreadRequest } from '@shared/schemas';
import type { ReadItem } from '../office/types';

/** Room for the HTML body within the API's request limit (UTF-8 bytes, at most its 2,000,000-character cap). */
const MAX_HTML_BYTES = 2_000_000;
const fitsLimit = (html: string) => html.length <= MAX_HTML_BYTES && new TextEncoder().encode(html).length <= MAX_HTML_BYTES;

/** Logs the thread with this message: body as text and raw HTML, headers, attachment names and sizes. */
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
        // Raw, as Outlook gave it; too large to log whole → left out rather than cut mid-tag.
        bodyHtml: item.bodyHtml && fitsLimit(item.bodyHtml) ? item.bodyHtml : null,
        attachments: item.attachments,
      },
    ],
  };
}
