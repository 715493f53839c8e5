/** Gmail API message resources → what Payside shows and logs. Pure. */
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail/index.js';
import { displayNameOf, splitAddressList } from './address-list';

/** The open message as the cards need it (format `metadata`). */
export interface MessageFacts {
  provider: 'gmail' | 'outlook';
  messageId: string;
  threadId: string;
  /** RFC 5322 Message-ID, angle brackets included; null when the header is missing. */
  internetMessageId: string | null;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  /** Gmail's plain-text snippet of the body (enough to spot an invoice number). */
  snippet: string;
}

/** A message to log (format `full`), shaped like `ZLogMessage`. */
export interface LogMessageInput {
  internetMessageId: string | null;
  providerMessageId: string;
  from: string;
  fromName: string | null;
  to: string[];
  cc: string[];
  sentAt: string | null;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  attachments: Array<{ name: string; size: number }>;
}

type Part = gmail_v1.Schema$MessagePart;

/** A header's value, case-insensitively (Gmail keeps the sender's spelling: Message-ID, Message-Id). */
export function headerOf(message: gmail_v1.Schema$Message, name: string): string {
  const wanted = name.toLowerCase();
  return message.payload?.headers?.find((h) => h.name?.toLowerCase() === wanted)?.value?.trim() ?? '';
}

/** The facts of a message read with `format: metadata`. */
export function toMessageFacts(message: gmail_v1.Schema$Message): MessageFacts {
  return {
    provider: 'gmail',
    messageId: message.id ?? '',
    threadId: message.threadId ?? message.id ?? '',
    internetMessageId: headerOf(message, 'Message-ID') || null,
    from: headerOf(message, 'From'),
    to: splitAddressList(headerOf(message, 'To')),
    cc: splitAddressList(headerOf(message, 'Cc')),
    subject: headerOf(message, 'Subject'),
    snippet: decodeEntities(message.snippet ?? ''),
  };
}

/** A message read with `format: full`: text/plain decoded, text/html kept raw, attachment names and sizes. */
export function toLogMessage(message: gmail_v1.Schema$Message): LogMessageInput {
  const parts = flattenParts(message.payload);
  const plain = parts.find((p) => p.mimeType === 'text/plain' && !p.filename && p.body?.data);
  const html = parts.find((p) => p.mimeType === 'text/html' && !p.filename && p.body?.data);
  const from = headerOf(message, 'From');
  const bodyHtml = html ? decodeBase64Url(html.body?.data) : null;
  return {
    internetMessageId: headerOf(message, 'Message-ID') || null,
    providerMessageId: message.id ?? '',
    from,
    fromName: displayNameOf(from),
    to: splitAddressList(headerOf(message, 'To')),
    cc: splitAddressList(headerOf(message, 'Cc')),
    sentAt: message.internalDate && /^\d+$/.test(message.internalDate) ? new Date(Number(message.internalDate)).toISOString() : null,
    subject: headerOf(message, 'Subject'),
    bodyText: plain ? decodeBase64Url(plain.body?.data) : bodyHtml ? htmlToText(bodyHtml) : '',
    bodyHtml,
    attachments: parts.filter((p) => p.filename).map((p) => ({ name: p.filename as string, size: p.body?.size ?? 0 })),
  };
}

function flattenParts(part: Part | undefined): Part[] {
  if (!part) return [];
  return [part, ...(part.parts ?? []).flatMap(flattenParts)];
}

/** Gmail bodies are base64url (padding optional). */
export function decodeBase64Url(data: string | null | undefined): string {
  return data ? Buffer.from(data.replace(/=+$/, ''), 'base64url').toString('utf8') : '';
}

/** Text of an HTML-only mail, for search and the timeline; the raw HTML is stored beside it. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  return s.replace(/&(#x?[0-9a-f]+|[a-z]+|#39);/gi, (m, e: string) => {
    const key = e.toLowerCase();
    if (named[key]) return named[key];
    if (key.startsWith('#x')) return String.fromCodePoint(parseInt(key.slice(2), 16) || 32);
    if (key.startsWith('#')) return String.fromCodePoint(Number(key.slice(1)) || 32);
    return m;
  });
}
