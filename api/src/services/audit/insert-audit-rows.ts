import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { auditLog } from '../../db/schema';

type AuditRow = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

/**
 * Inserts many audit rows in one statement with the rows as one JSON parameter: the same
 * statement text for any number of rows (prepared once), no limit of 65,535 parameters, so a
 * large ledger batch's audit costs one round trip.
 */
export async function insertAuditRows(tx: Db, rows: readonly AuditRow[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      org_id: r.orgId,
      actor_id: r.actorId ?? null,
      actor_label: r.actorLabel,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId,
      customer_id: r.customerId ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      request_id: r.requestId ?? null,
    })),
  );
  await tx.execute(sql`
    insert into audit_log (org_id, actor_id, actor_label, action, entity_type, entity_id, customer_id, before, after, request_id)
    select x.org_id, x.actor_id, x.actor_label, x.action, x.entity_type, x.entity_id, x.customer_id, x.before, x.after, x.request_id
      from json_to_recordset(${json}::json)
        as x(org_id uuid, actor_id uuid, actor_label text, action text, entity_type text, entity_id text, customer_id uuid, before jsonb, after jsonb, request_id text)`);
}
