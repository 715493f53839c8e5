/**
 * What already settles invoices, for the ledger invariants the upserts check before writing:
 * an allocation or a credit note never exceeds its invoice's open amount, an invoice's amount
 * never drops below what settles it. Migration 0006 enforces the same in the database.
 */
import { formatMoney } from '@shared/money';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { creditNotes, invoices, paymentAllocations } from '../../db/schema';
import type { FieldError } from '../../lib/errors';

export interface InvoiceSettlement {
  id: string;
  number: string;
  amount: number;
  currency: string;
  /** Allocations and credit notes stored against it, less those the batch states anew. */
  settled: number;
}

/** Rows the batch replaces, so their stored amounts do not count twice. */
export interface Replaced {
  paymentIds?: readonly string[];
  creditNoteIds?: readonly string[];
}

/**
 * Each invoice's amount and what settles it, leaving out the allocations of the payments and
 * the credit notes the batch replaces. Locks the invoice rows, so a concurrent batch settling
 * the same invoices waits for this one rather than reading the same room.
 */
export async function loadInvoiceSettlements(db: Db, orgId: string, invoiceIds: Iterable<string>, replaced: Replaced = {}): Promise<Map<string, InvoiceSettlement>> {
  const ids = [...new Set(invoiceIds)].sort();
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: invoices.id, number: invoices.number, amount: invoices.amount, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), inArray(invoices.id, ids)))
    .orderBy(invoices.id)
    .for('update');
  const allocated = await db
    .select({ invoiceId: paymentAllocations.invoiceId, total: sql<string>`sum(${paymentAllocations.amount})` })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.orgId, orgId), inArray(paymentAllocations.invoiceId, ids), ...(replaced.paymentIds?.length ? [notInArray(paymentAllocations.paymentId, [...replaced.paymentIds])] : [])))
    .groupBy(paymentAllocations.invoiceId);
  const credited = await db
    .select({ invoiceId: creditNotes.invoiceId, total: sql<string>`sum(${creditNotes.amount})` })
    .from(creditNotes)
    .where(and(eq(creditNotes.orgId, orgId), inArray(creditNotes.invoiceId, ids), ...(replaced.creditNoteIds?.length ? [notInArray(creditNotes.id, [...replaced.creditNoteIds])] : [])))
    .groupBy(creditNotes.invoiceId);
  const settled = new Map<string, number>();
  for (const r of [...allocated, ...credited]) if (r.invoiceId) settled.set(r.invoiceId, (settled.get(r.invoiceId) ?? 0) + Number(r.total));
  return new Map(rows.map((r) => [r.id, { ...r, amount: Number(r.amount), settled: settled.get(r.id) ?? 0 }]));
}

/** The open amount left on an invoice, never below zero. */
export const openAmountOf = (invoice: InvoiceSettlement) => Math.max(0, invoice.amount - invoice.settled);

/**
 * Applies `amount` to the invoice in batch order: an error naming `field` when it exceeds the
 * open amount left (the earlier records of the batch counted), else records it as settled.
 */
export function settle(invoice: InvoiceSettlement, amount: number, field: string, what: string): FieldError | null {
  const open = openAmountOf(invoice);
  if (amount > open) return { field, message: `${what} ${formatMoney(amount, invoice.currency)} exceeds the open amount ${formatMoney(open, invoice.currency)} of invoice ${invoice.number}` };
  invoice.settled += amount;
  return null;
}
