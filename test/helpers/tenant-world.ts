/**
 * A tenant with one of every kind of row, seeded through the API as its admin. Two worlds
 * share their natural keys (names, refs, numbers, emails, thread and message ids), so only
 * ids tell them apart; each also has "solo" records whose refs exist in that org alone.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { createApp } from '../../api/src/app';
import type { Db } from '../../api/src/db/client';
import { contacts, creditNotes, customers, invoices, messages, payments } from '../../api/src/db/schema';
import { seedOrg, type SeededOrg } from './factories';
import { client } from './http';

export type Entity = 'customer' | 'customer2' | 'contact' | 'invoice' | 'dispute' | 'promise' | 'hold' | 'thread' | 'message' | 'note' | 'user' | 'payment' | 'creditNote';
export type RefKind = 'customer' | 'customer2' | 'contact' | 'invoice' | 'payment' | 'creditNote';
export type KeyKind = 'threadKey' | 'messageKey' | 'contactEmail' | 'invoiceNumber' | 'customerName';

export interface TenantWorld {
  org: SeededOrg;
  ids: Record<Entity, string>;
  /** External refs shared with every other world. */
  refs: Record<RefKind, string>;
  /** External refs that exist in this organisation only. */
  soloRefs: Record<RefKind, string>;
  /** Natural keys shared with every other world. */
  keys: Record<KeyKind, string>;
  /** Free text only this organisation's rows contain. */
  marker: string;
}

/** The shared natural keys. */
export const SHARED_KEYS: Record<KeyKind, string> = {
  threadKey: 'conv-shared-1',
  messageKey: '<m-shared-1@shared-industries.example>',
  contactEmail: 'ap@shared-industries.example',
  invoiceNumber: 'INV-SHARED-1',
  customerName: 'Shared Industries',
};
const refs: Record<RefKind, string> = { customer: 'CUST-SHARED', customer2: 'CUST-SHARED-2', contact: 'CONTACT-SHARED', invoice: 'INV-SHARED', payment: 'PAY-SHARED', creditNote: 'CN-SHARED' };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Seeds a new organisation with a customer, contact, invoices, payment, credit note, dispute, promise, hold, thread and note. */
export async function seedTenantWorld(db: Db, app: ReturnType<typeof createApp>): Promise<TenantWorld> {
  const org = await seedOrg(db);
  const api = client(app, org.tokens.admin);
  const marker = `marker-${org.slug}`;
  const solo = { customer: `${org.slug}-CUST`, customer2: `${org.slug}-CUST`, contact: `${org.slug}-CONTACT`, invoice: `${org.slug}-INV`, payment: `${org.slug}-PAY`, creditNote: `${org.slug}-CN` };
  const put = async (kind: string, items: unknown[]) => {
    const res = await api.call('PUT', `/v1/sync/${kind}`, { items });
    if (res.status !== 200) throw new Error(`seeding ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const post = async (path: string, body: unknown) => {
    const res = await api.post(path, body);
    if (res.status >= 300) throw new Error(`seeding ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await put('customers', [
    { externalRef: refs.customer, name: SHARED_KEYS.customerName, currency: 'USD', domains: ['shared-industries.example'] },
    { externalRef: refs.customer2, name: 'Shared Two', currency: 'USD' },
    { externalRef: solo.customer, name: `Solo ${org.slug}`, currency: 'USD' },
  ]);
  await put('contacts', [
    { externalRef: refs.contact, customerRef: refs.customer, name: 'Pat Payer', email: SHARED_KEYS.contactEmail, role: 'payer' },
    { externalRef: solo.contact, customerRef: solo.customer, name: 'Solo Payer', email: `ap@${org.slug}.example` },
  ]);
  const invoice = (externalRef: string, number: string, customerRef: string) => ({ externalRef, number, customerRef, issueDate: day(-40), dueDate: day(-10), amount: 100_000, currency: 'USD' });
  await put('invoices', [invoice(refs.invoice, SHARED_KEYS.invoiceNumber, refs.customer), invoice(`${refs.invoice}-2`, 'INV-SHARED-2', refs.customer), invoice(solo.invoice, `${org.slug}-1`, solo.customer)]);
  // Allocates no more than the generated requests' example amount (100), so an update to that amount keeps its allocation.
  const payment = (externalRef: string, customerRef: string, invoiceRef: string) => ({ externalRef, customerRef, amount: 5_000, currency: 'USD', receivedDate: day(-5), allocations: [{ invoiceRef, amount: 100 }] });
  await put('payments', [payment(refs.payment, refs.customer, `${refs.invoice}-2`), payment(solo.payment, solo.customer, solo.invoice)]);
  const credit = (externalRef: string, customerRef: string, invoiceRef: string, number: string) => ({ externalRef, customerRef, invoiceRef, number, issueDate: day(-3), amount: 1_000, currency: 'USD' });
  await put('credit-notes', [credit(refs.creditNote, refs.customer, `${refs.invoice}-2`, 'CN-SHARED-1'), credit(solo.creditNote, solo.customer, solo.invoice, `${org.slug}-CN-1`)]);

  const byRef = async <T extends typeof customers | typeof contacts | typeof invoices | typeof payments | typeof creditNotes>(table: T, ref: string) => {
    const [row] = await db.select({ id: table.id }).from(table as typeof customers).where(and(eq(table.orgId, org.orgId), eq(table.externalRef, ref)));
    if (!row) throw new Error(`no row with ref ${ref}`);
    return row.id;
  };
  const customerId = await byRef(customers, refs.customer);
  const invoiceId = await byRef(invoices, refs.invoice);
  const logged = await post('/v1/threads', {
    provider: 'outlook',
    threadId: SHARED_KEYS.threadKey,
    customerId,
    messages: [{ internetMessageId: SHARED_KEYS.messageKey, from: SHARED_KEYS.contactEmail, subject: SHARED_KEYS.invoiceNumber, bodyText: marker, bodyHtml: `<p>${marker}</p>` }],
  });
  const threadId = logged.thread.id as string;
  const ids: TenantWorld['ids'] = {
    customer: customerId,
    customer2: await byRef(customers, refs.customer2),
    contact: await byRef(contacts, refs.contact),
    invoice: invoiceId,
    payment: await byRef(payments, refs.payment),
    creditNote: await byRef(creditNotes, refs.creditNote),
    thread: threadId,
    message: (await db.select({ id: messages.id }).from(messages).where(eq(messages.threadId, threadId)))[0]!.id,
    // On the second invoice: the first stays free for the operations that dispute it (an invoice is in at most one open dispute).
    dispute: (await post(`/v1/customers/${customerId}/disputes`, { invoiceIds: [await byRef(invoices, `${refs.invoice}-2`)], reason: 'pricing', description: marker })).id,
    promise: (await post(`/v1/customers/${customerId}/promises`, { amount: 1_000, promisedDate: day(30), note: marker })).id,
    hold: (await post(`/v1/customers/${customerId}/holds`, { until: day(30), reason: marker })).id,
    note: (await post(`/v1/customers/${customerId}/notes`, { body: marker, threadId })).id,
    user: org.users.admin.id,
  };
  return { org, ids, refs, soloRefs: solo, keys: SHARED_KEYS, marker };
}


/**
 * Closes the open disputes an earlier generated request opened on the world's invoice, so the next
 * request that disputes it is not refused as a second dispute (409). The world's own dispute is
 * on another invoice and stays as it is.
 */
export async function freeWorldInvoice(db: Db, world: TenantWorld): Promise<void> {
  await db.execute(sql`update disputes set status = 'resolved', resolution_note = 'test reset', resolved_at = now()
    where org_id = ${world.org.orgId} and status = 'open' and id <> ${world.ids.dispute}
      and id in (select dispute_id from dispute_invoices where org_id = ${world.org.orgId} and invoice_id = ${world.ids.invoice})`);
}
