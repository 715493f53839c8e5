/** GET /v1/customers/{id}/audit: the admin's audit trail of one customer, newest first, paged by `before`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedInvoice, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let other: SeededOrg;
let customerId: string;
let bystanderId: string;
const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  other = await seedOrg(database.db);
  const customer = await seedCustomer(database.db, org.orgId, { externalRef: 'AUD-1' });
  customerId = customer.id;
  bystanderId = (await seedCustomer(database.db, org.orgId)).id;
  const invoice = await seedInvoice(database.db, org.orgId, customerId, { issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 50_000 });
  const collector = client(app, org.tokens.collector);
  await collector.post(`/v1/customers/${customerId}/notes`, { body: 'first' });
  await collector.post(`/v1/customers/${bystanderId}/notes`, { body: 'not this customer' });
  const dispute = await collector.post(`/v1/customers/${customerId}/disputes`, { invoiceIds: [invoice.id], reason: 'pricing' });
  await collector.post(`/v1/disputes/${dispute.body.id}/resolve`, { status: 'resolved', note: 'credited' });
  await client(app, org.tokens.viewer).post(`/v1/customers/${customerId}/holds`, { until: future, reason: 'renewal' });
  await client(app, org.tokens.admin).call('PUT', '/v1/sync/invoices', { items: [{ externalRef: 'AUD-INV-2', customerRef: 'AUD-1', number: 'AUD-2', issueDate: '2026-02-01', dueDate: '2026-03-01', amount: 700, currency: 'USD' }] });
});
afterAll(() => database?.close());

const audit = (query = '', token = org.tokens.admin, id = customerId) => client(app, token).get(`/v1/customers/${id}/audit${query}`);

describe('GET /v1/customers/{id}/audit', () => {
  it("lists the customer's changes newest first, with the actor and before/after", async () => {
    const res = await audit();
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['invoice.synced', 'hold.created', 'dispute.resolved', 'dispute.opened', 'note.created']);
    expect(res.body.nextBefore).toBeNull();
    const [synced, hold, resolved] = res.body.items;
    expect(synced).toMatchObject({ actor: { id: org.users.admin.id, email: org.users.admin.email }, entityType: 'invoice', entityId: 'batch', before: null, after: { created: 1, updated: 0, batch: { created: 1 } } });
    expect(hold).toMatchObject({ actor: { id: org.users.viewer.id }, actorLabel: org.users.viewer.email, before: null, after: { reason: 'renewal' } });
    expect(resolved).toMatchObject({ actor: { id: org.users.collector.id, name: expect.any(String) }, before: { status: 'open' }, after: { status: 'resolved', note: 'credited' } });
    expect(JSON.stringify(res.body)).not.toContain('not this customer');
    expect(JSON.stringify(res.body)).not.toContain(org.orgId);
  });

  it('pages with limit and before, without gaps or repeats', async () => {
    const all = (await audit()).body.items.map((e: { id: string }) => e.id);
    const seen: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res = await audit(`?limit=2${before ? `&before=${before}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((e: { id: string }) => e.id));
      before = res.body.nextBefore;
      if (!before) break;
    }
    expect(seen).toEqual(all);
    expect(all).toHaveLength(5);
  });

  it('answers 422 to a limit over 200 or a cursor it did not issue', async () => {
    expect((await audit('?limit=201')).status).toBe(422);
    expect((await audit('?limit=0')).status).toBe(422);
    const bad = await audit('?before=abc');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toContain('before');
  });

  it('is for admins only', async () => {
    for (const role of ['viewer', 'collector'] as const) {
      const res = await audit('', org.tokens[role]);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await client(app).get(`/v1/customers/${customerId}/audit`)).status).toBe(401);
  });

  it("answers 404 for another organisation's customer, as for a missing one", async () => {
    const foreign = await audit('', other.tokens.admin);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not_found');
    const missing = await audit('', org.tokens.admin, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe(foreign.body.detail);
  });
});
