import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { disputeInvoices, disputes, invoices } from '../../db/schema';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { duplicateErrors, invoicesByRef, throwIfInvalid, type UpsertOutcome } from './ledger-lookups';
import { writeLedgerAudit } from './write-ledger-audit';

/** A dispute the ledger says was raised and settled, on one invoice. */
export interface ResolvedDisputeRecord {
  invoiceRef: string;
  openedOn: string;
  resolvedOn: string;
  resolutionNote: string;
}

/**
 * Records past disputes as resolved, for the whole invoice amount; an invoice that already has a
 * dispute is left as it is, so importing the same history again changes nothing.
 */
export async function importResolvedDisputes(ctx: ServiceContext, items: readonly ResolvedDisputeRecord[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const targets = await invoicesByRef(tx, ctx.orgId, items.map((i) => i.invoiceRef));
    const errors = duplicateErrors(items, (i) => i.invoiceRef, 'invoiceRef');
    items.forEach((item, i) => targets.has(item.invoiceRef) || errors.push({ field: `items.${i}.invoiceRef`, message: `no invoice with external reference ${item.invoiceRef}` }));
    throwIfInvalid(errors);
    const ids = [...targets.values()].map((t) => t.id);
    const linked = new Set((await tx.select({ id: disputeInvoices.invoiceId }).from(disputeInvoices).where(and(eq(disputeInvoices.orgId, ctx.orgId), inArray(disputeInvoices.invoiceId, ids)))).map((r) => r.id));
    const fresh = items.filter((i) => !linked.has(targets.get(i.invoiceRef)!.id));
    const createdFor = fresh.map((item) => targets.get(item.invoiceRef)!.customerId);
    if (fresh.length) {
      const amounts = new Map((await tx.select({ id: invoices.id, amount: invoices.amount }).from(invoices).where(inArray(invoices.id, ids))).map((r) => [r.id, r.amount]));
      const rows = fresh.map((item) => ({ id: randomUUID(), item, invoice: targets.get(item.invoiceRef)! }));
      await tx.insert(disputes).values(
        rows.map(({ id, item, invoice }) => ({
          id,
          orgId: ctx.orgId,
          customerId: invoice.customerId,
          reason: 'other' as const,
          amount: amounts.get(invoice.id) ?? 0,
          currency: invoice.currency,
          status: 'resolved' as const,
          openedAt: new Date(`${item.openedOn}T00:00:00Z`),
          resolvedAt: new Date(`${item.resolvedOn}T00:00:00Z`),
          resolutionNote: item.resolutionNote,
        })),
      );
      await tx.insert(disputeInvoices).values(rows.map(({ id, invoice }) => ({ orgId: ctx.orgId, disputeId: id, invoiceId: invoice.id })));
    }
    const outcome = { created: fresh.length, updated: 0, unchanged: items.length - fresh.length };
    await writeLedgerAudit(tx, ctx, 'dispute', outcome, [], createdFor);
    return outcome;
  });
}
