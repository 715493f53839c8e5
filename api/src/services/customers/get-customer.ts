import type { TCustomer } from '@shared/schemas';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jsonArray, jsonValue, selectValue } from '../../db/rows';
import { customers } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { personJson } from '../people/load-people';

type CustomerRow = typeof customers.$inferSelect;

/** The customer's row, scoped to the org; 404 for a missing or foreign id. */
export async function findCustomerRow(db: Db, orgId: string, customerId: string): Promise<CustomerRow> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  if (!row) throw notFound('Customer');
  return row;
}

/**
 * The customer as the API shows it (domains, owners and parent resolved), built by
 * PostgreSQL as a JSON object: a scalar subquery, null for a missing or foreign id.
 */
export const customerJson = (orgId: string, customerId: string): SQL => sql`(
  select json_build_object(
    'id', c.id, 'name', c.name, 'externalRef', c.external_ref, 'currency', c.currency,
    'domains', ${jsonArray(sql`d.domain`, sql`from customer_domains d where d.org_id = ${orgId} and d.customer_id = c.id`, sql`d.domain`)},
    'paymentTermsDays', c.payment_terms_days,
    'creditLimit', case when c.credit_limit is null then null else json_build_object('amount', c.credit_limit, 'currency', c.currency) end,
    'tier', c.tier, 'tags', c.tags,
    'collector', ${personJson(orgId, sql`c.collector_id`)},
    'salesOwner', ${personJson(orgId, sql`c.sales_owner_id`)},
    'csOwner', ${personJson(orgId, sql`c.cs_owner_id`)},
    'parent', (select json_build_object('id', p.id, 'name', p.name) from customers p where p.org_id = ${orgId} and p.id = c.parent_id))
  from customers c where c.org_id = ${orgId} and c.id = ${customerId})`;

/** The customer as the API shows it; 404 for a missing or foreign id. */
export async function getCustomer(db: Db, orgId: string, customerId: string): Promise<TCustomer> {
  return toCustomerDto(await selectValue(db, customerJson(orgId, customerId)));
}

/** `customerJson`'s value as the DTO; 404 when there was no such customer. */
export function toCustomerDto(value: unknown): TCustomer {
  const customer = jsonValue<TCustomer | null>(value, null);
  if (!customer) throw notFound('Customer');
  return customer;
}
