/** The sandbox's MailReader: a demo mailbox item stands in for the Gmail API. */
import { AppError } from '../../../api/src/lib/errors';
import type { DemoMailboxItem } from '../../../api/src/seed/demo-mailbox';
import { DEMO_THREADS } from '../../../api/src/seed/demo-threads';
import type { MailReader } from '../handlers/context';
import type { MessageFacts } from '../gmail/parse-message';

const address = (a: { name: string; address: string }) => (a.name ? `"${a.name.replace(/"/g, '')}" <${a.address}>` : a.address);

/** The demo item as the facts a metadata read would give; seeded threads keep the provider they were logged with. */
export function demoMessageFacts(item: DemoMailboxItem): MessageFacts {
  const seeded = Object.values(DEMO_THREADS).find((t) => t.id === item.conversationId);
  return {
    provider: seeded?.provider ?? 'gmail',
    messageId: item.id,
    threadId: item.conversationId,
    internetMessageId: item.internetMessageId,
    from: address(item.from),
    to: item.to.map(address),
    cc: item.cc.map(address),
    subject: item.subject,
    snippet: item.bodyText,
  };
}

/** Reads the demo item; logging is not part of a preview. */
export function demoMailReader(item: DemoMailboxItem): MailReader {
  return {
    openMessage: async () => demoMessageFacts(item),
    threadMessages: async () => {
      throw new AppError('bad_request', 'The sandbox shows cards; it does not log threads.');
    },
  };
}
