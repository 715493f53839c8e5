/**
 * The demo data as plain values, before it has database ids: rows refer to each other by
 * local keys (customer refs, invoice keys), which `seedDemo` maps to fresh UUIDs.
 */
import type { DemoContactSpec, DemoCustomerSpec, DemoUserKey } from './demo-directory';

export interface PlannedInvoice {
  key: string;
  customerRef: string;
  number: string;
  externalRef: string;
  issueDate: string;
  dueDate: string;
  /** Minor units. */
  amount: number;
  currency: string;
  poNumber: string | null;
  void: boolean;
  /** Plan-only: when the invoice was fully settled (null while open), for the stories that need it. */
  paidDate: string | null;
  /** Plan-only: payments and credits applied up to as-of. */
  settled: number;
}

export interface PlannedPayment {
  key: string;
  customerRef: string;
  amount: number;
  currency: string;
  receivedDate: string;
  method: string;
  reference: string;
  externalRef: string;
  allocations: Array<{ invoiceKey: string; amount: number }>;
}

export interface PlannedCreditNote {
  customerRef: string;
  invoiceKey: string | null;
  number: string;
  issueDate: string;
  amount: number;
  currency: string;
  reason: string;
}

export interface PlannedLedger {
  invoices: PlannedInvoice[];
  payments: PlannedPayment[];
  creditNotes: PlannedCreditNote[];
}

export interface PlannedDispute {
  customerRef: string;
  invoiceKeys: string[];
  reason: 'pricing' | 'quantity' | 'quality' | 'not_received' | 'duplicate' | 'tax' | 'terms' | 'other';
  description: string;
  amount: number;
  currency: string;
  status: 'open' | 'resolved' | 'rejected';
  owner: DemoUserKey;
  openedBy: DemoUserKey;
  openedAt: string;
  resolutionNote: string | null;
  resolvedBy: DemoUserKey | null;
  resolvedAt: string | null;
}

export interface PlannedPromise {
  customerRef: string;
  amount: number;
  currency: string;
  madeOn: string;
  promisedDate: string;
  status: 'open' | 'kept' | 'broken';
  note: string;
  invoiceKeys: string[];
  createdBy: DemoUserKey;
  createdAt: string;
  statusChangedAt: string | null;
}

export interface PlannedHold {
  customerRef: string;
  until: string;
  reason: string;
  setBy: DemoUserKey;
  createdAt: string;
  clearedBy: DemoUserKey | null;
  clearedAt: string | null;
}

export interface MailAddress {
  name: string;
  address: string;
}

export interface PlannedMessage {
  internetMessageId: string;
  providerMessageId: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  sentAt: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  attachments: Array<{ name: string; size: number }>;
}

export interface PlannedThread {
  key: string;
  customerRef: string;
  provider: 'outlook' | 'gmail';
  providerThreadId: string;
  subject: string;
  loggedBy: DemoUserKey;
  loggedAt: string;
  messages: PlannedMessage[];
}

export interface PlannedNote {
  customerRef: string;
  threadKey: string | null;
  body: string;
  author: DemoUserKey;
  createdAt: string;
}

export interface DemoPlan {
  asOf: string;
  customers: Array<{ spec: DemoCustomerSpec; contacts: DemoContactSpec[] }>;
  ledger: PlannedLedger;
  disputes: PlannedDispute[];
  promises: PlannedPromise[];
  holds: PlannedHold[];
  threads: PlannedThread[];
  notes: PlannedNote[];
}
