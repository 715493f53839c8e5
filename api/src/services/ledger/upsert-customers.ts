import type { TSyncCustomer } from '@shared/schemas';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customerDomains, customers } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { changedFields, customersByRef, duplicateErrors, pick, throwIfInvalid, type UpsertOutcome } from './ledger-lookups';
import { writeLedgerAudit, type LedgerChange } from './write-ledger-audit';

type CustomerRow = typeof customers.$inferSelect;

/** Upserts customers by external reference in one transaction; a repeat is a no-op. */
export async function upsertCustomers(ctx: ServiceContext, items: readonly TSyncCustomer[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const existing = await loadByRef(tx, ctx.orgId, items.map((i) => i.externalRef));
    const batchRefs = new Set(items.map((i) => i.externalRef));
    const parents = await customersByRef(tx, ctx.orgId, items.map((i) => (i.parentRef && !batchRefs.has(i.parentRef) ? i.parentRef : null)));
    throwIfInvalid(checkCustomers(items, batchRefs, parents));

    const fresh = items.filter((i) => !existing.has(i.externalRef));
    if (fresh.length) {
      const inserted = await tx
        .insert(customers)
        .values(fresh.map((i) => ({ orgId: ctx.orgId, ...scalars(i) })))
        .returning();
      for (const row of inserted) existing.set(row.externalRef ?? '', { row, domains: [], isNew: true });
    }
    const createdFor = fresh.map((i) => existing.get(i.externalRef)!.row.id);
    const idOf = (ref: string) => existing.get(ref)?.row.id ?? parents.get(ref)?.id ?? null;
    const updates: LedgerChange[] = [];
    for (const item of items) {
      const entry = existing.get(item.externalRef)!;
      const next = { ...scalars(item), ...(item.parentRef !== undefined ? { parentId: item.parentRef ? idOf(item.parentRef) : null } : {}) };
      const changes = changedFields(entry.row as Record<string, unknown>, next as Partial<CustomerRow>);
      const domains = item.domains && [...new Set(item.domains)].sort();
      const domainsChanged = domains !== undefined && JSON.stringify(domains) !== JSON.stringify(entry.domains);
      if (Object.keys(changes).length) await tx.update(customers).set({ ...changes, updatedAt: new Date() }).where(eq(customers.id, entry.row.id));
      if (domainsChanged) await replaceDomains(tx, ctx.orgId, entry.row.id, domains);
      if (!entry.isNew && (Object.keys(changes).length || domainsChanged)) {
        const before = { ...pick(entry.row as Record<string, unknown>, changes), ...(domainsChanged ? { domains: entry.domains } : {}) };
        updates.push({ entityId: entry.row.id, customerId: entry.row.id, before, after: { ...changes, ...(domainsChanged ? { domains } : {}) } });
      }
    }
    const outcome = { created: fresh.length, updated: updates.length, unchanged: items.length - fresh.length - updates.length };
    await writeLedgerAudit(tx, ctx, 'customer', outcome, updates, createdFor);
    return outcome;
  });
}

/** The columns a record sets; omitted optional fields keep what is stored (or the defaults). */
function scalars(item: TSyncCustomer) {
  return {
    externalRef: item.externalRef,
    name: item.name,
    currency: item.currency,
    ...(item.paymentTermsDays !== undefined ? { paymentTermsDays: item.paymentTermsDays } : {}),
    ...(item.creditLimit !== undefined ? { creditLimit: item.creditLimit } : {}),
    ...(item.tier !== undefined ? { tier: item.tier } : {}),
    ...(item.tags !== undefined ? { tags: item.tags } : {}),
  };
}

/** Duplicates, unknown parents and self-parents, as `items.<i>.<field>` errors. */
function checkCustomers(items: readonly TSyncCustomer[], batchRefs: Set<string>, parents: Map<string, unknown>): FieldError[] {
  const errors = duplicateErrors(items, (i) => i.externalRef, 'externalRef');
  items.forEach((item, i) => {
    if (!item.parentRef) return;
    if (item.parentRef === item.externalRef) errors.push({ field: `items.${i}.parentRef`, message: 'a customer cannot be its own parent' });
    else if (!batchRefs.has(item.parentRef) && !parents.has(item.parentRef)) errors.push({ field: `items.${i}.parentRef`, message: `no customer with external reference ${item.parentRef}` });
  });
  return errors;
}

async function loadByRef(tx: Db, orgId: string, refs: string[]) {
  const rows = await tx.select().from(customers).where(and(eq(customers.orgId, orgId), inArray(customers.externalRef, refs)));
  const domainRows = rows.length
    ? await tx.select().from(customerDomains).where(inArray(customerDomains.customerId, rows.map((r) => r.id)))
    : [];
  const result = new Map<string, { row: CustomerRow; domains: string[]; isNew: boolean }>();
  for (const row of rows) {
    const domains = domainRows.filter((d) => d.customerId === row.id).map((d) => d.domain).sort();
    result.set(row.externalRef ?? '', { row, domains, isNew: false });
  }
  return result;
}

async function replaceDomains(tx: Db, orgId: string, customerId: string, domains: string[]) {
  await tx.delete(customerDomains).where(eq(customerDomains.customerId, customerId));
  if (domains.length) await tx.insert(customerDomains).values(domains.map((domain) => ({ orgId, customerId, domain })));
}
