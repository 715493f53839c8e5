import type { TContact, TUpdateContactRequest } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { clearOtherPrimaryPayers } from './create-contact';
import { toContactDto } from './list-contacts';

/** Edits a contact: name, email, phone, role, primary payer flag, notes. */
export async function updateContact(ctx: ServiceContext, contactId: string, input: TUpdateContactRequest): Promise<TContact> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(contacts).where(and(eq(contacts.orgId, ctx.orgId), eq(contacts.id, contactId))).for('update');
    if (!before) throw notFound('Contact');
    if (input.email && input.email !== before.email) {
      const [clash] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.customerId, before.customerId), eq(contacts.email, input.email)));
      if (clash) throw new AppError('conflict', `${input.email} is already a contact of this customer`, [{ field: 'email', message: 'already a contact of this customer' }]);
    }
    const [after] = await tx
      .update(contacts)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(contacts.orgId, ctx.orgId), eq(contacts.id, contactId)))
      .returning();
    if (!after) throw notFound('Contact');
    if (input.isPrimaryPayer) await clearOtherPrimaryPayers(tx, ctx.orgId, after.customerId, after.id);
    const dto = toContactDto(after);
    await writeAudit(tx, ctx, { action: 'contact.updated', entityType: 'contact', entityId: contactId, customerId: after.customerId, before: toContactDto(before), after: dto });
    return dto;
  });
}
