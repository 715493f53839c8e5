import type { TSyncCreditNote } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { creditNotes } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { changedFields, customersByRef, duplicateErrors, invoicesByRef, missingCustomer, pick, throwIfInvalid, type CustomerRefRow, type InvoiceRefRow, type UpsertOutcome } from './ledger-lookups';
import { loadInvoiceSettlements, settle } from './invoice-settlements';
import { writeLedgerAudit, type LedgerChange } from './write-ledger-audit';

type CreditNoteRow = typeof creditNotes.$inferSelect;

/** Upserts credit notes (optionally applied to an invoice) by external reference in one transaction. */
export async function upsertCreditNotes(ctx: ServiceContext, items: readonly TSyncCreditNote[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const owners = await customersByRef(tx, ctx.orgId, items.map((i) => i.customerRef));
    const targets = await invoicesByRef(tx, ctx.orgId, items.map((i) => i.invoiceRef));
    throwIfInvalid(checkCreditNotes(items, owners, targets));

    const stored = await tx.select().from(creditNotes).where(and(eq(creditNotes.orgId, ctx.orgId), inArray(creditNotes.externalRef, items.map((i) => i.externalRef))));
    const byRef = new Map(stored.map((r) => [r.externalRef ?? '', r]));
    throwIfInvalid(await checkSettlements(tx, ctx.orgId, items, targets, byRef));
    const valuesOf = (item: TSyncCreditNote) => columns(item, owners.get(item.customerRef)!.id, item.invoiceRef ? targets.get(item.invoiceRef)!.id : item.invoiceRef);

    const fresh = items.filter((i) => !byRef.has(i.externalRef));
    if (fresh.length) await tx.insert(creditNotes).values(fresh.map((i) => ({ orgId: ctx.orgId, ...valuesOf(i) })));
    const updates: LedgerChange[] = [];
    for (const item of items) {
      const row = byRef.get(item.externalRef);
      if (!row) continue;
      const changes = changedFields(row as Record<string, unknown>, valuesOf(item) as Partial<CreditNoteRow>);
      if (Object.keys(changes).length === 0) continue;
      await tx.update(creditNotes).set(changes).where(eq(creditNotes.id, row.id));
      updates.push({ entityId: row.id, customerId: row.customerId, before: pick(row as Record<string, unknown>, changes), after: changes });
    }
    const outcome = { created: fresh.length, updated: updates.length, unchanged: items.length - fresh.length - updates.length };
    await writeLedgerAudit(tx, ctx, 'credit_note', outcome, updates, fresh.map((i) => owners.get(i.customerRef)!.id));
    return outcome;
  });
}

/** `invoiceId` undefined keeps the stored link; null unlinks. */
function columns(item: TSyncCreditNote, customerId: string, invoiceId: string | null | undefined) {
  return {
    customerId,
    externalRef: item.externalRef,
    number: item.number,
    issueDate: item.issueDate,
    amount: item.amount,
    currency: item.currency,
    ...(invoiceId !== undefined ? { invoiceId } : {}),
    ...(item.reason !== undefined ? { reason: item.reason } : {}),
  };
}

/**
 * A credit note never exceeds its invoice's open amount (amount − allocations − other credit
 * notes − this batch's earlier ones); one whose invoice reference is omitted keeps its stored invoice.
 */
async function checkSettlements(tx: Db, orgId: string, items: readonly TSyncCreditNote[], targets: Map<string, InvoiceRefRow>, byRef: Map<string, CreditNoteRow>): Promise<FieldError[]> {
  const invoiceOf = (item: TSyncCreditNote) => (item.invoiceRef === undefined ? byRef.get(item.externalRef)?.invoiceId : item.invoiceRef && targets.get(item.invoiceRef)?.id) ?? null;
  const replacing = items.flatMap((i) => (byRef.has(i.externalRef) ? [byRef.get(i.externalRef)!.id] : []));
  const settlements = await loadInvoiceSettlements(tx, orgId, items.flatMap((i) => invoiceOf(i) ?? []), { creditNoteIds: replacing });
  return items.flatMap((item, i) => {
    const invoiceId = invoiceOf(item);
    const error = invoiceId ? settle(settlements.get(invoiceId)!, item.amount, `items.${i}.amount`, 'the credit note') : null;
    return error ? [error] : [];
  });
}

function checkCreditNotes(items: readonly TSyncCreditNote[], owners: Map<string, CustomerRefRow>, targets: Map<string, InvoiceRefRow>): FieldError[] {
  const errors = duplicateErrors(items, (i) => i.externalRef, 'externalRef');
  items.forEach((item, i) => {
    const owner = owners.get(item.customerRef);
    if (!owner) errors.push(missingCustomer(i, item.customerRef));
    if (!item.invoiceRef) return;
    const field = `items.${i}.invoiceRef`;
    const invoice = targets.get(item.invoiceRef);
    if (!invoice) errors.push({ field, message: `no invoice with external reference ${item.invoiceRef}` });
    else if (owner && invoice.customerId !== owner.id) errors.push({ field, message: `invoice ${item.invoiceRef} belongs to another customer` });
    else if (invoice.currency !== item.currency) errors.push({ field, message: `invoice ${item.invoiceRef} is in ${invoice.currency}, the credit note in ${item.currency}` });
  });
  return errors;
}
