/** GET /v1/messages/{id}/content: raw HTML as a JSON string, never as a page; viewer role; org-scoped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let a: SeededOrg;
let b: SeededOrg;
let messageId: string;
let textOnlyId: string;
const html = '<p>Hi</p><img src=x onerror="top.__xss(1)"><script>alert(1)</script>\u2028&amp;</p>';

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  a = await seedOrg(database.db);
  b = await seedOrg(database.db);
  const customer = await seedCustomer(database.db, a.orgId);
  const message = (id: string, extra: Record<string, unknown>) => ({ internetMessageId: `<${id}@acme.example>`, from: 'Jane <jane@acme.example>', subject: 'Remittance', bodyText: 'Hi', sentAt: '2026-11-20T10:00:00Z', ...extra });
  const logged = await client(app, a.tokens.collector).post('/v1/threads', {
    provider: 'outlook',
    threadId: 'conv-content',
    customerId: customer.id,
    messages: [message('m1', { bodyHtml: html }), message('m2', {})],
  });
  [messageId, textOnlyId] = (logged.body.messages as Array<{ id: string }>).map((m) => m.id) as [string, string];
});
afterAll(() => database.close());

describe('GET /v1/messages/{id}/content', () => {
  it('returns the HTML exactly as logged, as a JSON string, to a viewer', async () => {
    const res = await client(app, a.tokens.viewer).get(`/v1/messages/${messageId}/content`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: messageId, threadId: expect.any(String), from: 'jane@acme.example', fromName: 'Jane', sentAt: '2026-11-20T10:00:00.000Z', subject: 'Remittance', bodyText: 'Hi', bodyHtml: html });
  });

  it('is JSON that a browser will not sniff, render or cache', async () => {
    const res = await client(app, a.tokens.viewer).get(`/v1/messages/${messageId}/content`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('answers null HTML for a message logged as text only', async () => {
    const res = await client(app, a.tokens.viewer).get(`/v1/messages/${textOnlyId}/content`);
    expect(res.body).toMatchObject({ bodyText: 'Hi', bodyHtml: null });
  });

  it('answers 404 for another organisation’s message, exactly as for a missing one', async () => {
    const foreign = await client(app, b.tokens.admin).get(`/v1/messages/${messageId}/content`);
    const missing = await client(app, b.tokens.admin).get('/v1/messages/00000000-0000-4000-8000-000000000000/content');
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect({ ...foreign.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
    expect(JSON.stringify(foreign.body)).not.toContain('onerror');
  });

  it('answers 401 without a token and 422 for an id that is not a uuid', async () => {
    expect((await client(app).get(`/v1/messages/${messageId}/content`)).status).toBe(401);
    const bad = await client(app, a.tokens.viewer).get('/v1/messages/not-a-uuid/content');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toMatch(/id/);
  });

  it('is in the OpenAPI document for viewers', async () => {
    const doc = (await client(app).get('/v1/openapi.json')).body;
    const op = doc.paths['/v1/messages/{id}/content'].get;
    expect(op['x-payside-role']).toBe('viewer');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
  });
});
