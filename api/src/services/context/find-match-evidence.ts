import { collectAddresses, compactReference, extractReferences, type MatchEvidence } from '@shared/matching';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, customerDomains, invoices, threads } from '../../db/schema';

export interface EmailFacts {
  provider: 'outlook' | 'gmail';
  threadId?: string | null;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  bodyText: string;
}

/** Normalised reference key, the same expression the invoice indexes use. */
const refKey = (column: typeof invoices.number | typeof invoices.poNumber) =>
  sql<string>`upper(regexp_replace(${column}, '[^A-Za-z0-9]', '', 'g'))`;

/**
 * The database hits that tie an email to customers, per PRODUCT.md's matching rules:
 * logged thread, contact email, registrable domain (never free-mail or our own),
 * invoice and PO numbers in the subject or body.
 */
export async function findMatchEvidence(
  db: Db,
  orgId: string,
  email: EmailFacts,
  self: { ownDomains: string[]; ownAddresses: string[] },
): Promise<{ evidence: MatchEvidence[]; threadRow: typeof threads.$inferSelect | null }> {
  const addresses = collectAddresses(email, self);
  const emails = addresses.map((a) => a.email);
  const domains = [...new Set(addresses.filter((a) => a.domainUsable && a.domain).map((a) => a.domain as string))];
  const references = extractReferences(email.subject, email.bodyText);
  const keys = [...new Set(references.map((r) => compactReference(r.token)))].filter(Boolean);

  const [threadRows, contactRows, domainRows, invoiceRows] = await Promise.all([
    email.threadId
      ? db
          .select()
          .from(threads)
          .where(and(eq(threads.orgId, orgId), eq(threads.provider, email.provider), eq(threads.providerThreadId, email.threadId)))
      : Promise.resolve([]),
    emails.length
      ? db
          .select({ customerId: contacts.customerId, email: contacts.email, name: contacts.name })
          .from(contacts)
          .where(and(eq(contacts.orgId, orgId), inArray(contacts.email, emails)))
      : Promise.resolve([]),
    domains.length
      ? db
          .select({ customerId: customerDomains.customerId, domain: customerDomains.domain })
          .from(customerDomains)
          .where(and(eq(customerDomains.orgId, orgId), inArray(customerDomains.domain, domains)))
      : Promise.resolve([]),
    keys.length
      ? db
          .select({ customerId: invoices.customerId, number: invoices.number, poNumber: invoices.poNumber, numberKey: refKey(invoices.number), poKey: refKey(invoices.poNumber) })
          .from(invoices)
          .where(and(eq(invoices.orgId, orgId), or(inArray(refKey(invoices.number), keys), inArray(refKey(invoices.poNumber), keys))))
          .limit(50)
      : Promise.resolve([]),
  ]);

  const evidence: MatchEvidence[] = [];
  const threadRow = threadRows[0] ?? null;
  if (threadRow) evidence.push({ kind: 'thread', customerId: threadRow.customerId });
  for (const c of contactRows) {
    const address = addresses.find((a) => a.email === c.email);
    if (address) evidence.push({ kind: 'contact', customerId: c.customerId, email: c.email, field: address.field, contactName: c.name });
  }
  for (const d of domainRows) {
    for (const a of addresses.filter((x) => x.domainUsable && x.domain === d.domain)) {
      evidence.push({ kind: 'domain', customerId: d.customerId, domain: d.domain, email: a.email, field: a.field });
    }
  }
  for (const ref of references) {
    const key = compactReference(ref.token);
    for (const inv of invoiceRows) {
      if (ref.kind !== 'po' && inv.numberKey === key) evidence.push({ kind: 'invoice', customerId: inv.customerId, number: inv.number, where: ref.where });
      if (ref.kind !== 'invoice' && inv.poKey === key && inv.poNumber) evidence.push({ kind: 'po', customerId: inv.customerId, number: inv.poNumber, where: ref.where });
    }
  }
  return { evidence, threadRow };
}
