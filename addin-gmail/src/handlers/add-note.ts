import { ZCreateNoteRequest } from '@shared/schemas';
import { createNote } from '../../../api/src/services/notes/create-note';
import { backToRoot } from '../cards/responses';
import { formString } from '../event';
import { param, parseForm, type GmailHandler } from './context';
import { customerView } from './views';

/** Adds a note to the customer's record (viewers may, like on /v1). */
export const handleAddNote: GmailHandler = async (event, ctx) => {
  const customerId = param(ctx, 'customerId');
  const input = parseForm(ZCreateNoteRequest, { body: formString(event, 'body') ?? '' });
  await createNote(ctx.service, customerId, input);
  return backToRoot(await customerView(ctx, event, customerId), 'Note added');
};
