import { showCard } from '../cards/responses';
import type { GmailHandler } from './context';
import { messageView } from './views';

/** Contextual trigger (a message is opened): read its headers, match, show the customer. */
export const handleMessageOpen: GmailHandler = async (_event, ctx) => showCard(await messageView(ctx, await ctx.mail.openMessage()));
