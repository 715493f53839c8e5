/** Reads the open message and its thread through the Gmail API (googleapis). */
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail/index.js';
import { AppError } from '../../../api/src/lib/errors';
import { gmailErrorStatus, type GmailClient } from './gmail-client';
import { toLogMessage, toMessageFacts, type LogMessageInput, type MessageFacts } from './parse-message';

const CARD_HEADERS = ['From', 'To', 'Cc', 'Subject', 'Message-ID'];

/** The headers the card needs (`format: metadata`). */
export async function readMessageFacts(client: GmailClient, messageId: string): Promise<MessageFacts> {
  const res = await callGmail(() =>
    client.api.users.messages.get({ userId: 'me', id: messageId, format: 'metadata', metadataHeaders: CARD_HEADERS }, client.options),
  );
  return toMessageFacts(res.data);
}

/**
 * Every message of the thread (`threads.get`, format full) for logging; when the
 * token only grants the open message (403), that message alone (`messages.get`).
 */
export async function readThreadMessages(client: GmailClient, facts: { messageId: string; threadId: string }): Promise<LogMessageInput[]> {
  let messages: gmail_v1.Schema$Message[];
  try {
    const res = await client.api.users.threads.get({ userId: 'me', id: facts.threadId, format: 'full' }, client.options);
    messages = res.data.messages ?? [];
  } catch (err) {
    if (gmailErrorStatus(err) !== 403) return rethrow(err);
    const res = await callGmail(() => client.api.users.messages.get({ userId: 'me', id: facts.messageId, format: 'full' }, client.options));
    messages = [res.data];
  }
  return messages.map(toLogMessage);
}

async function callGmail<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    return rethrow(err);
  }
}

/** Gmail API failures become clear errors: 401/403 → the add-on lacks access, 404 → the message is gone. */
function rethrow(err: unknown): never {
  const status = gmailErrorStatus(err);
  if (status === 401 || status === 403) throw new AppError('forbidden', 'Gmail did not let Payside read this message. Reopen it and try again.');
  if (status === 404) throw new AppError('not_found', 'Gmail no longer has this message.');
  throw new AppError('bad_request', `Gmail could not be read${status ? ` (HTTP ${status})` : ''}. Try again in a moment.`);
}
