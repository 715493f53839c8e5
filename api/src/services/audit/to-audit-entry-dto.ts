import type { TAuditEntry, TPersonRef } from '@shared/schemas';
import type { auditLog } from '../../db/schema';

/** An audit_log row as the API shows it: the actor resolved, org and request ids left out. */
export function toAuditEntryDto(row: typeof auditLog.$inferSelect, actor: TPersonRef | null): TAuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}
