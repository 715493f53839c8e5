import type { TCustomer, TPersonRef } from '@shared/schemas';
import { and, eq, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { jsonValue } from '../../db/rows';
import { customerDomains, customers, users } from '../../db/schema';
import { notFound } from '../../lib/errors';

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
  const person = (u: { id: AnyPgColumn; name: AnyPgColumn; email: AnyPgColumn }) => sql<TPersonRef | null>`case when ${u.id} is null then null else json_build_object('id', ${u.id}, 'name', ${u.name}, 'email', ${u.email}) end`;
  const [collector, salesOwner, csOwner] = [alias(users, 'collector'), alias(users, 'sales_owner'), alias(users, 'cs_owner')];
  const [row] = await db
    .select({
      customer: customers,
      parentName: parent.name,
      domains: sql<string[]>`coalesce((select array_agg(d.domain order by d.domain) from ${customerDomains} d where d.org_id = ${orgId} and d.customer_id = ${customers.id}), '{}')`,
      collector: person(collector),
      salesOwner: person(salesOwner),
      csOwner: person(csOwner),
    })
    .from(customers)
    .leftJoin(parent, and(eq(parent.id, customers.parentId), eq(parent.orgId, customers.orgId)))
    .leftJoin(collector, and(eq(collector.id, customers.collectorId), eq(collector.orgId, customers.orgId)))
    .leftJoin(salesOwner, and(eq(salesOwner.id, customers.salesOwnerId), eq(salesOwner.orgId, customers.orgId)))
    .leftJoin(csOwner, and(eq(csOwner.id, customers.csOwnerId), eq(csOwner.orgId, customers.orgId)))
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  if (!row) throw notFound('Customer');
  const c = row.customer;
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
    collector: jsonValue<TPersonRef | null>(row.collector, null),
    salesOwner: jsonValue<TPersonRef | null>(row.salesOwner, null),
    csOwner: jsonValue<TPersonRef | null>(row.csOwner, null),
    parent: c.parentId && row.parentName ? { id: c.parentId, name: row.parentName } : null,
  };
}
