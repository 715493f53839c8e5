/** Writes a demo plan into one organisation with multi-row inserts, mapping local keys to fresh UUIDs. */
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import {
  contacts, creditNotes, customerDomains, customers, disputeInvoices, disputes, holds, invoices,
  messages, notes, paymentAllocations, payments, promises, threads, users,
} from '../db/schema';
import { DEMO_USERS, type DemoUserKey } from './demo-directory';
import type { DemoPlan } from './demo-plan.types';
import { messageKeyOf } from '../services/threads/message-key';

const CHUNK_SIZE = 500;

/** Inserts rows in chunks of 500, so no statement nears PostgreSQL's parameter limit. */
async function insertChunks<T extends PgTable>(tx: Db, table: T, rows: Array<T['$inferInsert']>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK_SIZE));
  }
}

/** A fresh UUID per local key, the same one every time the key is asked for. */
function keyedIds(): (key: string) => string {
  const ids = new Map<string, string>();
  return (key) => {
    let id = ids.get(key);
    if (!id) ids.set(key, (id = randomUUID()));
    return id;
  };
}

const at = (iso: string) => new Date(iso);

/** Inserts every row of the plan for `orgId`. */
export async function insertPlan(tx: Db, orgId: string, plan: DemoPlan): Promise<void> {
  const id = keyedIds();
  const user = (key: DemoUserKey) => id(`user:${key}`);
  const maybeUser = (key: DemoUserKey | null) => (key ? user(key) : null);
  const customer = (ref: string) => id(`customer:${ref}`);
  const invoice = (key: string) => id(`invoice:${key}`);

  await insertChunks(tx, users, DEMO_USERS.map((u) => ({ id: user(u.key), orgId, email: u.email, name: u.name, role: u.role })));
  await insertChunks(tx, customers, plan.customers.map(({ spec }) => ({
    id: customer(spec.ref), orgId, name: spec.name, externalRef: spec.ref, currency: spec.currency,
    paymentTermsDays: spec.termsDays, creditLimit: Math.round(spec.monthly * 3 / 1000) * 1000 * 100, tier: spec.tier,
    collectorId: user(spec.collector), salesOwnerId: spec.tier === 'standard' ? null : user('tom'),
    csOwnerId: spec.tier === 'strategic' || spec.tier === 'key' ? user('elena') : null, tags: spec.tags,
    parentId: spec.parentRef ? customer(spec.parentRef) : null,
  })));
  await insertChunks(tx, customerDomains, plan.customers.flatMap(({ spec }) =>
    spec.domains.map((domain) => ({ orgId, customerId: customer(spec.ref), domain }))));
  await insertChunks(tx, contacts, plan.customers.flatMap(({ spec, contacts: list }) => list.map((c) => ({
    orgId, customerId: customer(spec.ref), name: c.name, email: c.email.toLowerCase(), phone: c.phone ?? null,
    role: c.role, isPrimaryPayer: c.primary ?? false, notes: c.notes ?? null,
  }))));

  const { ledger } = plan;
  await insertChunks(tx, invoices, ledger.invoices.map((i) => ({
    id: invoice(i.key), orgId, customerId: customer(i.customerRef), number: i.number, externalRef: i.externalRef,
    issueDate: i.issueDate, dueDate: i.dueDate, amount: i.amount, currency: i.currency, poNumber: i.poNumber,
    status: i.void ? ('void' as const) : ('issued' as const),
  })));
  await insertChunks(tx, payments, ledger.payments.map((p) => ({
    id: id(`payment:${p.key}`), orgId, customerId: customer(p.customerRef), amount: p.amount, currency: p.currency,
    receivedDate: p.receivedDate, method: p.method, reference: p.reference, externalRef: p.externalRef,
  })));
  await insertChunks(tx, paymentAllocations, ledger.payments.flatMap((p) => p.allocations.map((a) => ({
    orgId, paymentId: id(`payment:${p.key}`), invoiceId: invoice(a.invoiceKey), amount: a.amount,
  }))));
  await insertChunks(tx, creditNotes, ledger.creditNotes.map((c) => ({
    orgId, customerId: customer(c.customerRef), invoiceId: c.invoiceKey ? invoice(c.invoiceKey) : null, number: c.number,
    externalRef: c.number, issueDate: c.issueDate, amount: c.amount, currency: c.currency, reason: c.reason,
  })));

  const disputeRows = plan.disputes.map((d) => ({ disputeId: randomUUID(), d }));
  await insertChunks(tx, disputes, disputeRows.map(({ disputeId, d }) => ({
    id: disputeId, orgId, customerId: customer(d.customerRef), reason: d.reason, description: d.description,
    amount: d.amount, currency: d.currency, status: d.status, ownerId: user(d.owner), openedBy: user(d.openedBy),
    openedAt: at(d.openedAt), resolutionNote: d.resolutionNote, resolvedBy: maybeUser(d.resolvedBy),
    resolvedAt: d.resolvedAt ? at(d.resolvedAt) : null,
  })));
  await insertChunks(tx, disputeInvoices, disputeRows.flatMap(({ disputeId, d }) =>
    d.invoiceKeys.map((key) => ({ orgId, disputeId, invoiceId: invoice(key) }))));
  await insertChunks(tx, promises, plan.promises.map((p) => ({
    orgId, customerId: customer(p.customerRef), amount: p.amount, currency: p.currency, promisedDate: p.promisedDate,
    madeOn: p.madeOn, status: p.status, note: p.note, invoiceIds: p.invoiceKeys.map(invoice), createdBy: user(p.createdBy),
    createdAt: at(p.createdAt), statusChangedAt: p.statusChangedAt ? at(p.statusChangedAt) : null,
  })));
  await insertChunks(tx, holds, plan.holds.map((h) => ({
    orgId, customerId: customer(h.customerRef), until: h.until, reason: h.reason, setBy: user(h.setBy),
    createdAt: at(h.createdAt), clearedBy: maybeUser(h.clearedBy), clearedAt: h.clearedAt ? at(h.clearedAt) : null,
  })));

  await insertChunks(tx, threads, plan.threads.map((t) => ({
    id: id(`thread:${t.key}`), orgId, customerId: customer(t.customerRef), provider: t.provider, providerThreadId: t.providerThreadId,
    subject: t.subject, loggedBy: user(t.loggedBy), loggedAt: at(t.loggedAt),
    lastMessageAt: at(t.messages.map((m) => m.sentAt).sort().at(-1) ?? t.loggedAt),
  })));
  await insertChunks(tx, messages, plan.threads.flatMap((t) => t.messages.map((m) => ({
    orgId, threadId: id(`thread:${t.key}`), messageKey: messageKeyOf(t.provider, m), internetMessageId: m.internetMessageId,
    providerMessageId: m.providerMessageId, fromAddress: m.from.address, fromName: m.from.name,
    toAddresses: m.to.map((a) => a.address), ccAddresses: m.cc.map((a) => a.address), sentAt: at(m.sentAt),
    subject: m.subject, bodyText: m.bodyText, bodyHtml: m.bodyHtml, attachments: m.attachments,
    loggedBy: user(t.loggedBy), loggedAt: at(m.sentAt > t.loggedAt ? m.sentAt : t.loggedAt),
  }))));
  await insertChunks(tx, notes, plan.notes.map((n) => ({
    orgId, customerId: customer(n.customerRef), threadId: n.threadKey ? id(`thread:${n.threadKey}`) : null,
    body: n.body, authorId: user(n.author), createdAt: at(n.createdAt),
  })));
}
