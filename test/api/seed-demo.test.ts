import { computeArStatus, type ArInput, type BehaviourLabel } from '@shared/ar';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDomain } from 'tldts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/src/db/client';
import * as schema from '../../api/src/db/schema';
import { DEMO_CAST, DEMO_CUSTOMERS, SHARED_DOMAIN } from '../../api/src/seed/demo-directory';
import type { DemoPlan } from '../../api/src/seed/demo-plan.types';
import { demoMailbox } from '../../api/src/seed/demo-mailbox';
import { DEMO_THREADS, INITECH_DISPUTE_MESSAGE_ID } from '../../api/src/seed/demo-threads';
import { planDemo } from '../../api/src/seed/plan-demo';
import { seedDemo } from '../../api/src/seed/seed-demo';
import { loadArInput } from '../../api/src/services/customers/load-ar-input';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const asOf = '2026-11-23';
let database: TestDatabase;
let db: Db;
let orgId: string;

const COUNTED = {
  users: schema.users, customers: schema.customers, customerDomains: schema.customerDomains, contacts: schema.contacts,
  invoices: schema.invoices, payments: schema.payments, paymentAllocations: schema.paymentAllocations, creditNotes: schema.creditNotes,
  disputes: schema.disputes, disputeInvoices: schema.disputeInvoices, promises: schema.promises, holds: schema.holds,
  threads: schema.threads, messages: schema.messages, notes: schema.notes, auditLog: schema.auditLog,
};

async function rowCounts(): Promise<Record<keyof typeof COUNTED, number>> {
  const entries = await Promise.all(
    Object.entries(COUNTED).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table).where(eq(table.orgId, orgId));
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof COUNTED, number>;
}

async function customerNamed(name: string) {
  const [row] = await db.select().from(schema.customers).where(and(eq(schema.customers.orgId, orgId), eq(schema.customers.name, name)));
  if (!row) throw new Error(`no customer ${name}`);
  return row;
}

async function statusOf(name: string) {
  const customer = await customerNamed(name);
  const { input } = await loadArInput(db, orgId, customer, asOf, 7);
  return computeArStatus(input);
}

let firstCounts: Awaited<ReturnType<typeof rowCounts>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const result = await seedDemo(db, { asOf });
  expect(result.created).toBe(true);
  orgId = result.orgId;
  firstCounts = await rowCounts();
});
afterAll(async () => {
  await database?.close();
});

describe('seedDemo', () => {
  it('creates the organisation once; a second call changes nothing', async () => {
    const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, orgId));
    expect(org).toMatchObject({ slug: 'demo', name: 'Northwind Supply Co.', timeZone: 'Europe/London', baseCurrency: 'GBP', ownDomains: ['northwind-supply.com'] });

    const again = await seedDemo(db, { asOf: '2027-01-05' });
    expect(again).toEqual({ orgId, created: false });
    expect(await rowCounts()).toEqual(firstCounts);
  });

  it('seeds another slug alongside, with the same content', async () => {
    const other = await seedDemo(db, { asOf, slug: 'demo-two' });
    expect(other.created).toBe(true);
    expect(other.orgId).not.toBe(orgId);
    const [row] = await db.select({ n: count() }).from(schema.invoices).where(eq(schema.invoices.orgId, other.orgId));
    expect(row?.n).toBe(firstCounts.invoices);
  });

  it('has counts in the designed ranges', () => {
    const c = firstCounts;
    expect(c.users).toBe(5);
    expect(c.customers).toBeGreaterThanOrEqual(30);
    expect(c.customers).toBeLessThanOrEqual(40);
    expect(c.contacts).toBeGreaterThanOrEqual(2 * c.customers);
    expect(c.contacts).toBeLessThanOrEqual(4 * c.customers);
    expect(c.invoices).toBeGreaterThan(12 * c.customers);
    expect(c.payments).toBeGreaterThan(10 * c.customers);
    expect(c.paymentAllocations).toBeGreaterThanOrEqual(c.payments - 1);
    expect(c.creditNotes).toBeGreaterThanOrEqual(1);
    expect(c.disputes).toBe(4);
    expect(c.disputeInvoices).toBeGreaterThanOrEqual(5);
    expect(c.holds).toBe(3);
    expect(c.threads).toBeGreaterThanOrEqual(4);
    expect(c.messages).toBeGreaterThanOrEqual(2 * c.threads);
    expect(c.notes).toBeGreaterThanOrEqual(8);
    expect(c.auditLog).toBe(1);
  });

  it('uses several currencies, one customer invoiced in two', async () => {
    const rows = await db.selectDistinct({ currency: schema.invoices.currency }).from(schema.invoices).where(eq(schema.invoices.orgId, orgId));
    expect(rows.map((r) => r.currency).sort()).toEqual(['EUR', 'GBP', 'USD']);
    const kestrel = await customerNamed(DEMO_CAST.twoCurrencies);
    const mixed = await db.selectDistinct({ currency: schema.invoices.currency }).from(schema.invoices).where(eq(schema.invoices.customerId, kestrel.id));
    expect(mixed).toHaveLength(2);
  });

  it('numbers invoices uniquely and includes void, partly paid, credited and unallocated records', async () => {
    const invoices = await db.select().from(schema.invoices).where(eq(schema.invoices.orgId, orgId));
    expect(invoices.every((i) => /^INV-\d{4}-\d{5}$/.test(i.number))).toBe(true);
    expect(invoices.some((i) => i.poNumber && /^PO-\d{5}$/.test(i.poNumber))).toBe(true);
    expect(invoices.filter((i) => i.status === 'void')).toHaveLength(1);

    const allocated = await db
      .select({ total: sql<number>`sum(${schema.paymentAllocations.amount})`.mapWith(Number), amount: schema.invoices.amount })
      .from(schema.paymentAllocations)
      .innerJoin(schema.invoices, eq(schema.invoices.id, schema.paymentAllocations.invoiceId))
      .where(eq(schema.paymentAllocations.orgId, orgId))
      .groupBy(schema.invoices.id, schema.invoices.amount);
    expect(allocated.some((row) => row.total > 0 && row.total < row.amount)).toBe(true);

    const unallocated = await db
      .select({ id: schema.payments.id })
      .from(schema.payments)
      .leftJoin(schema.paymentAllocations, eq(schema.paymentAllocations.paymentId, schema.payments.id))
      .where(and(eq(schema.payments.orgId, orgId), sql`${schema.paymentAllocations.paymentId} is null`));
    expect(unallocated).toHaveLength(1);

    const credits = await db.select().from(schema.creditNotes).where(eq(schema.creditNotes.orgId, orgId));
    expect(credits.some((c) => c.invoiceId !== null)).toBe(true);
  });

  it('gives most customers exactly one primary payer, and an AP address on a billing subdomain', async () => {
    const contacts = await db.select().from(schema.contacts).where(eq(schema.contacts.orgId, orgId));
    const primaries = new Map<string, number>();
    for (const c of contacts) if (c.isPrimaryPayer) primaries.set(c.customerId, (primaries.get(c.customerId) ?? 0) + 1);
    expect([...primaries.values()].every((n) => n === 1)).toBe(true);
    expect(primaries.size).toBeGreaterThan(firstCounts.customers * 0.8);
    expect(primaries.size).toBeLessThan(firstCounts.customers);

    const acme = await customerNamed(DEMO_CAST.reliable);
    const billing = contacts.find((c) => c.email === 'ap@billing.acme-industrial.co.uk');
    expect(billing?.customerId).toBe(acme.id);
    const domains = await db.select().from(schema.customerDomains).where(eq(schema.customerDomains.customerId, acme.id));
    expect(domains.map((d) => d.domain)).toContain(getDomain(billing?.email ?? ''));
  });

  it('has one parent/subsidiary pair sharing a domain', async () => {
    const sharing = await db
      .select({ id: schema.customers.id, name: schema.customers.name, parentId: schema.customers.parentId })
      .from(schema.customerDomains)
      .innerJoin(schema.customers, eq(schema.customers.id, schema.customerDomains.customerId))
      .where(and(eq(schema.customerDomains.orgId, orgId), eq(schema.customerDomains.domain, SHARED_DOMAIN)));
    expect(sharing.map((c) => c.name).sort()).toEqual([DEMO_CAST.sharedDomainParent, DEMO_CAST.sharedDomainSubsidiary].sort());
    const parent = sharing.find((c) => c.name === DEMO_CAST.sharedDomainParent);
    expect(sharing.find((c) => c.name === DEMO_CAST.sharedDomainSubsidiary)?.parentId).toBe(parent?.id);
  });

  it('stores disputes, promises and holds in every status', async () => {
    const disputes = await db.select().from(schema.disputes).where(eq(schema.disputes.orgId, orgId));
    expect(disputes.map((d) => d.status).sort()).toEqual(['open', 'open', 'rejected', 'resolved']);
    expect(disputes.filter((d) => d.status !== 'open').every((d) => d.resolutionNote && d.resolvedAt)).toBe(true);

    const promises = await db.select().from(schema.promises).where(eq(schema.promises.orgId, orgId));
    expect(new Set(promises.map((p) => p.status))).toEqual(new Set(['open', 'kept', 'broken']));

    const holds = await db.select().from(schema.holds).where(eq(schema.holds.orgId, orgId));
    const active = holds.filter((h) => h.until >= asOf && h.clearedAt === null);
    expect(active).toHaveLength(1);
    expect(active[0]?.reason).toMatch(/^Renewal in negotiation — don't chase until/);
    const [setter] = await db.select().from(schema.users).where(eq(schema.users.id, active[0]?.setBy ?? ''));
    expect(setter?.role).toBe('viewer');
  });
});

describe('designed payment behaviours (computeArStatus on the seeded ledger)', () => {
  const designed: Array<[string, BehaviourLabel]> = [
    [DEMO_CAST.reliable, 'reliable'],
    [DEMO_CAST.paysLatePredictably, 'pays-late-predictably'],
    [DEMO_CAST.slipping, 'slipping'],
    [DEMO_CAST.atRisk, 'at-risk'],
    [DEMO_CAST.brokenPromise, 'at-risk'],
    [DEMO_CAST.newCustomer, 'new'],
  ];
  it.each(designed)('%s is %s', async (name, label) => {
    expect((await statusOf(name)).behaviour.label).toBe(label);
  });

  it('gives the right reasons for the two at-risk customers', async () => {
    expect((await statusOf(DEMO_CAST.atRisk)).behaviour.reason).toMatch(/more than 90 days overdue/);
    expect((await statusOf(DEMO_CAST.brokenPromise)).behaviour.reason).toMatch(/promise to pay .* was broken/);
  });

  it('finds the 15th-of-the-month payer', async () => {
    expect((await statusOf(DEMO_CAST.paysOnThe15th)).payDayPattern?.text).toContain('15th');
  });

  it('shows unallocated cash and a partly paid invoice', async () => {
    const pinecrest = await statusOf(DEMO_CAST.cashOnAccount);
    expect(pinecrest.totals[0]?.unallocatedCash).toBe(125_000);
    const meridian = await statusOf(DEMO_CAST.partialPayments);
    expect(meridian.openInvoices.some((i) => i.balance < i.amount)).toBe(true);
  });
});

/** The AR input of one customer straight from a plan, to check the design over many as-of dates without a database. */
function planInput(plan: DemoPlan, name: string): ArInput {
  const spec = DEMO_CUSTOMERS.find((c) => c.name === name);
  if (!spec) throw new Error(name);
  const disputed = new Set(plan.disputes.flatMap((d) => d.invoiceKeys));
  const payments = plan.ledger.payments.filter((p) => p.customerRef === spec.ref);
  return {
    asOf: plan.asOf, currency: spec.currency, creditLimit: null, orgTypicalDelayDays: 7,
    invoices: plan.ledger.invoices.filter((i) => i.customerRef === spec.ref).map((i) => ({ ...i, id: i.key, disputed: disputed.has(i.key) })),
    settlements: [
      ...payments.flatMap((p) => p.allocations.map((a) => ({ invoiceId: a.invoiceKey, amount: a.amount, date: p.receivedDate, kind: 'payment' as const }))),
      ...plan.ledger.creditNotes.filter((c) => c.customerRef === spec.ref).map((c) => ({ invoiceId: c.invoiceKey ?? '', amount: c.amount, date: c.issueDate, kind: 'credit' as const })),
    ],
    payments: payments.map((p) => ({ id: p.key, amount: p.amount, currency: p.currency, receivedDate: p.receivedDate, unallocated: p.amount - p.allocations.reduce((s, a) => s + a.amount, 0) })),
    promises: plan.promises.filter((p) => p.customerRef === spec.ref).map((p, i) => ({ id: String(i), amount: p.amount, currency: p.currency, createdDate: p.madeOn, promisedDate: p.promisedDate, status: p.status })),
  };
}

describe('planDemo', () => {
  it('is deterministic for an as-of date and matches what was seeded', async () => {
    const plan = planDemo(asOf);
    expect(planDemo(asOf)).toEqual(plan);
    const numbers = await db.select({ number: schema.invoices.number }).from(schema.invoices).where(eq(schema.invoices.orgId, orgId));
    expect(numbers.map((r) => r.number).sort()).toEqual(plan.ledger.invoices.map((i) => i.number).sort());
  });

  it('keeps every designed behaviour whatever the as-of date', () => {
    for (const date of ['2025-01-31', '2025-06-15', '2026-02-28', '2026-07-04', '2027-03-01', '2027-12-31']) {
      const plan = planDemo(date);
      const label = (name: string) => computeArStatus(planInput(plan, name)).behaviour.label;
      expect([label(DEMO_CAST.reliable), label(DEMO_CAST.paysLatePredictably), label(DEMO_CAST.slipping), label(DEMO_CAST.atRisk), label(DEMO_CAST.brokenPromise), label(DEMO_CAST.newCustomer)], date)
        .toEqual(['reliable', 'pays-late-predictably', 'slipping', 'at-risk', 'at-risk', 'new']);
      expect(computeArStatus(planInput(plan, DEMO_CAST.paysOnThe15th)).payDayPattern?.text, date).toContain('15th');
    }
  });

  it('rejects an as-of date that is not a calendar date', () => {
    expect(() => planDemo('2026-02-30')).toThrow(RangeError);
  });
});

describe('demoMailbox', () => {
  const mailbox = demoMailbox(asOf);
  const read = mailbox.filter((m) => m.mode === 'read');

  it('has eight emails to read and drafts addressed to customer contacts', async () => {
    expect(read).toHaveLength(8);
    const drafts = mailbox.filter((m) => m.mode === 'compose');
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    const emails = new Set((await db.select({ email: schema.contacts.email }).from(schema.contacts).where(eq(schema.contacts.orgId, orgId))).map((c) => c.email));
    for (const draft of drafts) expect(draft.to.every((to) => emails.has(to.address))).toBe(true);
    expect(new Set(mailbox.map((m) => m.id)).size).toBe(mailbox.length);
  });

  it('mentions invoices, contacts and domains that the seed created', async () => {
    const numbers = new Set((await db.select({ n: schema.invoices.number }).from(schema.invoices).where(eq(schema.invoices.orgId, orgId))).map((r) => r.n));
    const mentioned = mailbox.flatMap((m) => `${m.subject} ${m.bodyText}`.match(/INV-\d{4}-\d{5}/g) ?? []);
    expect(mentioned.length).toBeGreaterThan(4);
    expect(mentioned.every((n) => numbers.has(n))).toBe(true);
    expect(read.some((m) => m.from.address.endsWith('@gmail.com') && /INV-\d{4}-\d{5}/.test(m.bodyText))).toBe(true);
    expect(read.some((m) => m.from.address.endsWith(`@${SHARED_DOMAIN}`))).toBe(true);
    expect(read.some((m) => m.bodyText.includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('includes a logged message and a new one of the same logged thread', async () => {
    const [thread] = await db.select().from(schema.threads).where(and(eq(schema.threads.orgId, orgId), eq(schema.threads.providerThreadId, DEMO_THREADS.initechDispute.id)));
    expect(thread?.provider).toBe('outlook');
    const stored = new Set((await db.select({ id: schema.messages.internetMessageId }).from(schema.messages).where(eq(schema.messages.threadId, thread?.id ?? ''))).map((m) => m.id));
    const sameThread = read.filter((m) => m.conversationId === DEMO_THREADS.initechDispute.id);
    expect(sameThread.map((m) => stored.has(m.internetMessageId ?? ''))).toEqual([true, false]);
    expect(sameThread[0]?.internetMessageId).toBe(INITECH_DISPUTE_MESSAGE_ID);
  });
});
