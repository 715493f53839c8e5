import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { auditLog, promises } from '../../api/src/db/schema';
import { todayIn } from '../../api/src/services/org/get-org-settings';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedContact, seedCustomer, seedInvoice, seedOrg, seedPayment, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let customer: { id: string };
let other: { id: string };
const today = todayIn('UTC');
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  customer = await seedCustomer(database.db, org.orgId, { name: 'Acme', currency: 'EUR' });
  other = await seedCustomer(database.db, org.orgId, { name: 'Other' });
});
afterAll(() => database.close());

const auditsFor = (entityId: string) => database.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityId, entityId)));

describe('contacts', () => {
  it('adds the sender as a contact with a role, audited', async () => {
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customer.id}/contacts`, { name: 'Mia Kovač', email: ' Mia@Acme.example ', role: 'ap', phone: '+49 30 1234' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Mia Kovač', email: 'mia@acme.example', role: 'ap', isPrimaryPayer: false, customerId: customer.id });
    const [audit] = await auditsFor(res.body.id);
    expect(audit).toMatchObject({ action: 'contact.created', actorId: org.users.collector.id, customerId: customer.id });
  });

  it('refuses a duplicate email at the same customer with 409', async () => {
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customer.id}/contacts`, { name: 'Again', email: 'mia@acme.example' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('email');
  });

  it('keeps a single primary payer per customer', async () => {
    const api = client(app, org.tokens.collector);
    const first = await seedContact(database.db, org.orgId, customer.id, { email: 'p1@acme.example', isPrimaryPayer: true, role: 'payer' });
    const second = await seedContact(database.db, org.orgId, customer.id, { email: 'p2@acme.example', role: 'payer' });
    const res = await api.patch(`/v1/contacts/${second.id}`, { isPrimaryPayer: true });
    expect(res.status).toBe(200);
    expect(res.body.isPrimaryPayer).toBe(true);
    const panel = await api.get(`/v1/customers/${customer.id}`);
    const primaries = panel.body.contacts.filter((c: { isPrimaryPayer: boolean }) => c.isPrimaryPayer);
    expect(primaries.map((c: { id: string }) => c.id)).toEqual([second.id]);
    expect(panel.body.contacts[0].id).toBe(second.id);
    expect(panel.body.contacts.find((c: { id: string }) => c.id === first.id).isPrimaryPayer).toBe(false);
    const [audit] = await auditsFor(second.id);
    expect(audit).toMatchObject({ action: 'contact.updated', before: { isPrimaryPayer: false }, after: { isPrimaryPayer: true } });
  });

  it('rejects an empty or invalid edit naming the field', async () => {
    const contact = await seedContact(database.db, org.orgId, customer.id, { email: 'e@acme.example' });
    const api = client(app, org.tokens.collector);
    const bad = await api.patch(`/v1/contacts/${contact.id}`, { email: 'not an email', role: 'boss' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'role']);
    expect((await api.patch(`/v1/contacts/${contact.id}`, {})).status).toBe(422);
  });
});

describe('disputes', () => {
  it('opens a dispute on two invoices for their open balance, then resolves it', async () => {
    const api = client(app, org.tokens.collector);
    const i1 = await seedInvoice(database.db, org.orgId, customer.id, { issueDate: inDays(-40), dueDate: inDays(-10), amount: 120_000, currency: 'EUR' });
    const i2 = await seedInvoice(database.db, org.orgId, customer.id, { issueDate: inDays(-20), dueDate: inDays(10), amount: 30_000, currency: 'EUR' });
    await seedPayment(database.db, org.orgId, customer.id, { amount: 20_000, currency: 'EUR', receivedDate: inDays(-5), allocations: [{ invoiceId: i1.id, amount: 20_000 }] });
    const opened = await api.post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [i1.id, i2.id], reason: 'pricing', description: 'Price list not applied' });
    expect(opened.status).toBe(201);
    // open balance: (1,200.00 − 200.00) + 300.00 = 1,300.00
    expect(opened.body).toMatchObject({ amount: 130_000, currency: 'EUR', status: 'open', reason: 'pricing', openedBy: { email: org.users.collector.email } });
    expect(opened.body.invoices.map((i: { id: string }) => i.id).sort()).toEqual([i1.id, i2.id].sort());
    const panel = await api.get(`/v1/customers/${customer.id}`);
    // The panel's list reads the same dispute, its invoices and people included, as the one the API answered with.
    expect(panel.body.disputes.find((d: { id: string }) => d.id === opened.body.id)).toEqual(opened.body);
    expect(panel.body.openInvoices.find((i: { id: string }) => i.id === i1.id).disputed).toBe(true);

    const resolved = await api.post(`/v1/disputes/${opened.body.id}/resolve`, { status: 'resolved', note: 'Credit note CN-12 issued' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: 'Credit note CN-12 issued', resolvedBy: { email: org.users.collector.email } });
    const again = await api.post(`/v1/disputes/${opened.body.id}/resolve`, { status: 'rejected', note: 'x' });
    expect(again.status).toBe(409);
    const after = await api.get(`/v1/customers/${customer.id}`);
    expect(after.body.disputes.map((d: { id: string }) => d.id)).not.toContain(opened.body.id);
    expect((await auditsFor(opened.body.id)).map((a) => a.action)).toEqual(['dispute.opened', 'dispute.resolved']);
  });

  it("refuses invoices that are not the customer's, a missing note, and an unknown reason", async () => {
    const api = client(app, org.tokens.collector);
    const foreign = await seedInvoice(database.db, org.orgId, other.id, { issueDate: inDays(-40), dueDate: inDays(-10), amount: 5_000 });
    const res = await api.post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [foreign.id], reason: 'pricing' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('invoiceIds');
    const bad = await api.post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [], reason: 'grumpy' });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['invoiceIds', 'reason']);
  });
});

describe('promises to pay', () => {
  it('records a promise, shows it open, and marks it kept when a payment covers it', async () => {
    const api = client(app, org.tokens.collector);
    const created = await api.post(`/v1/customers/${customer.id}/promises`, { amount: 50_000, promisedDate: inDays(7), note: 'CFO approved' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ amount: 50_000, currency: 'EUR', status: 'open', madeOn: today, promisedDate: inDays(7) });
    let panel = await api.get(`/v1/customers/${customer.id}`);
    expect(panel.body.promises.map((p: { id: string }) => p.id)).toContain(created.body.id);
    expect(created.body.createdBy).toMatchObject({ email: org.users.collector.email });
    expect(panel.body.promises.find((p: { id: string }) => p.id === created.body.id).createdBy).toEqual(created.body.createdBy);

    await seedPayment(database.db, org.orgId, customer.id, { amount: 50_000, currency: 'EUR', receivedDate: today });
    panel = await api.get(`/v1/customers/${customer.id}`);
    expect(panel.body.promises.map((p: { id: string }) => p.id)).not.toContain(created.body.id);
    const [row] = await database.db.select().from(promises).where(eq(promises.id, created.body.id));
    expect(row!.status).toBe('kept');
    expect((await auditsFor(created.body.id)).map((a) => [a.action, a.actorLabel])).toEqual([
      ['promise.created', org.users.collector.email],
      ['promise.kept', 'system'],
    ]);
  });

  it('marks a promise broken once its date passes uncovered', async () => {
    const [row] = await database.db
      .insert(promises)
      .values({ orgId: org.orgId, customerId: other.id, amount: 9_000, currency: 'USD', promisedDate: inDays(-3), madeOn: inDays(-10) })
      .returning();
    const panel = await client(app, org.tokens.viewer).get(`/v1/customers/${other.id}`);
    expect(panel.body.promises).toEqual([]);
    const [after] = await database.db.select().from(promises).where(eq(promises.id, row!.id));
    expect(after!.status).toBe('broken');
    expect(panel.body.status.behaviour.label).toBe('at-risk');
  });

  it('refuses a date in the past and a non-integer amount', async () => {
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customer.id}/promises`, { amount: 10.5, promisedDate: inDays(-1) });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('amount');
    const past = await client(app, org.tokens.collector).post(`/v1/customers/${customer.id}/promises`, { amount: 10, promisedDate: inDays(-1) });
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe('promisedDate');
  });
});

describe('holds', () => {
  it('lets a viewer set a hold the panel shows, and clear it', async () => {
    const api = client(app, org.tokens.viewer);
    const hold = await api.post(`/v1/customers/${customer.id}/holds`, { until: inDays(19), reason: 'Renewal in negotiation' });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ until: inDays(19), reason: 'Renewal in negotiation', setBy: { email: org.users.viewer.email } });
    expect((await api.get(`/v1/customers/${customer.id}`)).body.holds).toEqual([hold.body]);
    expect((await api.delete(`/v1/holds/${hold.body.id}`)).status).toBe(204);
    expect((await api.get(`/v1/customers/${customer.id}`)).body.holds).toEqual([]);
    expect((await auditsFor(hold.body.id)).map((a) => a.action)).toEqual(['hold.created', 'hold.cleared']);
  });

  it('refuses a hold ending in the past', async () => {
    const res = await client(app, org.tokens.viewer).post(`/v1/customers/${customer.id}/holds`, { until: inDays(-1), reason: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('until');
  });
});

describe('notes and the timeline', () => {
  it('adds notes and pages through the timeline newest first without gaps or repeats', async () => {
    const api = client(app, org.tokens.viewer);
    const fresh = await seedCustomer(database.db, org.orgId, { name: 'Paged' });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await api.post(`/v1/customers/${fresh.id}/notes`, { body: `note ${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string; kind: string }>; nextCursor: string | null } } = await api.get(`/v1/customers/${fresh.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const bad = await api.get(`/v1/customers/${fresh.id}/timeline?cursor=garbage`);
    expect(bad.status).toBe(422);
  });

  it('refuses an empty note and a thread of another customer', async () => {
    const api = client(app, org.tokens.viewer);
    expect((await api.post(`/v1/customers/${customer.id}/notes`, { body: '   ' })).status).toBe(422);
    const logged = await client(app, org.tokens.collector).post('/v1/threads', { provider: 'gmail', threadId: 'n-1', customerId: other.id, messages: [{ providerMessageId: 'p1', from: 'a@b.example' }] });
    const res = await api.post(`/v1/customers/${customer.id}/notes`, { body: 'about that thread', threadId: logged.body.thread.id });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('threadId');
  });
});

describe('customer search', () => {
  it('finds customers by name, domain, contact email and invoice number', async () => {
    const db = database.db;
    const c = await seedCustomer(db, org.orgId, { name: 'Umbrella Pharma', domains: ['umbrella-pharma.example'] });
    await seedContact(db, org.orgId, c.id, { email: 'ap@umbrella-pharma.example', name: 'Ada Lovelace' });
    await seedInvoice(db, org.orgId, c.id, { number: 'UMB-7781', issueDate: inDays(-10), dueDate: inDays(20), amount: 1000 });
    const api = client(app, org.tokens.viewer);
    for (const [q, matchedOn] of [['umbrel', 'name'], ['umbrella-pharma.ex', 'domain'], ['ada', 'contact'], ['umb-7781', 'invoice']] as const) {
      const res = await api.get(`/v1/customers?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const hit = res.body.items.find((h: { customer: { id: string } }) => h.customer.id === c.id);
      expect(hit, q).toBeDefined();
      if (matchedOn !== 'name') expect(hit.matchedOn).toBe(matchedOn);
    }
    const none = await api.get('/v1/customers?q=%25');
    expect(none.body.items).toEqual([]);
  });
});
