import type { TSyncInvoice } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invoices } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { changedFields, customersByRef, duplicateErrors, missingCustomer, pick, throwIfInvalid, type UpsertOutcome } from './ledger-lookups';
import { writeLedgerAudit, type LedgerChange } from './write-ledger-audit';

type InvoiceRow = typeof invoices.$inferSelect;

/** Upserts invoices by external reference in one transaction; a repeat is a no-op. */
export async function upsertInvoices(ctx: ServiceContext, items: readonly TSyncInvoice[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const owners = await customersByRef(tx, ctx.orgId, items.map((i) => i.customerRef));
    const stored = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, ctx.orgId), inArray(invoices.externalRef, items.map((i) => i.externalRef))));
    const byRef = new Map(stored.map((r) => [r.externalRef ?? '', r]));
    throwIfInvalid([...checkInvoices(items, owners), ...(await numberClashes(tx, ctx.orgId, items))]);

    const fresh = items.filter((i) => !byRef.has(i.externalRef));
    if (fresh.length) await tx.insert(invoices).values(fresh.map((i) => ({ orgId: ctx.orgId, ...columns(i, owners.get(i.customerRef)!.id) })));
    const updates: LedgerChange[] = [];
    for (const item of items) {
      const row = byRef.get(item.externalRef);
      if (!row) continue;
      const changes = changedFields(row as Record<string, unknown>, columns(item, owners.get(item.customerRef)!.id) as Partial<InvoiceRow>);
      if (Object.keys(changes).length === 0) continue;
      await tx.update(invoices).set({ ...changes, updatedAt: new Date() }).where(eq(invoices.id, row.id));
      updates.push({ entityId: row.id, customerId: row.customerId, before: pick(row as Record<string, unknown>, changes), after: changes });
    }
    const outcome = { created: fresh.length, updated: updates.length, unchanged: items.length - fresh.length - updates.length };
    await writeLedgerAudit(tx, ctx, 'invoice', outcome, updates);
    return outcome;
  });
}

function columns(item: TSyncInvoice, customerId: string) {
  return {
    customerId,
    externalRef: item.externalRef,
    number: item.number,
    issueDate: item.issueDate,
    dueDate: item.dueDate,
    amount: item.amount,
    currency: item.currency,
    ...(item.poNumber !== undefined ? { poNumber: item.poNumber } : {}),
    ...(item.status !== undefined ? { status: item.status } : {}),
  };
}

function checkInvoices(items: readonly TSyncInvoice[], owners: Map<string, unknown>): FieldError[] {
  const errors = [...duplicateErrors(items, (i) => i.externalRef, 'externalRef'), ...duplicateErrors(items, (i) => i.number, 'number')];
  items.forEach((item, i) => owners.has(item.customerRef) || errors.push(missingCustomer(i, item.customerRef)));
  return errors;
}

/** Invoice numbers are unique in the org: a number stored under another reference is a clash. */
async function numberClashes(tx: Db, orgId: string, items: readonly TSyncInvoice[]): Promise<FieldError[]> {
  const holders = await tx
    .select({ number: invoices.number, ref: invoices.externalRef })
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), inArray(invoices.number, items.map((i) => i.number))));
  const refOf = new Map(holders.map((h) => [h.number, h.ref]));
  return items.flatMap((item, i) => {
    const holder = refOf.get(item.number);
    return holder !== undefined && holder !== item.externalRef
      ? [{ field: `items.${i}.number`, message: `invoice number ${item.number} already belongs to ${holder ? `invoice ${holder}` : 'another invoice'}` }]
      : [];
  });
}
