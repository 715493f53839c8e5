/** The MailReader of a real Google request: the open message through the Gmail API, client made on first use. */
import { AppError } from '../../../api/src/lib/errors';
import type { TGmailEvent } from '../event';
import type { MailReader } from '../handlers/context';
import { createGmailClient, type GmailClient } from './gmail-client';
import { readMessageFacts, readThreadMessages } from './read-message';

/** Reads what the event points at with the event's own tokens. */
export function gmailMailReader(gmailApiRoot: string, event: TGmailEvent): MailReader {
  let client: Promise<GmailClient> | undefined;
  const api = () =>
    (client ??= createGmailClient(gmailApiRoot, { userOAuthToken: event.authorizationEventObject.userOAuthToken, messageAccessToken: event.gmail?.accessToken }));
  return {
    openMessage: async () => {
      const id = event.gmail?.messageId;
      if (!id) throw new AppError('bad_request', 'This event has no open message (gmail.messageId is missing).');
      return readMessageFacts(await api(), id);
    },
    threadMessages: async (facts) => readThreadMessages(await api(), facts),
  };
}
