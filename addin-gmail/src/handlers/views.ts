/** The cards handlers re-render: a message's card, a customer's card, the compose card. Same services as /v1. */
import { normalizeEmail } from '@shared/matching';
import type { TContextResponse } from '@shared/schemas';
import { getContext } from '../../../api/src/services/context/get-context';
import { getCustomerPanel } from '../../../api/src/services/customers/get-customer-panel';
import type { Card } from '../cards/card-types';
import { composeCard } from '../cards/compose-card';
import { customerCard } from '../cards/customer-card';
import { messageCard } from '../cards/message-card';
import type { Sender } from '../cards/navigation-cards';
import type { TGmailEvent } from '../event';
import { displayNameOf } from '../gmail/address-list';
import type { MessageFacts } from '../gmail/parse-message';
import type { GmailHandlerContext } from './context';

/** The sender of the open message, when it is an email address. */
export function senderOf(facts: MessageFacts): Sender | null {
  const email = normalizeEmail(facts.from);
  return email ? { email, name: displayNameOf(facts.from) } : null;
}

/** Matches the message (or uses the picked customer) and builds its card. */
export async function messageView(ctx: GmailHandlerContext, facts: MessageFacts, customerId?: string): Promise<Card> {
  const context = await getContext(ctx.db, ctx.principal, {
    provider: facts.provider,
    threadId: facts.threadId || null,
    internetMessageId: facts.internetMessageId,
    from: facts.from,
    to: facts.to,
    cc: facts.cc,
    subject: facts.subject,
    bodyText: facts.snippet,
    customerId,
  });
  return messageCard({ context, sender: senderOf(facts), role: ctx.principal.role, link: ctx.link });
}

/** The draft's recipients (compose events carry them with draftAccess METADATA). */
export const recipientsOf = (event: TGmailEvent) => ({ to: event.gmail?.toRecipients ?? [], cc: event.gmail?.ccRecipients ?? [] });

/** The recipients' customer (or the picked one) for the compose card. */
export async function composeContext(ctx: GmailHandlerContext, recipients: { to: string[]; cc: string[] }, customerId?: string): Promise<TContextResponse> {
  return getContext(ctx.db, ctx.principal, { provider: 'gmail', threadId: null, from: '', ...recipients, subject: '', bodyText: '', customerId });
}

/** The compose card. */
export async function composeView(ctx: GmailHandlerContext, recipients: { to: string[]; cc: string[] }, customerId?: string): Promise<Card> {
  return composeCard(await composeContext(ctx, recipients, customerId), ctx.link);
}

/** The customer's card: with the open message's state when there is one, on its own otherwise. */
export async function customerView(ctx: GmailHandlerContext, event: TGmailEvent, customerId: string): Promise<Card> {
  if (event.gmail?.messageId) return messageView(ctx, await ctx.mail.openMessage(), customerId);
  const panel = await getCustomerPanel(ctx.db, ctx.principal.orgId, customerId);
  return customerCard({ panel, role: ctx.principal.role, link: ctx.link, message: null });
}
