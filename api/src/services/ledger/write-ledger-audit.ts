/** Audit rows of a ledger batch: one summary with the counts, plus before/after of each update. */
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../../lib/types';
import type { UpsertOutcome } from './ledger-lookups';

export interface LedgerChange {
  entityId: string;
  customerId: string | null;
  before: unknown;
  after: unknown;
}

/** Writes nothing for an all-unchanged batch, so a repeated sync leaves no trace. */
export async function writeLedgerAudit(tx: Db, ctx: ServiceContext, entityType: string, outcome: UpsertOutcome, updates: readonly LedgerChange[]): Promise<void> {
  if (outcome.created === 0 && outcome.updated === 0) return;
  const base = { orgId: ctx.orgId, actorId: ctx.actor.userId, actorLabel: ctx.actor.label, entityType, requestId: ctx.requestId ?? null };
  await tx.insert(auditLog).values([
    { ...base, action: `${entityType}.synced`, entityId: 'batch', after: outcome },
    ...updates.map((u) => ({ ...base, action: `${entityType}.updated`, entityId: u.entityId, customerId: u.customerId, before: u.before, after: u.after })),
  ]);
}
