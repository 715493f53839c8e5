/**
 * The response envelopes: triggers answer a bare render action that pushes the card;
 * button actions answer `{ renderActions }` to update the card, go back, notify, or
 * insert into the draft.
 * @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes#create_json_response_objects
 */
import type { ActionResponse, Card, TriggerResponse } from './card-types';

/** Homepage, contextual and compose triggers. */
export const showCard = (card: Card): TriggerResponse => ({ action: { navigations: [{ pushCard: card }] } });

/** Replaces the current card (picks, search results, logging). */
export const updateCard = (card: Card, notification?: string): ActionResponse => ({
  renderActions: { action: { navigations: [{ updateCard: card }], ...(notification ? { notification: { text: notification } } : {}) } },
});

/** Opens a card on top (forms), optionally saying why. */
export const pushCard = (card: Card, notification?: string): ActionResponse => ({
  renderActions: { action: { navigations: [{ pushCard: card }], ...(notification ? { notification: { text: notification } } : {}) } },
});

/** After a form: back to the first card, refreshed, with a confirmation. */
export const backToRoot = (card: Card, notification: string): ActionResponse => ({
  renderActions: { action: { navigations: [{ popToRoot: true }, { updateCard: card }], notification: { text: notification } } },
});

/** A message without changing the card (a form with a mistake keeps what was typed). */
export const notify = (text: string): ActionResponse => ({ renderActions: { action: { notification: { text } } } });

/** Inserts HTML at the cursor in the open draft. */
export const insertIntoDraft = (html: string): ActionResponse => ({
  renderActions: {
    hostAppAction: { gmailAction: { updateDraftActionMarkup: { updateBody: { insertContents: [{ content: html, contentType: 'MUTABLE_HTML' }], type: 'IN_PLACE_INSERT' } } } },
  },
});
