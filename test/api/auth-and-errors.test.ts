import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { apiTokens } from '../../api/src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db, maxBodyBytes: 64 * 1024 });
  org = await seedOrg(database.db);
});
afterAll(() => database.close());

const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, code, title: expect.any(String), type: expect.stringContaining(code.replace(/_/g, '-')) });
  expect(res.body.requestId).toMatch(/.{8,}/);
  expect(res.headers.get('x-request-id')).toBe(res.body.requestId);
};

describe('authentication', () => {
  it('answers 401 problem without a token', async () => {
    expectProblem(await client(app).get('/v1/me'), 401, 'unauthorized');
  });

  it('answers 401 for an unknown token and for a non-bearer scheme', async () => {
    expectProblem(await client(app, 'psk_not-a-real-token').get('/v1/me'), 401, 'unauthorized');
    expectProblem(await client(app).call('GET', '/v1/me', undefined, { authorization: `Basic ${org.tokens.admin}` }), 401, 'unauthorized');
  });

  it('accepts a valid token and says who the caller is', async () => {
    const res = await client(app, org.tokens.collector).get('/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: org.users.collector.email, role: 'collector' });
    expect(res.body.organization).toMatchObject({ id: org.orgId, slug: org.slug });
  });

  it('rejects a revoked token', async () => {
    const other = await seedOrg(database.db);
    await database.db.update(apiTokens).set({ revokedAt: new Date() });
    expectProblem(await client(app, other.tokens.admin).get('/v1/me'), 401, 'unauthorized');
    await database.db.update(apiTokens).set({ revokedAt: null });
  });

  it('stores only token hashes', async () => {
    const rows = await database.db.select().from(apiTokens);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(org.tokens)).not.toContain(row.tokenHash);
    }
  });
});

describe('error envelope', () => {
  it('answers unknown routes with a 404 problem', async () => {
    expectProblem(await client(app, org.tokens.admin).get('/v1/nope'), 404, 'not_found');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await client(app, org.tokens.admin).call('POST', '/v1/context', '{"provider": "outlook",', { 'content-type': 'application/json' });
    expectProblem(res, 400, 'bad_request');
  });

  it('names every invalid field in a 422 problem', async () => {
    const res = await client(app, org.tokens.admin).post('/v1/context', { provider: 'yahoo', to: 'not-an-array', asOf: '2026-02-30' });
    expectProblem(res, 422, 'validation_failed');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['provider', 'to', 'asOf']));
  });

  it('names invalid path and query parameters', async () => {
    const res = await client(app, org.tokens.admin).get('/v1/customers/not-a-uuid');
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors[0].field).toBe('param.id');
    const q = await client(app, org.tokens.admin).get('/v1/customers?limit=5000');
    expectProblem(q, 422, 'validation_failed');
    expect(q.body.errors[0].field).toBe('query.limit');
  });

  it('answers an oversized body with 413 and stores nothing', async () => {
    const customer = await seedCustomer(database.db, org.orgId);
    const res = await client(app, org.tokens.admin).post(`/v1/customers/${customer.id}/notes`, { body: 'x'.repeat(100 * 1024) });
    expectProblem(res, 413, 'payload_too_large');
    const timeline = await client(app, org.tokens.admin).get(`/v1/customers/${customer.id}/timeline`);
    expect(timeline.body.items).toEqual([]);
  });

  it('serves the OpenAPI 3.1 document and the reference page without a token', async () => {
    const doc = await client(app).get('/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/context', '/v1/customers', '/v1/customers/{id}', '/v1/customers/{id}/timeline', '/v1/threads', '/v1/threads/{id}', '/v1/customers/{id}/contacts', '/v1/contacts/{id}', '/v1/customers/{id}/disputes', '/v1/disputes/{id}/resolve', '/v1/customers/{id}/promises', '/v1/customers/{id}/holds', '/v1/holds/{id}', '/v1/customers/{id}/notes', '/v1/me']),
    );
    expect(doc.body.paths['/v1/threads'].post['x-payside-role']).toBe('collector');
    expect(doc.body.components.schemas.Problem).toBeDefined();
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/v1/context');
    expect(html).toContain('Log a thread to a customer');
  });
});
