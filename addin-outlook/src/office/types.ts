/** The mail item as the pane sees it, independent of Office.js's shapes. */

export interface Address {
  name: string;
  email: string;
}

export interface ReadItem {
  mode: 'read';
  /** Stable id of the selected item, to tell items apart across ItemChanged. */
  key: string;
  conversationId: string | null;
  internetMessageId: string | null;
  itemId: string | null;
  from: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  sentAt: string | null;
  bodyText: string;
  /** The body as Outlook gives it in HTML: untrusted, logged raw; null when it could not be read. */
  bodyHtml: string | null;
  attachments: Array<{ name: string; size: number }>;
}

export interface ComposeItem {
  mode: 'compose';
  key: string;
  conversationId: string | null;
  to: Address[];
  cc: Address[];
  subject: string;
}

export type MailItem = ReadItem | ComposeItem;

export interface MailUser {
  email: string;
  name: string;
  locale: string;
}
