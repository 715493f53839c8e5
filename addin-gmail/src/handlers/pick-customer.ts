import { updateCard } from '../cards/responses';
import { param, type GmailHandler } from './context';
import { composeView, customerView, messageView, recipientsOf } from './views';

/** A customer chosen from the picker or search results, shown where the user is (message, draft, homepage). */
export const handlePickCustomer: GmailHandler = async (event, ctx) => {
  const customerId = param(ctx, 'customerId');
  const surface = ctx.params.surface ?? 'home';
  if (surface === 'compose') return updateCard(await composeView(ctx, recipientsOf(event), customerId));
  if (surface === 'message' && event.gmail?.messageId) return updateCard(await messageView(ctx, await ctx.mail.openMessage(), customerId));
  return updateCard(await customerView(ctx, { ...event, gmail: undefined }, customerId));
};
