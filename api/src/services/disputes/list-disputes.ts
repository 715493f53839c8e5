import type { TDispute } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { disputeInvoices, disputes, invoices } from '../../db/schema';
import { loadPeople, personOf } from '../people/load-people';

type DisputeRow = typeof disputes.$inferSelect;

/** Dispute rows as the API shows them, with their invoices and people resolved. */
export async function toDisputeDtos(db: Db, orgId: string, rows: DisputeRow[]): Promise<TDispute[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ disputeId: disputeInvoices.disputeId, id: invoices.id, number: invoices.number })
    .from(disputeInvoices)
    .innerJoin(invoices, eq(invoices.id, disputeInvoices.invoiceId))
    .where(and(eq(disputeInvoices.orgId, orgId), inArray(disputeInvoices.disputeId, rows.map((r) => r.id))));
  const people = await loadPeople(db, orgId, rows.flatMap((r) => [r.ownerId, r.openedBy, r.resolvedBy]));
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    invoices: links.filter((l) => l.disputeId === r.id).map(({ id, number }) => ({ id, number })),
    reason: r.reason,
    description: r.description,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    owner: personOf(people, r.ownerId),
    openedBy: personOf(people, r.openedBy),
    openedAt: r.openedAt.toISOString(),
    resolutionNote: r.resolutionNote,
    resolvedBy: personOf(people, r.resolvedBy),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

/** The customer's open disputes, oldest first. */
export async function listOpenDisputes(db: Db, orgId: string, customerId: string): Promise<TDispute[]> {
  const rows = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.orgId, orgId), eq(disputes.customerId, customerId), eq(disputes.status, 'open')))
    .orderBy(disputes.openedAt);
  return toDisputeDtos(db, orgId, rows);
}
