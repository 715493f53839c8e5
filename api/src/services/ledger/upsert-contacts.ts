import type { TSyncContact } from '@shared/schemas';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { clearOtherPrimaryPayers } from '../contacts/create-contact';
import { changedFields, customersByRef, duplicateErrors, missingCustomer, pick, throwIfInvalid, type UpsertOutcome } from './ledger-lookups';
import { writeLedgerAudit, type LedgerChange } from './write-ledger-audit';

type ContactRow = typeof contacts.$inferSelect;

/**
 * Upserts contacts: matched by external reference when given, else by (customer, email);
 * a contact found by email adopts the reference. One transaction; a repeat is a no-op.
 */
export async function upsertContacts(ctx: ServiceContext, items: readonly TSyncContact[]): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const owners = await customersByRef(tx, ctx.orgId, items.map((i) => i.customerRef));
    const errors: FieldError[] = [
      ...duplicateErrors(items, (i) => i.externalRef, 'externalRef'),
      ...duplicateErrors(items, (i) => `${i.customerRef}\n${i.email}`, 'email'),
      ...duplicateErrors(items, (i) => (i.isPrimaryPayer ? i.customerRef : null), 'isPrimaryPayer'),
    ];
    items.forEach((item, i) => owners.has(item.customerRef) || errors.push(missingCustomer(i, item.customerRef)));
    throwIfInvalid(errors);

    const stored = await loadCandidates(tx, ctx.orgId, items, owners);
    const matches = items.map((item) => {
      const customerId = owners.get(item.customerRef)!.id;
      return (item.externalRef ? stored.find((c) => c.externalRef === item.externalRef) : undefined) ?? stored.find((c) => c.customerId === customerId && c.email === item.email);
    });
    throwIfInvalid(emailClashes(items, matches, stored, owners));

    const createdFor: string[] = [];
    const updates: LedgerChange[] = [];
    for (const [i, item] of items.entries()) {
      const customerId = owners.get(item.customerRef)!.id;
      const values = columns(item, customerId);
      const match = matches[i];
      let becamePrimary = false;
      let id = match?.id;
      if (!match) {
        const [row] = await tx.insert(contacts).values({ orgId: ctx.orgId, ...values }).returning({ id: contacts.id });
        id = row?.id;
        becamePrimary = item.isPrimaryPayer === true;
        createdFor.push(customerId);
      } else {
        const changes = changedFields(match as Record<string, unknown>, values as Partial<ContactRow>);
        if (Object.keys(changes).length) {
          await tx.update(contacts).set({ ...changes, updatedAt: new Date() }).where(eq(contacts.id, match.id));
          updates.push({ entityId: match.id, customerId, before: pick(match as Record<string, unknown>, changes), after: changes });
          becamePrimary = changes.isPrimaryPayer === true;
        }
      }
      // Only one primary payer per customer, as when a collector sets it.
      if (id && becamePrimary) await clearOtherPrimaryPayers(tx, ctx.orgId, customerId, id);
    }
    const created = createdFor.length;
    const outcome = { created, updated: updates.length, unchanged: items.length - created - updates.length };
    await writeLedgerAudit(tx, ctx, 'contact', outcome, updates, createdFor);
    return outcome;
  });
}

function columns(item: TSyncContact, customerId: string) {
  return {
    customerId,
    name: item.name,
    email: item.email,
    ...(item.externalRef !== undefined ? { externalRef: item.externalRef } : {}),
    ...(item.phone !== undefined ? { phone: item.phone } : {}),
    ...(item.role !== undefined ? { role: item.role } : {}),
    ...(item.isPrimaryPayer !== undefined ? { isPrimaryPayer: item.isPrimaryPayer } : {}),
    ...(item.notes !== undefined ? { notes: item.notes } : {}),
  };
}

/** Every stored contact a record could match: by reference, or by email at its customer. */
async function loadCandidates(tx: Db, orgId: string, items: readonly TSyncContact[], owners: Map<string, { id: string }>) {
  const refs = items.flatMap((i) => (i.externalRef ? [i.externalRef] : []));
  const customerIds = [...new Set([...owners.values()].map((o) => o.id))];
  const emails = [...new Set(items.map((i) => i.email))];
  return tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        or(
          refs.length ? inArray(contacts.externalRef, refs) : undefined,
          and(inArray(contacts.customerId, customerIds), inArray(contacts.email, emails)),
        ),
      ),
    );
}

/** A record moving a contact onto an email another stored contact of that customer already has. */
function emailClashes(items: readonly TSyncContact[], matches: Array<ContactRow | undefined>, stored: ContactRow[], owners: Map<string, { id: string }>): FieldError[] {
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const customerId = owners.get(item.customerRef)!.id;
    const holder = stored.find((c) => c.customerId === customerId && c.email === item.email);
    if (holder && matches[i] && holder.id !== matches[i]!.id) {
      errors.push({ field: `items.${i}.email`, message: `${item.email} already belongs to another contact of this customer` });
    }
  });
  return errors;
}
