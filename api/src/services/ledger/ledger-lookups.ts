/** Look-ups shared by the ledger upserts: records by external reference, batch checks, errors. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customers, invoices } from '../../db/schema';
import { AppError, type FieldError } from '../../lib/errors';

/** How many records each kind of upsert created, updated and left as they were. */
export interface UpsertOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

export interface CustomerRefRow {
  id: string;
  currency: string;
}

export interface InvoiceRefRow {
  id: string;
  customerId: string;
  currency: string;
}

const distinct = (refs: Iterable<string | null | undefined>) => [...new Set([...refs].filter((r): r is string => typeof r === 'string'))];

/** The org's customers with these external references (others' are invisible). */
export async function customersByRef(db: Db, orgId: string, refs: Iterable<string | null | undefined>): Promise<Map<string, CustomerRefRow>> {
  const wanted = distinct(refs);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ ref: customers.externalRef, id: customers.id, currency: customers.currency })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), inArray(customers.externalRef, wanted)));
  return new Map(rows.map((r) => [r.ref ?? '', { id: r.id, currency: r.currency }]));
}

/** The org's invoices with these external references. */
export async function invoicesByRef(db: Db, orgId: string, refs: Iterable<string | null | undefined>): Promise<Map<string, InvoiceRefRow>> {
  const wanted = distinct(refs);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ ref: invoices.externalRef, id: invoices.id, customerId: invoices.customerId, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), inArray(invoices.externalRef, wanted)));
  return new Map(rows.map((r) => [r.ref ?? '', { id: r.id, customerId: r.customerId, currency: r.currency }]));
}

/** `items.<i>.<field>` errors for every repeat of a key within the batch. */
export function duplicateErrors<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined, field: string): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (key == null) return;
    if (seen.has(key)) errors.push({ field: `items.${i}.${field}`, message: `appears twice in the batch: ${key}` });
    seen.add(key);
  });
  return errors;
}

/** An `items.<i>.<field>` error for a customer reference not found in the org. */
export function missingCustomer(i: number, ref: string): FieldError {
  return { field: `items.${i}.customerRef`, message: `no customer with external reference ${ref}` };
}

/** Throws one 422 naming every bad field (the first 50), so nothing is stored. */
export function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  const more = errors.length > 50 ? ` (showing 50 of ${errors.length})` : '';
  throw new AppError('validation_failed', `The batch has invalid records${more}; nothing was stored`, errors.slice(0, 50));
}

/** The fields of `next` that differ from `current` (deep equality on arrays), for diffs and audit. */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    const value = next[key];
    if (value === undefined || value === current[key]) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[key])) changes[key] = value;
  }
  return changes;
}

/** The subset of `row` named by the keys of `fields`: an audit row's "before". */
export function pick<T extends Record<string, unknown>>(row: T, fields: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, row[k]])) as Partial<T>;
}
