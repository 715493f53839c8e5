import type { TCustomer } from '@shared/schemas';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { customerDomains, customers } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { loadPeople, personOf } from '../people/load-people';

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

/** The customer as the API shows it: domains, owners and parent resolved. */
export async function getCustomer(db: Db, orgId: string, customerId: string): Promise<TCustomer> {
  const parent = alias(customers, 'parent');
  const [row] = await db
    .select({
      customer: customers,
      parentName: parent.name,
      domains: sql<string[]>`coalesce((select array_agg(d.domain order by d.domain) from ${customerDomains} d where d.customer_id = ${customers.id}), '{}')`,
    })
    .from(customers)
    .leftJoin(parent, and(eq(parent.id, customers.parentId), eq(parent.orgId, customers.orgId)))
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  if (!row) throw notFound('Customer');
  const c = row.customer;
  const people = await loadPeople(db, orgId, [c.collectorId, c.salesOwnerId, c.csOwnerId]);
  return {
    id: c.id,
    name: c.name,
    externalRef: c.externalRef,
    currency: c.currency,
    domains: row.domains ?? [],
    paymentTermsDays: c.paymentTermsDays,
    creditLimit: c.creditLimit == null ? null : { amount: c.creditLimit, currency: c.currency },
    tier: c.tier,
    tags: c.tags,
    collector: personOf(people, c.collectorId),
    salesOwner: personOf(people, c.salesOwnerId),
    csOwner: personOf(people, c.csOwnerId),
    parent: c.parentId && row.parentName ? { id: c.parentId, name: row.parentName } : null,
  };
}
