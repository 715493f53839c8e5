/** The data a scripted mailbox runs on: the same shape as the demo mailbox's items. */

export interface FakeAddress {
  name: string;
  address: string;
}

export interface FakeItem {
  id: string;
  mode: 'read' | 'compose';
  conversationId: string | null;
  internetMessageId: string | null;
  from: FakeAddress;
  to: FakeAddress[];
  cc: FakeAddress[];
  subject: string;
  bodyText: string;
  /** What body.getAsync(Html) answers; by default the text as simple HTML, like Outlook does for plain-text mail. */
  bodyHtml?: string;
  receivedAt: string;
  attachments?: Array<{ name: string; size: number }>;
}

export interface FakeMailboxData {
  user: { name: string; email: string };
  locale?: string;
  items: FakeItem[];
  /** The item selected when the pane opens. */
  index?: number;
}

/** What the scripted mailbox exposes on `window.__paysideOutlook` to drive it. */
export interface FakeMailboxControl {
  /** Selects another item, firing ItemChanged like a pinned pane sees. */
  select(index: number): void;
  /** HTML inserted into the compose body, in order. */
  inserted: string[];
  /** The current item's index. */
  index(): number;
}

declare global {
  interface Window {
    __paysideMailboxData?: FakeMailboxData;
    __paysideOutlook?: FakeMailboxControl;
  }
}
