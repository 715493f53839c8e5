import type { TSyncPayment } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import { paymentAllocations, payments } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { settleCustomerPromises } from '../promises/settle-customer-promises';
import { changedFields, customersByRef, duplicateErrors, invoicesByRef, missingCustomer, pick, throwIfInvalid, type CustomerRefRow, type InvoiceRefRow, type UpsertOutcome } from './ledger-lookups';
import { writeLedgerAudit, type LedgerChange } from './write-ledger-audit';

type PaymentRow = typeof payments.$inferSelect;
type Allocation = { invoiceId: string; amount: number };

/**
 * Upserts payments and their allocations by external reference in one transaction (a repeat is
 * a no-op), then settles the affected customers' open promises, so kept ones are stored as kept.
 */
export async function upsertPayments(ctx: ServiceContext, items: readonly TSyncPayment[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const owners = await customersByRef(tx, ctx.orgId, items.map((i) => i.customerRef));
    const targets = await invoicesByRef(tx, ctx.orgId, items.flatMap((i) => (i.allocations ?? []).map((a) => a.invoiceRef)));
    throwIfInvalid(checkPayments(items, owners, targets));

    const stored = await tx.select().from(payments).where(and(eq(payments.orgId, ctx.orgId), inArray(payments.externalRef, items.map((i) => i.externalRef))));
    const storedAllocations = stored.length
      ? await tx.select().from(paymentAllocations).where(inArray(paymentAllocations.paymentId, stored.map((p) => p.id)))
      : [];
    const byRef = new Map(stored.map((r) => [r.externalRef ?? '', r]));
    const allocationsOf = (item: TSyncPayment): Allocation[] | undefined =>
      item.allocations && sortAllocations(item.allocations.map((a) => ({ invoiceId: targets.get(a.invoiceRef)!.id, amount: a.amount })));

    const fresh = items.filter((i) => !byRef.has(i.externalRef));
    const inserted = fresh.length
      ? await tx.insert(payments).values(fresh.map((i) => ({ orgId: ctx.orgId, ...columns(i, owners.get(i.customerRef)!) }))).returning({ id: payments.id, ref: payments.externalRef })
      : [];
    const newAllocations = inserted.flatMap((p) => (allocationsOf(fresh.find((i) => i.externalRef === p.ref)!) ?? []).map((a) => ({ orgId: ctx.orgId, paymentId: p.id, ...a })));
    if (newAllocations.length) await tx.insert(paymentAllocations).values(newAllocations);

    const updates: LedgerChange[] = [];
    const touched = new Set(fresh.map((i) => owners.get(i.customerRef)!.id));
    for (const item of items) {
      const row = byRef.get(item.externalRef);
      if (!row) continue;
      const changes = changedFields(row as Record<string, unknown>, columns(item, owners.get(item.customerRef)!) as Partial<PaymentRow>);
      const before = sortAllocations(storedAllocations.filter((a) => a.paymentId === row.id).map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })));
      const after = allocationsOf(item);
      const allocationsChanged = after !== undefined && JSON.stringify(after) !== JSON.stringify(before);
      if (Object.keys(changes).length) await tx.update(payments).set(changes).where(eq(payments.id, row.id));
      if (allocationsChanged) {
        await tx.delete(paymentAllocations).where(eq(paymentAllocations.paymentId, row.id));
        if (after.length) await tx.insert(paymentAllocations).values(after.map((a) => ({ orgId: ctx.orgId, paymentId: row.id, ...a })));
      }
      if (!Object.keys(changes).length && !allocationsChanged) continue;
      touched.add(row.customerId).add(owners.get(item.customerRef)!.id);
      updates.push({
        entityId: row.id,
        customerId: row.customerId,
        before: { ...pick(row as Record<string, unknown>, changes), ...(allocationsChanged ? { allocations: before } : {}) },
        after: { ...changes, ...(allocationsChanged ? { allocations: after } : {}) },
      });
    }
    const outcome = { created: fresh.length, updated: updates.length, unchanged: items.length - fresh.length - updates.length };
    await writeLedgerAudit(tx, ctx, 'payment', outcome, updates, fresh.map((i) => owners.get(i.customerRef)!.id));
    await settleCustomerPromises(tx, ctx.orgId, [...touched]);
    return outcome;
  });
}

function columns(item: TSyncPayment, owner: CustomerRefRow & { id: string }) {
  return {
    customerId: owner.id,
    externalRef: item.externalRef,
    amount: item.amount,
    currency: item.currency,
    receivedDate: item.receivedDate,
    ...(item.method !== undefined ? { method: item.method } : {}),
    ...(item.reference !== undefined ? { reference: item.reference } : {}),
  };
}

const sortAllocations = (list: Allocation[]) => [...list].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));

/** Unknown customers or invoices, and allocations to another customer's or another currency's invoice. */
function checkPayments(items: readonly TSyncPayment[], owners: Map<string, CustomerRefRow>, targets: Map<string, InvoiceRefRow>): FieldError[] {
  const errors = duplicateErrors(items, (i) => i.externalRef, 'externalRef');
  items.forEach((item, i) => {
    const owner = owners.get(item.customerRef);
    if (!owner) errors.push(missingCustomer(i, item.customerRef));
    (item.allocations ?? []).forEach((a, j) => {
      const field = `items.${i}.allocations.${j}.invoiceRef`;
      const invoice = targets.get(a.invoiceRef);
      if (!invoice) errors.push({ field, message: `no invoice with external reference ${a.invoiceRef}` });
      else if (owner && invoice.customerId !== owner.id) errors.push({ field, message: `invoice ${a.invoiceRef} belongs to another customer` });
      else if (invoice.currency !== item.currency) errors.push({ field, message: `invoice ${a.invoiceRef} is in ${invoice.currency}, the payment in ${item.currency}` });
    });
  });
  return errors;
}
