/**
 * What the load generator sends, built from the generated organisation: emails matched by a
 * contact's address, by domain only, by an invoice number in the subject, and by nothing;
 * threads to log (new ones and repeats); customer searches.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../api/src/db/client';
import { rowsOf } from '../api/src/db/rows';
import { SEARCH_WORDS } from './synthetic-sql-functions';

/** One request as autocannon sends it. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Real rows to build requests from. */
export interface Samples {
  contacts: Array<{ email: string; customerId: string }>;
  domains: string[];
  invoiceNumbers: string[];
  poNumbers: string[];
  collectorEmail: string;
}

/** Picks random contacts, domains and invoice numbers of the organisation (as the owner). */
export async function loadSamples(db: Db, orgId: string, collectorEmail: string, size = 300): Promise<Samples> {
  const pick = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));
  const contacts = await pick<{ email: string; customerId: string }>(sql`select email, customer_id as "customerId" from contacts where org_id = ${orgId} order by random() limit ${size}`);
  const domains = await pick<{ domain: string }>(sql`select domain from customer_domains where org_id = ${orgId} order by random() limit ${size}`);
  const invoices = await pick<{ number: string; po: string | null }>(sql`select number, po_number as po from invoices where org_id = ${orgId} order by random() limit ${size}`);
  return {
    contacts,
    domains: domains.map((d) => d.domain),
    invoiceNumbers: invoices.map((i) => i.number),
    poNumbers: invoices.flatMap((i) => (i.po ? [i.po] : [])),
    collectorEmail,
  };
}

/** A deterministic shuffle, so every run sends the same mix in the same order. */
function shuffled<T>(items: T[], seed = 42): T[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const at = <T>(items: readonly T[], i: number) => items[i % items.length]!;

/** POST /v1/context bodies: 40% contact email, 25% domain only, 20% invoice number in the subject, 15% no match. */
export function contextBodies(s: Samples, count = 400): BenchRequest[] {
  const email = (i: number, from: string, subject: string, bodyText: string) => ({
    method: 'POST' as const,
    path: '/v1/context',
    body: JSON.stringify({ provider: 'outlook', threadId: `AAQkBENCH${i}`, internetMessageId: `<bench.${i}@mail.example>`, from, to: [s.collectorEmail], cc: [], subject, bodyText }),
  });
  const bodies = Array.from({ length: count }, (_, i) => {
    const slot = i % 20;
    if (slot < 8) return email(i, at(s.contacts, i).email, 'Remittance advice', 'Please find attached our remittance for this week.');
    if (slot < 13) return email(i, `jordan.new${i}@${at(s.domains, i)}`, 'Question about our account', 'Could you send us a statement of the open items?');
    if (slot < 17) return email(i, `buyer${i}@gmail.com`, `Query on invoice ${at(s.invoiceNumbers, i)}`, 'The amount on this invoice does not match our order.');
    return email(i, `hello${i}@newvendor${i}.example`, 'Partnership opportunity', 'We would love to show you our product.');
  });
  return shuffled(bodies);
}

/** POST /v1/threads: every other request logs a new thread, the rest repeat one of 100 already logged. */
export function threadRequests(s: Samples): () => BenchRequest {
  const body = (threadId: string, i: number, messageId: string) => {
    const contact = at(s.contacts, i);
    return JSON.stringify({
      provider: 'outlook',
      threadId,
      customerId: contact.customerId,
      subject: 'Remittance advice',
      messages: [{ internetMessageId: messageId, from: contact.email, to: [s.collectorEmail], subject: 'Remittance advice', bodyText: 'Please find attached our remittance.', sentAt: '2026-01-05T09:00:00Z' }],
    });
  };
  const repeats = Array.from({ length: 100 }, (_, i) => body(`AAQkREPEAT${i}`, i, `<repeat.${i}@mail.example>`));
  const run = `${process.pid}-${Date.now().toString(36)}`;
  let n = 0;
  return () => {
    n += 1;
    const text = n % 2 === 0 ? at(repeats, n / 2) : body(`AAQkNEW-${run}-${n}`, n, `<new.${run}.${n}@mail.example>`);
    return { method: 'POST', path: '/v1/threads', body: text };
  };
}

/** Search terms in turn: a name word, a domain prefix, a contact email, an invoice number, a PO number. */
export function searchTerms(s: Samples, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const slot = i % 5;
    if (slot === 0) return at(SEARCH_WORDS, i);
    if (slot === 1) return at(s.domains, i).slice(0, 10);
    if (slot === 2) return at(s.contacts, i).email;
    if (slot === 3) return at(s.invoiceNumbers, i).toLowerCase();
    return at(s.poNumbers.length ? s.poNumbers : s.invoiceNumbers, i);
  });
}

/** GET /v1/customers?q= over the search terms, shuffled. */
export function searchRequests(s: Samples, count = 200): BenchRequest[] {
  return shuffled(searchTerms(s, count).map((q) => ({ method: 'GET', path: `/v1/customers?q=${encodeURIComponent(q)}` })));
}

/** Cycles through a fixed list. */
export function cycle(items: readonly BenchRequest[]): () => BenchRequest {
  let n = 0;
  return () => items[n++ % items.length]!;
}
