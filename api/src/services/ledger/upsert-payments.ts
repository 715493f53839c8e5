import type { TSyncPayment } from '@shared/schemas';
import { formatMoney } from '@shared/money';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { paymentAllocations, payments } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { settleCustomerPromises } from '../promises/settle-customer-promises';
import { changedFields, customersByRef, duplicateErrors, invoicesByRef, missingCustomer, pick, throwIfInvalid, type CustomerRefRow, type InvoiceRefRow, type UpsertOutcome } from './ledger-lookups';
import { loadInvoiceSettlements, settle } from './invoice-settlements';
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
    throwIfInvalid(await checkSettlements(tx, ctx.orgId, items, targets, byRef, storedAllocations));
    const allocationsOf = (item: TSyncPayment): Allocation[] | undefined =>
      item.allocations && sortAllocations(item.allocations.map((a) => ({ invoiceId: targets.get(a.invoiceRef)!.id, amount: a.amount })));

    // Changed allocations are deleted before any amount changes and any insert, so no statement
    // sees a payment or an invoice over-settled halfway through a valid batch (migration 0006).
    const updates: LedgerChange[] = [];
    const touched = new Set<string>();
    const replacements: Array<{ paymentId: string; list: Allocation[] }> = [];
    const amountChanges: Array<{ id: string; changes: Partial<PaymentRow> }> = [];
    for (const item of items) {
      const row = byRef.get(item.externalRef);
      if (!row) continue;
      const changes = changedFields(row as Record<string, unknown>, columns(item, owners.get(item.customerRef)!) as Partial<PaymentRow>);
      const before = sortAllocations(storedAllocations.filter((a) => a.paymentId === row.id).map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })));
      const after = allocationsOf(item);
      const allocationsChanged = after !== undefined && JSON.stringify(after) !== JSON.stringify(before);
      if (Object.keys(changes).length) amountChanges.push({ id: row.id, changes });
      if (allocationsChanged) replacements.push({ paymentId: row.id, list: after });
      if (!Object.keys(changes).length && !allocationsChanged) continue;
      touched.add(row.customerId).add(owners.get(item.customerRef)!.id);
      updates.push({
        entityId: row.id,
        customerId: row.customerId,
        before: { ...pick(row as Record<string, unknown>, changes), ...(allocationsChanged ? { allocations: before } : {}) },
        after: { ...changes, ...(allocationsChanged ? { allocations: after } : {}) },
      });
    }
    if (replacements.length) await tx.delete(paymentAllocations).where(and(eq(paymentAllocations.orgId, ctx.orgId), inArray(paymentAllocations.paymentId, replacements.map((r) => r.paymentId))));
    for (const { id, changes } of amountChanges) await tx.update(payments).set(changes).where(eq(payments.id, id));

    const fresh = items.filter((i) => !byRef.has(i.externalRef));
    const inserted = fresh.length
      ? await tx.insert(payments).values(fresh.map((i) => ({ orgId: ctx.orgId, ...columns(i, owners.get(i.customerRef)!) }))).returning({ id: payments.id, ref: payments.externalRef })
      : [];
    for (const i of fresh) touched.add(owners.get(i.customerRef)!.id);
    const newAllocations = [
      ...replacements.flatMap((r) => r.list.map((a) => ({ orgId: ctx.orgId, paymentId: r.paymentId, ...a }))),
      ...inserted.flatMap((p) => (allocationsOf(fresh.find((i) => i.externalRef === p.ref)!) ?? []).map((a) => ({ orgId: ctx.orgId, paymentId: p.id, ...a }))),
    ];
    if (newAllocations.length) await tx.insert(paymentAllocations).values(newAllocations);
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

/**
 * The ledger invariants, the batch read in order as its final state: an allocation never exceeds
 * its invoice's open amount (amount − credit notes − other payments' allocations − this batch's
 * earlier ones), and a payment whose allocations are kept never drops below them.
 */
async function checkSettlements(
  tx: Db,
  orgId: string,
  items: readonly TSyncPayment[],
  targets: Map<string, InvoiceRefRow>,
  byRef: Map<string, PaymentRow>,
  storedAllocations: ReadonlyArray<{ paymentId: string; invoiceId: string; amount: number }>,
): Promise<FieldError[]> {
  const replacing = items.flatMap((i) => (i.allocations && byRef.has(i.externalRef) ? [byRef.get(i.externalRef)!.id] : []));
  const invoiceIds = items.flatMap((i) => (i.allocations ?? []).map((a) => targets.get(a.invoiceRef)!.id));
  const settlements = await loadInvoiceSettlements(tx, orgId, invoiceIds, { paymentIds: replacing });
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const row = byRef.get(item.externalRef);
    if (row && !item.allocations) {
      const kept = storedAllocations.filter((a) => a.paymentId === row.id).reduce((sum, a) => sum + Number(a.amount), 0);
      if (kept > item.amount) errors.push({ field: `items.${i}.amount`, message: `is below the ${formatMoney(kept, row.currency)} already allocated to invoices; send its allocations too` });
      if (kept > 0 && item.currency !== row.currency) errors.push({ field: `items.${i}.currency`, message: `the payment has allocations in ${row.currency}; send its allocations too` });
    }
    (item.allocations ?? []).forEach((a, j) => {
      const error = settle(settlements.get(targets.get(a.invoiceRef)!.id)!, a.amount, `items.${i}.allocations.${j}.amount`, 'the allocation');
      if (error) errors.push(error);
    });
  });
  return errors;
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
