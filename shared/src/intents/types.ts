/** Inputs of intent detection, and the working view of a message the detectors share. */
import type { TIntentSuggestion } from '../schemas/intents';

export type { TIntentSuggestion } from '../schemas/intents';

export interface MailAddress {
  name?: string | null;
  address: string;
}

/** The message as received: only what the detectors read. */
export interface IntentMessage {
  subject: string;
  bodyText: string;
  from: MailAddress;
  to?: MailAddress[];
  cc?: MailAddress[];
  /** ISO 8601 instant. */
  receivedAt: string;
}

export interface ContextInvoice {
  number: string;
  poNumber?: string | null;
  balance?: string | null;
  currency?: string | null;
}

export interface ContextContact {
  name?: string | null;
  email?: string | null;
  role?: string | null;
}

/** What the org knows: its time zone and own domains, and the matched customer when there is one. */
export interface IntentContext {
  timeZone: string;
  /** The org's own mail domains: messages from them carry no intent. */
  orgDomains?: string[];
  customer?: { currency?: string | null; invoices: ContextInvoice[]; contacts?: ContextContact[] } | null;
}

/** A stretch of the subject or of the new text, with its offset in that field. */
export interface Segment {
  field: 'subject' | 'body';
  start: number;
  text: string;
}

/** Everything a detector needs, computed once per message. */
export interface Reading {
  message: IntentMessage;
  context: IntentContext;
  /** The received day in the org's time zone (YYYY-MM-DD). */
  today: string;
  /** The new text (quoted reply, forwarded content and bounce copies removed). */
  newText: string;
  /** New text before the signature / sign-off. */
  content: string;
  /** Sentences of the subject and of `content`. */
  segments: Segment[];
  /** The customer's invoices named in the subject (for "this invoice"). */
  subjectInvoices: string[];
  /** The customer's invoices named anywhere in `content` or the subject. */
  messageInvoices: string[];
  /** Preferred currency for a bare `$`. */
  dollarCurrency: string;
}

export type Detector = (reading: Reading) => TIntentSuggestion[];
