/** Test fixtures: each factory inserts rows and returns what it created. */
import type { TRole } from '@shared/schemas';
import type { Db } from '../../api/src/db/client';
import { contacts, customerDomains, customers, invoices, paymentAllocations, payments, creditNotes } from '../../api/src/db/schema';
import { createOrganization } from '../../api/src/services/orgs/create-organization';
import { createToken } from '../../api/src/services/tokens/create-token';
import { forgetOrgPaymentNorms } from '../../api/src/services/customers/org-norms-cache';

let counter = 0;
const next = () => ++counter;

export interface SeededOrg {
  orgId: string;
  slug: string;
  tokens: Record<TRole, string>;
  users: Record<TRole, { id: string; email: string }>;
}

/** An organisation with an admin, a collector and a viewer, each with a token. */
export async function seedOrg(db: Db, options: { slug?: string; ownDomains?: string[]; timeZone?: string } = {}): Promise<SeededOrg> {
  const slug = options.slug ?? `org-${next()}-${Math.random().toString(36).slice(2, 8)}`;
  const org = await createOrganization(db, { slug, name: `Org ${slug}`, ownDomains: options.ownDomains ?? [`${slug}.example`], timeZone: options.timeZone ?? 'UTC' }, 'test');
  const tokens = {} as SeededOrg['tokens'];
  const users = {} as SeededOrg['users'];
  for (const role of ['admin', 'collector', 'viewer'] as const) {
    const { secret, user } = await createToken(db, { orgId: org.id, email: `${role}@${slug}.example`, role }, 'test');
    tokens[role] = secret;
    users[role] = { id: user.id, email: user.email };
  }
  return { orgId: org.id, slug, tokens, users };
}

/** A customer with domains. */
export async function seedCustomer(
  db: Db,
  orgId: string,
  values: { name?: string; currency?: string; domains?: string[]; creditLimit?: number | null; externalRef?: string; paymentTermsDays?: number } = {},
) {
  const n = next();
  const [row] = await db
    .insert(customers)
    .values({
      orgId,
      name: values.name ?? `Customer ${n}`,
      currency: values.currency ?? 'USD',
      creditLimit: values.creditLimit ?? null,
      externalRef: values.externalRef ?? `C-${n}`,
      paymentTermsDays: values.paymentTermsDays ?? 30,
    })
    .returning();
  if (!row) throw new Error('no customer');
  if (values.domains?.length) await db.insert(customerDomains).values(values.domains.map((domain) => ({ orgId, customerId: row.id, domain })));
  return row;
}

/** A contact of a customer. */
export async function seedContact(
  db: Db,
  orgId: string,
  customerId: string,
  values: { email: string; name?: string; role?: 'payer' | 'ap' | 'approver' | 'billing' | 'other'; isPrimaryPayer?: boolean },
) {
  const [row] = await db
    .insert(contacts)
    .values({ orgId, customerId, email: values.email, name: values.name ?? values.email.split('@')[0]!, role: values.role ?? 'other', isPrimaryPayer: values.isPrimaryPayer ?? false })
    .returning();
  if (!row) throw new Error('no contact');
  return row;
}

/** An invoice (issued unless `void: true`). */
export async function seedInvoice(
  db: Db,
  orgId: string,
  customerId: string,
  values: { number?: string; issueDate: string; dueDate: string; amount: number; currency?: string; poNumber?: string; void?: boolean },
) {
  const [row] = await db
    .insert(invoices)
    .values({
      orgId,
      customerId,
      number: values.number ?? `INV-${next()}`,
      issueDate: values.issueDate,
      dueDate: values.dueDate,
      amount: values.amount,
      currency: values.currency ?? 'USD',
      poNumber: values.poNumber ?? null,
      status: values.void ? 'void' : 'issued',
    })
    .returning();
  if (!row) throw new Error('no invoice');
  forgetOrgPaymentNorms(orgId); // written around the ledger services, which drop the cached norms themselves
  return row;
}

/** A payment, allocated to invoices as given (the rest stays unallocated). */
export async function seedPayment(
  db: Db,
  orgId: string,
  customerId: string,
  values: { amount: number; receivedDate: string; currency?: string; allocations?: Array<{ invoiceId: string; amount: number }> },
) {
  const [row] = await db
    .insert(payments)
    .values({ orgId, customerId, amount: values.amount, currency: values.currency ?? 'USD', receivedDate: values.receivedDate })
    .returning();
  if (!row) throw new Error('no payment');
  forgetOrgPaymentNorms(orgId);
  if (values.allocations?.length) await db.insert(paymentAllocations).values(values.allocations.map((a) => ({ orgId, paymentId: row.id, ...a })));
  return row;
}

/** A credit note applied to an invoice. */
export async function seedCreditNote(db: Db, orgId: string, customerId: string, values: { invoiceId: string; amount: number; issueDate: string; currency?: string }) {
  const [row] = await db
    .insert(creditNotes)
    .values({ orgId, customerId, invoiceId: values.invoiceId, number: `CN-${next()}`, amount: values.amount, issueDate: values.issueDate, currency: values.currency ?? 'USD' })
    .returning();
  if (!row) throw new Error('no credit note');
  forgetOrgPaymentNorms(orgId);
  return row;
}
