import type { TContact } from '@shared/schemas';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTime, jsonArray, jsonValue, selectValue } from '../../db/rows';
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

/** The customer's contacts as the API shows them, built by PostgreSQL: a scalar subquery yielding a JSON array. */
export const contactsJson = (orgId: string, customerId: string): SQL =>
  jsonArray(
    sql`json_build_object('id', c.id, 'customerId', c.customer_id, 'name', c.name, 'email', c.email, 'phone', c.phone, 'role', c.role,
      'isPrimaryPayer', c.is_primary_payer, 'notes', c.notes, 'updatedAt', ${isoTime(sql`c.updated_at`)})`,
    sql`from contacts c where c.org_id = ${orgId} and c.customer_id = ${customerId}`,
  );

/** `contactsJson`'s value in the order the API lists contacts: primary payer first, then by role, then name. */
export function toContactDtos(value: unknown): TContact[] {
  return jsonValue<TContact[]>(value, []).sort(
    (a, b) => Number(b.isPrimaryPayer) - Number(a.isPrimaryPayer) || roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name),
  );
}

/** The customer's contacts: primary payer first, then by role, then name. */
export async function listContacts(db: Db, orgId: string, customerId: string): Promise<TContact[]> {
  return toContactDtos(await selectValue(db, contactsJson(orgId, customerId)));
}
