import { collectAddresses, compactReference, extractReferences, type MatchEvidence } from '@shared/matching';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

export interface EmailFacts {
  provider: 'outlook' | 'gmail';
  threadId?: string | null;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  bodyText: string;
}

/** The logged thread an email belongs to, as the sidebar describes it. */
export interface LoggedThreadFacts {
  id: string;
  customerId: string;
  loggedBy: string | null;
  loggedAt: Date;
  messageCount: number;
}

export interface MatchFindings {
  evidence: MatchEvidence[];
  threadRow: LoggedThreadFacts | null;
  /** Names of every customer the evidence points at. */
  customerNames: Map<string, string>;
}

interface HitRow {
  kind: 'thread' | 'contact' | 'domain' | 'invoice';
  customer_id: string;
  customer_name: string;
  a: string | null;
  b: string | null;
  key_a: string | null;
  key_b: string | null;
  logged_by: string | null;
  logged_at: string | Date | null;
  message_count: number | null;
}

/** A text[] parameter (drizzle would spread a JS array into a list), never empty so `= any(…)` stays valid. */
const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`}::text[]`;

/**
 * The database hits that tie an email to customers, per PRODUCT.md's matching rules:
 * logged thread, contact email, registrable domain (never free-mail or our own),
 * invoice and PO numbers in the subject or body. One statement, every branch an
 * index look-up, with the customers' names.
 */
export async function findMatchEvidence(db: Db, orgId: string, email: EmailFacts, self: { ownDomains: string[]; ownAddresses: string[] }): Promise<MatchFindings> {
  const addresses = collectAddresses(email, self);
  const emails = addresses.map((a) => a.email);
  const domains = [...new Set(addresses.filter((a) => a.domainUsable && a.domain).map((a) => a.domain as string))];
  const references = extractReferences(email.subject, email.bodyText);
  const keys = [...new Set(references.map((r) => compactReference(r.token)))].filter(Boolean);

  // Only the branches this email needs; `materialized` keeps the planner from re-running them per customer.
  const branches = [
    email.threadId &&
      sql`select 'thread', t.customer_id, t.id::text, null::text, null::text, null::text, t.logged_by, t.logged_at,
               (select count(*)::int from messages m where m.org_id = ${orgId} and m.thread_id = t.id) as message_count
            from threads t where t.org_id = ${orgId} and t.provider = ${email.provider} and t.provider_thread_id = ${email.threadId}`,
    emails.length > 0 &&
      sql`select 'contact', ct.customer_id, ct.email, ct.name, null::text, null::text, null::uuid, null::timestamptz, null::int
            from contacts ct where ct.org_id = ${orgId} and ct.email = any(${textArray(emails)})`,
    domains.length > 0 &&
      sql`select 'domain', d.customer_id, d.domain, null::text, null::text, null::text, null::uuid, null::timestamptz, null::int
            from customer_domains d where d.org_id = ${orgId} and d.domain = any(${textArray(domains)})`,
    keys.length > 0 &&
      sql`(select 'invoice', i.customer_id, i.number, i.po_number, i.number_key, i.po_key, null::uuid, null::timestamptz, null::int
             from invoices i where i.org_id = ${orgId} and (i.number_key = any(${textArray(keys)}) or i.po_key = any(${textArray(keys)}))
            limit 50)`,
  ].filter((branch): branch is SQL => Boolean(branch));
  if (branches.length === 0) return { evidence: [], threadRow: null, customerNames: new Map() };
  const result = await db.execute(sql`
    with hits (kind, customer_id, a, b, key_a, key_b, logged_by, logged_at, message_count) as materialized (${sql.join(branches, sql` union all `)})
    select h.*, c.name as customer_name
      from hits h cross join lateral (select c.name from customers c where c.org_id = ${orgId} and c.id = h.customer_id) c`);
  const rows = rowsOf<HitRow>(result);

  const evidence: MatchEvidence[] = [];
  const customerNames = new Map(rows.map((r) => [r.customer_id, r.customer_name]));
  const thread = email.threadId ? rows.find((r) => r.kind === 'thread') : undefined;
  const threadRow = thread
    ? { id: thread.a as string, customerId: thread.customer_id, loggedBy: thread.logged_by, loggedAt: new Date(thread.logged_at as string), messageCount: thread.message_count ?? 0 }
    : null;
  if (threadRow) evidence.push({ kind: 'thread', customerId: threadRow.customerId });
  for (const c of rows.filter((r) => r.kind === 'contact')) {
    const address = addresses.find((a) => a.email === c.a);
    if (address) evidence.push({ kind: 'contact', customerId: c.customer_id, email: address.email, field: address.field, contactName: c.b });
  }
  for (const d of rows.filter((r) => r.kind === 'domain')) {
    for (const a of addresses.filter((x) => x.domainUsable && x.domain === d.a)) {
      evidence.push({ kind: 'domain', customerId: d.customer_id, domain: a.domain as string, email: a.email, field: a.field });
    }
  }
  const invoiceRows = rows.filter((r) => r.kind === 'invoice');
  for (const ref of references) {
    const key = compactReference(ref.token);
    for (const inv of invoiceRows) {
      if (ref.kind !== 'po' && inv.key_a === key) evidence.push({ kind: 'invoice', customerId: inv.customer_id, number: inv.a as string, where: ref.where });
      if (ref.kind !== 'invoice' && inv.key_b === key && inv.b) evidence.push({ kind: 'po', customerId: inv.customer_id, number: inv.b, where: ref.where });
    }
  }
  return { evidence, threadRow, customerNames };
}
