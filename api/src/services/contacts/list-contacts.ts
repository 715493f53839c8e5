import type { TContact } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts } from '../../db/schema';

const roleOrder = { payer: 0, ap: 1, approver: 2, billing: 3, other: 4 } as const;

/** A contact row as the API shows it. */
export function toContactDto(row: typeof contacts.$inferSelect): TContact {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    isPrimaryPayer: row.isPrimaryPayer,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The customer's contacts: primary payer first, then by role, then name. */
export async function listContacts(db: Db, orgId: string, customerId: string): Promise<TContact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.customerId, customerId)));
  return rows
    .sort(
      (a, b) =>
        Number(b.isPrimaryPayer) - Number(a.isPrimaryPayer) ||
        roleOrder[a.role] - roleOrder[b.role] ||
        a.name.localeCompare(b.name),
    )
    .map(toContactDto);
}
