import { ZLogThreadRequest } from '@shared/schemas';
import { logThread } from '../../../api/src/services/threads/log-thread';
import { updateCard } from '../cards/responses';
import { param, parseForm, requireRole, type GmailHandler } from './context';
import { messageView } from './views';

/** The API takes at most 100 messages a call; a longer thread logs its latest 100. */
const MAX_MESSAGES = 100;

/** Logs the open message's thread (idempotent: a second click adds nothing) and shows "Logged to …". */
export const handleLogThread: GmailHandler = async (_event, ctx) => {
  requireRole(ctx, 'collector', 'log threads');
  const customerId = param(ctx, 'customerId');
  const facts = await ctx.mail.openMessage();
  const messages = (await ctx.mail.threadMessages(facts)).slice(-MAX_MESSAGES);
  const request = parseForm(ZLogThreadRequest, { provider: 'gmail', threadId: facts.threadId, customerId, subject: facts.subject, messages });
  const result = await logThread(ctx.service, request);
  const n = result.newMessageCount;
  const text = result.threadCreated
    ? `Logged ${n} ${n === 1 ? 'message' : 'messages'} to ${result.thread.customer.name}`
    : n > 0
      ? `Added ${n} new ${n === 1 ? 'message' : 'messages'} to the log`
      : 'Already logged: nothing new to add';
  return updateCard(await messageView(ctx, facts, result.thread.customer.id), text);
};
