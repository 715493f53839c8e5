import type { TContact, TCreateContactRequest } from '@shared/schemas';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { toContactDto } from './list-contacts';

/** Only one primary payer per customer: clears the flag on the others. */
export async function clearOtherPrimaryPayers(tx: Db, orgId: string, customerId: string, keepId: string) {
  await tx
    .update(contacts)
    .set({ isPrimaryPayer: false, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.customerId, customerId), eq(contacts.isPrimaryPayer, true), ne(contacts.id, keepId)));
}

/** Adds a contact to a customer (e.g. the sender of an unmatched email). */
export async function createContact(ctx: ServiceContext, customerId: string, input: TCreateContactRequest): Promise<TContact> {
  return inTransaction(ctx, async (tx) => {
    await findCustomerRow(tx, ctx.orgId, customerId);
    const [row] = await tx
      .insert(contacts)
      .values({
        orgId: ctx.orgId,
        customerId,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        role: input.role,
        isPrimaryPayer: input.isPrimaryPayer,
        notes: input.notes ?? null,
      })
      .onConflictDoNothing({ target: [contacts.customerId, contacts.email] })
      .returning();
    if (!row) throw new AppError('conflict', `${input.email} is already a contact of this customer`, [{ field: 'email', message: 'already a contact of this customer' }]);
    if (row.isPrimaryPayer) await clearOtherPrimaryPayers(tx, ctx.orgId, customerId, row.id);
    const dto = toContactDto(row);
    await writeAudit(tx, ctx, { action: 'contact.created', entityType: 'contact', entityId: row.id, customerId, after: dto });
    return dto;
  });
}
