/**
 * The Payside schema. Every tenant row carries `org_id`; money is integer minor
 * units (bigint) beside an ISO 4217 code; business dates are `date`, events
 * `timestamptz`. drizzle-kit generates the committed migrations from this file.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });
const money = (name: string) => bigint(name, { mode: 'number' });
const currency = () => char('currency', { length: 3 }).notNull();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum('user_role', ['admin', 'collector', 'viewer']);
export const contactRole = pgEnum('contact_role', ['payer', 'ap', 'approver', 'billing', 'other']);
export const invoiceStatus = pgEnum('invoice_status', ['issued', 'void']);
export const disputeStatus = pgEnum('dispute_status', ['open', 'resolved', 'rejected']);
export const disputeReason = pgEnum('dispute_reason', [
  'pricing',
  'quantity',
  'quality',
  'not_received',
  'duplicate',
  'tax',
  'terms',
  'other',
]);
export const promiseStatus = pgEnum('promise_status', ['open', 'kept', 'broken']);
export const mailProvider = pgEnum('mail_provider', ['outlook', 'gmail']);

export const organizations = pgTable('organizations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('UTC'),
  baseCurrency: char('base_currency', { length: 3 }).notNull().default('USD'),
  /** The org's own mail domains: never used to match a customer. */
  ownDomains: text('own_domains').array().notNull().default(sql`'{}'::text[]`),
  /** Fallback delay after the due date for customers with thin history. */
  typicalDelayDays: integer('typical_delay_days').notNull().default(7),
  /** Microsoft Entra tenant (directory) id: Outlook SSO tokens of this tenant map to this org's users. */
  entraTenantId: text('entra_tenant_id').unique(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: orgId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_org_email_uq').on(t.orgId, t.email)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the secret, hex. The secret itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, to recognise it in listings. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_org_idx').on(t.orgId)],
);

export const customers = pgTable(
  'customers',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    externalRef: text('external_ref'),
    currency: currency(),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    creditLimit: money('credit_limit'),
    tier: text('tier'),
    collectorId: uuid('collector_id').references(() => users.id, { onDelete: 'set null' }),
    salesOwnerId: uuid('sales_owner_id').references(() => users.id, { onDelete: 'set null' }),
    csOwnerId: uuid('cs_owner_id').references(() => users.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    parentId: uuid('parent_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_org_ref_uq').on(t.orgId, t.externalRef),
    index('customers_org_name_idx').on(t.orgId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
  ],
);

/** A customer's mail domains (registrable, lower case), for matching by domain. */
export const customerDomains = pgTable(
  'customer_domains',
  {
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.domain] }),
    index('customer_domains_org_domain_idx').on(t.orgId, t.domain),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower case. */
    email: text('email').notNull(),
    phone: text('phone'),
    role: contactRole('role').notNull().default('other'),
    isPrimaryPayer: boolean('is_primary_payer').notNull().default(false),
    notes: text('notes'),
    externalRef: text('external_ref'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contacts_customer_email_uq').on(t.customerId, t.email),
    index('contacts_org_email_idx').on(t.orgId, t.email),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    externalRef: text('external_ref'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    currency: currency(),
    poNumber: text('po_number'),
    /**
     * Number and PO number compacted for matching (what `compactReference` does):
     * stored columns rather than expression indexes, because under row-level
     * security a filter calling non-leakproof functions (upper, regexp_replace)
     * cannot use an index.
     */
    numberKey: text('number_key').generatedAlwaysAs(sql`upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g'))`),
    poKey: text('po_key').generatedAlwaysAs(sql`upper(regexp_replace(po_number, '[^A-Za-z0-9]', '', 'g'))`),
    status: invoiceStatus('status').notNull().default('issued'),
    /**
     * The day the invoice's settlements (allocations and linked credit notes, in date order)
     * first covered its amount; null while any of it is owed. Kept current by triggers on
     * every table that moves it (migration 0004), so a panel reads only the invoices that
     * are open or recently paid instead of a customer's whole history.
     */
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_org_number_uq').on(t.orgId, t.number),
    uniqueIndex('invoices_org_ref_uq').on(t.orgId, t.externalRef),
    // Covering (INCLUDE id, number, dates, amount, currency, status, PO; migration 0004, which drizzle
    // cannot express): a customer's ledger is read from contiguous index pages, not from heap pages
    // scattered over years of invoicing.
    index('invoices_org_customer_idx').on(t.orgId, t.customerId, t.paidOn),
    index('invoices_org_number_key_idx').on(t.orgId, t.numberKey),
    index('invoices_org_po_key_idx').on(t.orgId, t.poKey),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
    currency: currency(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    method: text('method'),
    reference: text('reference'),
    externalRef: text('external_ref'),
    /** The sum of this payment's allocations, kept current by a trigger (migration 0004). */
    allocatedAmount: money('allocated_amount').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payments_org_ref_uq').on(t.orgId, t.externalRef),
    // Covering (INCLUDE id, amount, currency, allocated_amount; migration 0004), like the invoices'.
    index('payments_org_customer_idx').on(t.orgId, t.customerId, t.receivedDate),
    // Payments with money not yet allocated (cash on account): few, and every panel wants them.
    index('payments_org_customer_unallocated_idx').on(t.orgId, t.customerId).where(sql`allocated_amount < amount`),
  ],
);

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    orgId: orgId(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paymentId, t.invoiceId] }),
    index('payment_allocations_invoice_idx').on(t.invoiceId),
  ],
);

export const creditNotes = pgTable(
  'credit_notes',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
    number: text('number').notNull(),
    externalRef: text('external_ref'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    currency: currency(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_notes_org_ref_uq').on(t.orgId, t.externalRef),
    index('credit_notes_org_customer_idx').on(t.orgId, t.customerId, t.invoiceId),
  ],
);

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    reason: disputeReason('reason').notNull(),
    description: text('description'),
    amount: money('amount').notNull(),
    currency: currency(),
    status: disputeStatus('status').notNull().default('open'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('disputes_org_customer_idx').on(t.orgId, t.customerId, t.status)],
);

export const disputeInvoices = pgTable(
  'dispute_invoices',
  {
    orgId: orgId(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.disputeId, t.invoiceId] }),
    index('dispute_invoices_invoice_idx').on(t.invoiceId),
  ],
);

export const promises = pgTable(
  'promises',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
    currency: currency(),
    promisedDate: date('promised_date', { mode: 'string' }).notNull(),
    /** Business day the promise was made: payments from this day on count towards it. */
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    status: promiseStatus('status').notNull().default('open'),
    note: text('note'),
    invoiceIds: uuid('invoice_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [index('promises_org_customer_idx').on(t.orgId, t.customerId, t.status)],
);

export const holds = pgTable(
  'holds',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Don't chase until this business date (inclusive). */
    until: date('until', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    clearedBy: uuid('cleared_by').references(() => users.id, { onDelete: 'set null' }),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [index('holds_org_customer_idx').on(t.orgId, t.customerId)],
);

export const threads = pgTable(
  'threads',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    provider: mailProvider('provider').notNull(),
    providerThreadId: text('provider_thread_id').notNull(),
    subject: text('subject').notNull().default(''),
    loggedBy: uuid('logged_by').references(() => users.id, { onDelete: 'set null' }),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (t) => [
    // Thread id before provider: under RLS the enum comparison (enum_eq is not leakproof) cannot bound an index scan.
    uniqueIndex('threads_org_thread_provider_uq').on(t.orgId, t.providerThreadId, t.provider),
    index('threads_org_customer_idx').on(t.orgId, t.customerId, t.loggedAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    orgId: orgId(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    /** Idempotency key: the RFC 5322 Message-ID, else `provider:<provider message id>`. */
    messageKey: text('message_key').notNull(),
    internetMessageId: text('internet_message_id'),
    providerMessageId: text('provider_message_id'),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    toAddresses: text('to_addresses').array().notNull().default(sql`'{}'::text[]`),
    ccAddresses: text('cc_addresses').array().notNull().default(sql`'{}'::text[]`),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    subject: text('subject').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    /** Untrusted, stored raw, never rendered unsanitised. */
    bodyHtml: text('body_html'),
    attachments: jsonb('attachments').$type<Array<{ name: string; size: number }>>().notNull().default([]),
    loggedBy: uuid('logged_by').references(() => users.id, { onDelete: 'set null' }),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_thread_key_uq').on(t.threadId, t.messageKey),
    index('messages_org_thread_idx').on(t.orgId, t.threadId, t.sentAt),
  ],
);

export const notes = pgTable(
  'notes',
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id').references(() => threads.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('notes_org_customer_idx').on(t.orgId, t.customerId, t.createdAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who, as text, so the trail survives the user's deletion (email, or "system", "cli"). */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The customer the change concerns, for the customer's audit trail. */
    customerId: uuid('customer_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('audit_log_org_customer_idx').on(t.orgId, t.customerId, t.at),
  ],
);
