import { showCard } from '../cards/responses';
import type { GmailHandler } from './context';
import { composeView, recipientsOf } from './views';

/** Compose trigger: the recipients' customer and the statement button. */
export const handleComposeOpen: GmailHandler = async (event, ctx) => showCard(await composeView(ctx, recipientsOf(event)));
