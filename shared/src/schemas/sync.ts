/**
 * Ledger sync: customers, contacts, invoices, payments and credit notes pushed from the
 * accounting system, upserted by their external reference. Money is integer minor units
 * beside an ISO 4217 code; records refer to each other by external references.
 */
import { z } from 'zod';
import { ZCurrency, ZEmail, ZIsoDate, ZPositiveMinorUnits } from './common';
import { ZContactRole } from './contacts';

/** Items per sync request (and per batch of a CSV import). */
export const SYNC_MAX_BATCH = 1000;

/** The accounting system's id of a record, unique per organisation and kind. */
export const ZExternalRef = z.string().trim().min(1).max(200).meta({ example: 'CUST-0042' });
const text = (max: number) => z.string().trim().max(max);

export const ZSyncCustomer = z
  .object({
    externalRef: ZExternalRef,
    name: text(300).min(1),
    currency: ZCurrency,
    paymentTermsDays: z.number().int().min(0).max(366).optional(),
    creditLimit: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional().describe('Minor units of the customer currency'),
    tier: text(100).nullable().optional(),
    tags: z.array(text(100).min(1)).max(50).optional(),
    domains: z.array(text(253).toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'expected a domain such as acme.com')).max(50).optional(),
    parentRef: ZExternalRef.nullable().optional().describe('External reference of the parent customer (in the organisation or earlier in the batch)'),
  })
  .meta({ id: 'SyncCustomer' });
export type TSyncCustomer = z.infer<typeof ZSyncCustomer>;

export const ZSyncContact = z
  .object({
    externalRef: ZExternalRef.optional().describe('Matched by this when given, else by (customer, email)'),
    customerRef: ZExternalRef,
    name: text(200).min(1),
    email: ZEmail,
    phone: text(50).nullable().optional(),
    role: ZContactRole.optional(),
    isPrimaryPayer: z.boolean().optional(),
    notes: z.string().max(5000).nullable().optional(),
  })
  .meta({ id: 'SyncContact' });
export type TSyncContact = z.infer<typeof ZSyncContact>;

export const ZSyncInvoice = z
  .object({
    externalRef: ZExternalRef,
    customerRef: ZExternalRef,
    number: text(100).min(1),
    issueDate: ZIsoDate,
    dueDate: ZIsoDate,
    amount: ZPositiveMinorUnits,
    currency: ZCurrency,
    poNumber: text(100).nullable().optional(),
    status: z.enum(['issued', 'void']).optional(),
  })
  .superRefine((invoice, ctx) => {
    if (invoice.dueDate < invoice.issueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'must be on or after issueDate' });
  })
  .meta({ id: 'SyncInvoice' });
export type TSyncInvoice = z.infer<typeof ZSyncInvoice>;

export const ZSyncAllocation = z
  .object({ invoiceRef: ZExternalRef, amount: ZPositiveMinorUnits.describe('Minor units of the invoice currency (= the payment currency)') })
  .meta({ id: 'SyncAllocation' });

export const ZSyncPayment = z
  .object({
    externalRef: ZExternalRef,
    customerRef: ZExternalRef,
    amount: ZPositiveMinorUnits,
    currency: ZCurrency,
    receivedDate: ZIsoDate,
    method: text(50).nullable().optional(),
    reference: text(200).nullable().optional(),
    allocations: z.array(ZSyncAllocation).max(500).optional().describe('Omitted: keep the stored allocations; []: all unallocated'),
  })
  .superRefine((payment, ctx) => {
    const allocations = payment.allocations ?? [];
    const total = allocations.reduce((sum, a) => sum + a.amount, 0);
    if (total > payment.amount) ctx.addIssue({ code: 'custom', path: ['allocations'], message: `allocations add up to ${total}, more than the amount ${payment.amount}` });
    const seen = new Set<string>();
    allocations.forEach((a, i) => {
      if (seen.has(a.invoiceRef)) ctx.addIssue({ code: 'custom', path: ['allocations', i, 'invoiceRef'], message: 'the same invoice twice' });
      seen.add(a.invoiceRef);
    });
  })
  .meta({ id: 'SyncPayment' });
export type TSyncPayment = z.infer<typeof ZSyncPayment>;

export const ZSyncCreditNote = z
  .object({
    externalRef: ZExternalRef,
    customerRef: ZExternalRef,
    invoiceRef: ZExternalRef.nullable().optional().describe('The invoice it is applied to, if any'),
    number: text(100).min(1),
    issueDate: ZIsoDate,
    amount: ZPositiveMinorUnits,
    currency: ZCurrency,
    reason: text(500).nullable().optional(),
  })
  .meta({ id: 'SyncCreditNote' });
export type TSyncCreditNote = z.infer<typeof ZSyncCreditNote>;

/** A batch of records of one kind: all stored, or none. */
export const syncBatch = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item).min(1).max(SYNC_MAX_BATCH).describe(`1–${SYNC_MAX_BATCH} records`) });

export const ZSyncResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().describe('Records identical to what is stored: nothing written'),
  })
  .meta({ id: 'SyncResult' });
export type TSyncResult = z.infer<typeof ZSyncResult>;

/** The record kinds, as they appear in `/v1/sync/{kind}` and `payside import <kind>`. */
export const LEDGER_KINDS = ['customers', 'contacts', 'invoices', 'payments', 'credit-notes'] as const;
export type TLedgerKind = (typeof LEDGER_KINDS)[number];
