import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../../lib/types';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  customerId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what, inside the same transaction as the change. */
export async function writeAudit(tx: Db, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: ctx.orgId,
    actorId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    customerId: entry.customerId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId ?? null,
  });
}
