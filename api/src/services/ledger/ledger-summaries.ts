/**
 * Summary audit rows gathered over many batches, for a file import: one row per customer and
 * kind for the whole file rather than one per customer in every batch of 1,000 (a million
 * invoices over 50,000 customers would otherwise write nearly a million summary rows).
 */
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../lib/types';
import { insertAuditRows } from '../audit/insert-audit-rows';
import type { UpsertOutcome } from './ledger-lookups';

type Counts = { created: number; updated: number };

/** Collects what writeLedgerAudit would summarise per batch; `write` adds the rows once, at the end. */
export class LedgerSummaries {
  private readonly kinds = new Map<string, { total: UpsertOutcome; perCustomer: Map<string, Counts> }>();

  /** Adds one batch's outcome and its per-customer counts. */
  add(entityType: string, outcome: UpsertOutcome, perCustomer: ReadonlyMap<string, Counts>): void {
    const kind = this.kinds.get(entityType) ?? this.kinds.set(entityType, { total: { created: 0, updated: 0, unchanged: 0 }, perCustomer: new Map() }).get(entityType)!;
    kind.total.created += outcome.created;
    kind.total.updated += outcome.updated;
    kind.total.unchanged += outcome.unchanged;
    for (const [customerId, counts] of perCustomer) {
      const sum = kind.perCustomer.get(customerId) ?? kind.perCustomer.set(customerId, { created: 0, updated: 0 }).get(customerId)!;
      sum.created += counts.created;
      sum.updated += counts.updated;
    }
  }

  /** Writes a `<kind>.synced` row per customer concerned (`batch` is the whole file's outcome), or one org-wide row when none is. */
  async write(tx: Db, ctx: ServiceContext): Promise<void> {
    const base = { orgId: ctx.orgId, actorId: ctx.actor.userId, actorLabel: ctx.actor.label, requestId: ctx.requestId ?? null, entityId: 'batch' };
    for (const [entityType, { total, perCustomer }] of this.kinds) {
      const rows = perCustomer.size
        ? [...perCustomer].map(([customerId, counts]) => ({ ...base, entityType, action: `${entityType}.synced`, customerId, after: { ...counts, batch: total } }))
        : [{ ...base, entityType, action: `${entityType}.synced`, customerId: null, after: total }];
      for (let i = 0; i < rows.length; i += 10_000) await insertAuditRows(tx, rows.slice(i, i + 10_000));
    }
    this.kinds.clear();
  }
}
