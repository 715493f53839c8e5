import type { TDispute } from '@shared/schemas';
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jsonValue, qualified } from '../../db/rows';
import { disputes } from '../../db/schema';
import { personRef } from '../people/load-people';

/** A dispute's row with its invoices and people, all read by one statement. */
const disputeFields = (orgId: string) => ({
  ...getTableColumns(disputes),
  ownerRef: personRef(orgId, disputes.ownerId),
  openedByRef: personRef(orgId, disputes.openedBy),
  resolvedByRef: personRef(orgId, disputes.resolvedBy),
  invoiceRefs: sql<Array<{ id: string; number: string }>>`coalesce((
      select json_agg(json_build_object('id', i.id, 'number', i.number) order by i.number, i.id)
        from dispute_invoices di join invoices i on i.org_id = ${orgId} and i.id = di.invoice_id
       where di.org_id = ${orgId} and di.dispute_id = ${qualified(disputes.id)}), '[]')`.mapWith((value: unknown) => jsonValue<Array<{ id: string; number: string }>>(value, [])),
});

/** The organisation's disputes matching `where`, oldest first, as the API shows them: one statement. */
export async function findDisputes(db: Db, orgId: string, where: SQL | undefined): Promise<TDispute[]> {
  const rows = await db
    .select(disputeFields(orgId))
    .from(disputes)
    .where(and(eq(disputes.orgId, orgId), where))
    .orderBy(disputes.openedAt, disputes.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    invoices: r.invoiceRefs,
    reason: r.reason,
    description: r.description,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    owner: r.ownerRef,
    openedBy: r.openedByRef,
    openedAt: r.openedAt.toISOString(),
    resolutionNote: r.resolutionNote,
    resolvedBy: r.resolvedByRef,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

/** The customer's open disputes, oldest first. */
export function listOpenDisputes(db: Db, orgId: string, customerId: string): Promise<TDispute[]> {
  return findDisputes(db, orgId, and(eq(disputes.customerId, customerId), eq(disputes.status, 'open')));
}
