/**
 * Every endpoint: no token → 401, a role below the route's minimum → 403, and
 * another organisation's ids → 404 with nothing changed.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { auditLog } from '../../api/src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedContact, seedCustomer, seedInvoice, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let a: SeededOrg;
let b: SeededOrg;
const ids: Record<string, string> = {};

const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: () => string;
  role: 'viewer' | 'collector' | 'admin';
  body?: () => unknown;
  /** Whether the path or body carries an id of organisation A. */
  foreignIds: boolean;
}

const endpoints: Endpoint[] = [
  { method: 'GET', path: () => '/v1/me', role: 'viewer', foreignIds: false },
  { method: 'POST', path: () => '/v1/context', role: 'viewer', body: () => ({ provider: 'outlook', threadId: 't', from: 'x@y.com', customerId: ids.customer }), foreignIds: true },
  { method: 'GET', path: () => '/v1/customers?q=a', role: 'viewer', foreignIds: false },
  { method: 'GET', path: () => `/v1/customers/${ids.customer}`, role: 'viewer', foreignIds: true },
  { method: 'GET', path: () => `/v1/customers/${ids.customer}/timeline`, role: 'viewer', foreignIds: true },
  {
    method: 'POST',
    path: () => '/v1/threads',
    role: 'collector',
    body: () => ({ provider: 'gmail', threadId: 'sec-thread', customerId: ids.customer, messages: [{ internetMessageId: '<sec@x>', from: 'ap@acme.example', subject: 's' }] }),
    foreignIds: true,
  },
  { method: 'GET', path: () => `/v1/threads/${ids.thread}`, role: 'viewer', foreignIds: true },
  { method: 'PATCH', path: () => `/v1/threads/${ids.thread}`, role: 'collector', body: () => ({ customerId: ids.customer2 }), foreignIds: true },
  { method: 'DELETE', path: () => `/v1/threads/${ids.thread}`, role: 'collector', foreignIds: true },
  { method: 'POST', path: () => `/v1/customers/${ids.customer}/contacts`, role: 'collector', body: () => ({ name: 'N', email: 'n@acme.example' }), foreignIds: true },
  { method: 'PATCH', path: () => `/v1/contacts/${ids.contact}`, role: 'collector', body: () => ({ isPrimaryPayer: true }), foreignIds: true },
  { method: 'POST', path: () => `/v1/customers/${ids.customer}/disputes`, role: 'collector', body: () => ({ invoiceIds: [ids.invoice], reason: 'pricing' }), foreignIds: true },
  { method: 'POST', path: () => `/v1/disputes/${ids.dispute}/resolve`, role: 'collector', body: () => ({ status: 'resolved', note: 'ok' }), foreignIds: true },
  { method: 'POST', path: () => `/v1/customers/${ids.customer}/promises`, role: 'collector', body: () => ({ amount: 100, promisedDate: future }), foreignIds: true },
  { method: 'POST', path: () => `/v1/customers/${ids.customer}/holds`, role: 'viewer', body: () => ({ until: future, reason: 'renewal' }), foreignIds: true },
  { method: 'DELETE', path: () => `/v1/holds/${ids.hold}`, role: 'viewer', foreignIds: true },
  { method: 'POST', path: () => `/v1/customers/${ids.customer}/notes`, role: 'viewer', body: () => ({ body: 'hello' }), foreignIds: true },
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  a = await seedOrg(database.db);
  b = await seedOrg(database.db);
  const db = database.db;
  const customer = await seedCustomer(db, a.orgId, { domains: ['acme.example'] });
  ids.customer = customer.id;
  ids.customer2 = (await seedCustomer(db, a.orgId)).id;
  ids.contact = (await seedContact(db, a.orgId, customer.id, { email: 'ap@acme.example' })).id;
  ids.invoice = (await seedInvoice(db, a.orgId, customer.id, { issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000 })).id;
  const api = client(app, a.tokens.admin);
  const thread = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-1', customerId: customer.id, messages: [{ internetMessageId: '<m1@acme.example>', from: 'ap@acme.example' }] });
  ids.thread = thread.body.thread.id;
  ids.dispute = (await api.post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [ids.invoice], reason: 'quantity' })).body.id;
  ids.hold = (await api.post(`/v1/customers/${customer.id}/holds`, { until: future, reason: 'renewal' })).body.id;
  for (const [k, v] of Object.entries(ids)) if (!v) throw new Error(`fixture ${k} missing`);
});
afterAll(() => database.close());

const auditCount = async (orgId: string) =>
  (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, orgId)))[0]!.n;

const below = { viewer: null, collector: 'viewer', admin: 'collector' } as const;

describe.each(endpoints)('$method $path', (endpoint) => {
  const send = (token?: string) => client(app, token).call(endpoint.method, endpoint.path(), endpoint.body?.());

  it('answers 401 without a token', async () => {
    const res = await send();
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it("answers 404 to another organisation's ids and changes nothing", async () => {
    if (!endpoint.foreignIds) {
      const res = await send(b.tokens.admin);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(ids.customer);
      return;
    }
    const [beforeA, beforeB] = [await auditCount(a.orgId), await auditCount(b.orgId)];
    const res = await send(b.tokens.admin);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(await auditCount(a.orgId)).toBe(beforeA);
    expect(await auditCount(b.orgId)).toBe(beforeB);
  });
});

/** Routes open to viewers have no lower role to refuse. */
describe.each(endpoints.filter((e) => e.role !== 'viewer'))('$method $path below its role', (endpoint) => {
  const send = (token?: string) => client(app, token).call(endpoint.method, endpoint.path(), endpoint.body?.());

  it('answers 403 to a role below its minimum', async () => {
    const lower = below[endpoint.role as 'collector' | 'admin'];
    const before = await auditCount(a.orgId);
    const res = await send(a.tokens[lower]);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect(await auditCount(a.orgId)).toBe(before);
  });
});
