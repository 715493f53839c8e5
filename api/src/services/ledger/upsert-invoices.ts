import type { TSyncInvoice } from '@shared/schemas';
import { formatMoney } from '@shared/money';
import type { Db } from '../../db/client';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { insertInvoices, insertNewInvoices, lookUpInvoices, updateInvoices, type InvoiceLookup, type InvoiceValues } from './invoice-batch-sql';
import { changedFields, duplicateErrors, missingCustomer, pick, throwIfInvalid, type UpsertOutcome } from './ledger-lookups';
import { loadInvoiceSettlements } from './invoice-settlements';
import { writeLedgerAudit, type LedgerChange } from './write-ledger-audit';

/**
 * Upserts invoices by external reference in one transaction; a repeat is a no-op. Set-based,
 * whatever the batch size: one insert of everything new, then one look-up, one update and the
 * audit rows for the rest; any bad record rolls the whole batch back.
 */
export async function upsertInvoices(ctx: ServiceContext, items: readonly TSyncInvoice[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const duplicates = [...duplicateErrors(items, (i) => i.externalRef, 'externalRef'), ...duplicateErrors(items, (i) => i.number, 'number')];
    const inserted = duplicates.length ? [] : await insertNewInvoices(tx, ctx.orgId, items);
    const createdFor = inserted.map((r) => r.customerId);
    const done = new Set(inserted.map((r) => r.externalRef));
    const rest = items.flatMap((item, index) => (done.has(item.externalRef) ? [] : [{ item, index }]));
    const found = await lookUpInvoices(tx, ctx.orgId, rest.map(({ item }) => ({ ref: item.externalRef, customerRef: item.customerRef, number: item.number })));
    throwIfInvalid([...duplicates, ...problems(rest, found)]);

    const fresh: InvoiceValues[] = [];
    const changed: Array<InvoiceValues & { id: string }> = [];
    const updates: LedgerChange[] = [];
    const reduced: Array<{ index: number; id: string; amount: number; currency: string; currencyChanged: boolean }> = [];
    rest.forEach(({ item, index }, i) => {
      const { ownerId, stored } = found[i]!;
      const next = columns(item, ownerId!);
      if (!stored) return fresh.push({ poNumber: null, status: 'issued', ...next }); // only if it vanished since the insert
      const changes = changedFields(stored as unknown as Record<string, unknown>, next);
      if (Object.keys(changes).length === 0) return;
      changed.push({ ...stored, ...changes });
      if (next.amount < stored.amount || next.currency !== stored.currency)
        reduced.push({ index, id: stored.id, amount: next.amount, currency: stored.currency, currencyChanged: next.currency !== stored.currency });
      updates.push({ entityId: stored.id, customerId: stored.customerId, before: pick(stored as unknown as Record<string, unknown>, changes), after: changes });
    });
    throwIfInvalid(await checkSettled(tx, ctx.orgId, reduced));
    await insertInvoices(tx, ctx.orgId, fresh);
    await updateInvoices(tx, ctx.orgId, changed);
    createdFor.push(...fresh.map((v) => v.customerId));
    const outcome = { created: createdFor.length, updated: updates.length, unchanged: items.length - createdFor.length - updates.length };
    await writeLedgerAudit(tx, ctx, 'invoice', outcome, updates, createdFor);
    return outcome;
  });
}

/** The stored columns an item sets; PO number and status only when the item has them. */
function columns(item: TSyncInvoice, customerId: string): Partial<InvoiceValues> & Omit<InvoiceValues, 'poNumber' | 'status'> {
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

/** An invoice's amount never drops below what its payments and credit notes settle, nor its currency changes under them. */
async function checkSettled(tx: Db, orgId: string, reduced: ReadonlyArray<{ index: number; id: string; amount: number; currency: string; currencyChanged: boolean }>): Promise<FieldError[]> {
  const settlements = await loadInvoiceSettlements(tx, orgId, reduced.map((r) => r.id));
  return reduced.flatMap(({ index, id, amount, currency, currencyChanged }) => {
    const settled = settlements.get(id)?.settled ?? 0;
    if (currencyChanged && settled > 0) return [{ field: `items.${index}.currency`, message: `payments and credit notes in ${currency} already settle this invoice` }];
    if (amount < settled) return [{ field: `items.${index}.amount`, message: `is below the ${formatMoney(settled, currency)} its payments and credit notes already settle` }];
    return [];
  });
}

/**
 * Unknown customers, then number clashes (invoice numbers are unique in the org: a number
 * stored under another reference is a clash), as `items.<i>` of the original batch.
 */
function problems(rest: ReadonlyArray<{ item: TSyncInvoice; index: number }>, found: readonly InvoiceLookup[]): FieldError[] {
  const missing = rest.flatMap(({ item, index }, i) => (found[i]!.ownerId ? [] : [missingCustomer(index, item.customerRef)]));
  const clashes = rest.flatMap(({ item, index }, i) => {
    const holder = found[i]!.numberHolderRef;
    return holder !== null && holder !== item.externalRef
      ? [{ field: `items.${index}.number`, message: `invoice number ${item.number} already belongs to ${holder ? `invoice ${holder}` : 'another invoice'}` }]
      : [];
  });
  return [...missing, ...clashes];
}
