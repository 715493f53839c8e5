import type { TDispute } from '@shared/schemas';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTime, jsonArray, jsonValue, selectValue } from '../../db/rows';
import { disputes } from '../../db/schema';
import { personJson } from '../people/load-people';

/**
 * The organisation's disputes matching `where` (conditions on the `disputes` table), oldest
 * first, as the API shows them with their invoices and people: a scalar subquery yielding a
 * JSON array.
 */
export const disputesJson = (orgId: string, where: SQL | undefined): SQL =>
  jsonArray(
    sql`json_build_object('id', disputes.id, 'customerId', disputes.customer_id,
      'invoices', ${jsonArray(
        sql`json_build_object('id', i.id, 'number', i.number)`,
        sql`from dispute_invoices di join invoices i on i.org_id = ${orgId} and i.id = di.invoice_id where di.org_id = ${orgId} and di.dispute_id = disputes.id`,
        sql`i.number, i.id`,
      )},
      'reason', disputes.reason, 'description', disputes.description, 'amount', disputes.amount, 'currency', disputes.currency, 'status', disputes.status,
      'owner', ${personJson(orgId, sql`disputes.owner_id`)}, 'openedBy', ${personJson(orgId, sql`disputes.opened_by`)},
      'openedAt', ${isoTime(sql`disputes.opened_at`)}, 'resolutionNote', disputes.resolution_note,
      'resolvedBy', ${personJson(orgId, sql`disputes.resolved_by`)}, 'resolvedAt', ${isoTime(sql`disputes.resolved_at`)})`,
    sql`from disputes where ${and(eq(disputes.orgId, orgId), where)}`,
    sql`disputes.opened_at, disputes.id`,
  );

/** The organisation's disputes matching `where`, oldest first, as the API shows them: one statement. */
export async function findDisputes(db: Db, orgId: string, where: SQL | undefined): Promise<TDispute[]> {
  return jsonValue<TDispute[]>(await selectValue(db, disputesJson(orgId, where)), []);
}

/** The customer's open disputes: the condition `listOpenDisputes` and the panel select them by. */
export const openDisputesOf = (customerId: string): SQL => and(eq(disputes.customerId, customerId), eq(disputes.status, 'open'))!;

/** The customer's open disputes, oldest first. */
export function listOpenDisputes(db: Db, orgId: string, customerId: string): Promise<TDispute[]> {
  return findDisputes(db, orgId, openDisputesOf(customerId));
}
