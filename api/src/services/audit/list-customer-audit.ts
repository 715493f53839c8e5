import type { TAuditPage, TAuditQuery } from '@shared/schemas';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { findCustomerRow } from '../customers/get-customer';
import { loadPeople, personOf } from '../people/load-people';
import { toAuditEntryDto } from './to-audit-entry-dto';

/** One page of a customer's audit trail, newest first; 404 for a missing or foreign customer. */
export async function listCustomerAudit(db: Db, orgId: string, customerId: string, query: TAuditQuery): Promise<TAuditPage> {
  await findCustomerRow(db, orgId, customerId);
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.customerId, customerId), query.before ? lt(auditLog.id, Number(query.before)) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const people = await loadPeople(db, orgId, page.map((r) => r.actorId));
  return {
    items: page.map((row) => toAuditEntryDto(row, personOf(people, row.actorId))),
    nextBefore: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
