/**
 * Card JSON types: googleapis' Google Apps Card v1 schema (the same card framework
 * Gmail add-ons render), plus the add-on response envelopes googleapis does not type.
 * @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes#create_json_response_objects
 */
import type { chat_v1 } from 'googleapis/build/src/apis/chat/index.js';

export type Card = chat_v1.Schema$GoogleAppsCardV1Card;
export type CardSection = chat_v1.Schema$GoogleAppsCardV1Section;
export type CardWidget = chat_v1.Schema$GoogleAppsCardV1Widget;
export type CardButton = chat_v1.Schema$GoogleAppsCardV1Button;
export type CardAction = chat_v1.Schema$GoogleAppsCardV1Action;
export type SelectionItem = chat_v1.Schema$GoogleAppsCardV1SelectionItem;

/** One step of card navigation; a response may chain several (pop, then update). */
export interface Navigation {
  pushCard?: Card;
  updateCard?: Card;
  popToRoot?: boolean;
  popCard?: boolean;
}

/** Inserts HTML where the cursor is in the open draft. */
export interface GmailDraftAction {
  updateDraftActionMarkup: {
    updateBody: {
      insertContents: Array<{ content: string; contentType: 'TEXT' | 'MUTABLE_HTML' | 'IMMUTABLE_HTML' }>;
      type: 'IN_PLACE_INSERT';
    };
  };
}

/** The body of every response: what to show (navigations, notification) or do in the host app. */
export interface RenderAction {
  action?: { navigations?: Navigation[]; notification?: { text: string } };
  hostAppAction?: { gmailAction: GmailDraftAction };
}

/** Homepage, contextual and compose triggers answer a bare render action. */
export type TriggerResponse = RenderAction;

/** Button actions answer `{ renderActions: … }`. */
export interface ActionResponse {
  renderActions: RenderAction;
}

export type GmailResponse = TriggerResponse | ActionResponse;

/** Builds the action a button posts to: endpoint URL plus signed parameters. */
export type ActionLinker = (action: import('../endpoints').GmailAction, params?: Record<string, string>) => CardAction;
