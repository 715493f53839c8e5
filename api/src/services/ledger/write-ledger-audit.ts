/**
 * Audit rows of a ledger batch: a summary per customer concerned (so it shows in that
 * customer's audit trail), plus before/after of each update.
 */
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../lib/types';
import { insertAuditRows } from '../audit/insert-audit-rows';
import { forgetOrgPaymentNorms } from '../customers/org-norms-cache';
import type { UpsertOutcome } from './ledger-lookups';

export interface LedgerChange {
  entityId: string;
  customerId: string | null;
  before: unknown;
  after: unknown;
}

/** Writes nothing for an all-unchanged batch, so a repeated sync leaves no trace; a changed batch also drops the org's cached payment norms. */
export async function writeLedgerAudit(
  tx: Db,
  ctx: ServiceContext,
  entityType: string,
  outcome: UpsertOutcome,
  updates: readonly LedgerChange[],
  /** The customer of each created record. */
  createdFor: readonly string[],
): Promise<void> {
  if (outcome.created === 0 && outcome.updated === 0) return;
  forgetOrgPaymentNorms(ctx.orgId);
  const base = { orgId: ctx.orgId, actorId: ctx.actor.userId, actorLabel: ctx.actor.label, entityType, requestId: ctx.requestId ?? null };
  const perCustomer = new Map<string, { created: number; updated: number }>();
  const countsOf = (customerId: string) => perCustomer.get(customerId) ?? perCustomer.set(customerId, { created: 0, updated: 0 }).get(customerId)!;
  for (const customerId of createdFor) countsOf(customerId).created += 1;
  for (const u of updates) if (u.customerId) countsOf(u.customerId).updated += 1;
  // A file import gathers the summaries and writes them once (ledger-summaries.ts).
  ctx.ledgerSummaries?.add(entityType, outcome, perCustomer);
  const summaries = ctx.ledgerSummaries ? [] : perCustomer.size ? [...perCustomer].map(([customerId, counts]) => ({ customerId, after: { ...counts, batch: outcome } })) : [{ customerId: null, after: outcome }];
  await insertAuditRows(tx, [
    ...summaries.map((summary) => ({ ...base, action: `${entityType}.synced`, entityId: 'batch', ...summary })),
    ...updates.map((u) => ({ ...base, action: `${entityType}.updated`, entityId: u.entityId, customerId: u.customerId, before: u.before, after: u.after })),
  ]);
}
