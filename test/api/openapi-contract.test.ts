/**
 * The contract check itself: every response a test receives from a /v1 operation is held to /v1/openapi.json
 * (test/helpers/openapi-contract.ts, through test/helpers/app.ts and client()). Here: that it catches what it
 * should, that every test builds its app through it, and that the document lists the problems the pipeline answers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp as createUncheckedApp } from '../../api/src/app';
import { createApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { checkResponse, checkResponsesOf, unclaimedViolations } from '../helpers/openapi-contract';
import { listOperations, openApiDocument } from '../helpers/openapi-operations';
import { repoRoot } from '../helpers/spawn';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
});
afterAll(() => database.close());

const problemJson = { 'content-type': 'application/problem+json' };
const problem = { type: 'about:blank', title: 'x', status: 0, code: 'x', requestId: 'r' };

describe('the check', () => {
  it('passes what the document allows and skips what is not an operation of it', async () => {
    const request = new Request('http://localhost/v1/me');
    const me = await app.request(request.url, { headers: { authorization: `Bearer ${org.tokens.viewer}` } });
    expect(me.status).toBe(200);
    expect(await checkResponse(app, request, me)).toBeUndefined();
    expect(await checkResponse(app, new Request('http://localhost/gmail/homepage', { method: 'POST' }), new Response('anything', { status: 418 }))).toBeUndefined();
    expect(await checkResponse(app, new Request('http://localhost/v1/nowhere'), new Response('{}', { status: 404 }))).toBeUndefined();
  });

  it('names the operation, the status and what is wrong: an unlisted status, a body off its schema, an unlisted content type', async () => {
    const get = (path: string) => new Request(`http://localhost${path}`);
    expect(await checkResponse(app, get('/v1/me'), new Response(JSON.stringify({ ...problem, status: 418 }), { status: 418, headers: problemJson }))).toEqual({
      operation: 'GET /v1/me (GET /v1/me)',
      status: 418,
      message: expect.stringMatching(/^status 418 is not listed \(listed: 200, .*401/),
    });
    const offSchema = await checkResponse(app, get('/v1/customers/7a6c9a1e-1f0c-4d7e-9a55-0f6a2b8e1c11'), Response.json({ customer: { id: 'not-a-uuid' } }));
    expect(offSchema).toMatchObject({ operation: 'GET /v1/customers/{id} (GET /v1/customers/7a6c9a1e-1f0c-4d7e-9a55-0f6a2b8e1c11)', status: 200 });
    expect(offSchema!.message).toContain('/customer/id must match format "uuid"');
    expect(offSchema!.message).toContain("must have required property 'name'");
    expect((await checkResponse(app, get('/v1/me'), new Response('{}', { status: 401, headers: { 'content-type': 'text/html' } })))!.message).toBe('content type "text/html" is not listed (listed: application/problem+json)');
    // A 204 cannot carry a body in fetch's Response, so "a body where none is listed" cannot be shown through it.
  });

  it('fails the call that received a violation, and records it for the test', async () => {
    const drifted = createUncheckedApp({ db: database.db });
    // A handler answering off its schema, as drift would.
    drifted.fetch = (async () => Response.json({ user: 'nobody' })) as typeof drifted.fetch;
    checkResponsesOf(drifted);
    await expect(client(drifted, org.tokens.viewer).get('/v1/me')).rejects.toThrow(/GET \/v1\/me .*answered 200: .*\/user must be object/);
    // Claimed here, so the setup file's after-each check does not fail this test for it.
    expect(unclaimedViolations.splice(0)).toHaveLength(1);
  });
});

describe('who goes through it', () => {
  /** The helper that wraps the app, and this file, which builds an unchecked app on purpose. */
  const THE_CHECK = ['test/helpers/app.ts', 'test/api/openapi-contract.test.ts'];

  it('every API, Gmail and end-to-end test builds its app with test/helpers/app.ts, never api/src/app directly', () => {
    const offenders: string[] = [];
    for (const dir of ['test/api', 'test/gmail', 'test/gmail/helpers', 'test/e2e', 'test/helpers', 'test/bench']) {
      let files: string[];
      try {
        files = readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith('.ts'));
      } catch {
        continue;
      }
      for (const file of files) {
        const text = readFileSync(join(repoRoot, dir, file), 'utf8');
        // A value import of createApp from the app module (type-only imports are fine).
        if (/import\s*\{[^}]*\bcreateApp\b[^}]*\}\s*from\s*'[./]*api\/src\/app'/.test(text) && !/import\s+type\s*\{[^}]*\bcreateApp\b/.test(text) && !THE_CHECK.includes(`${dir}/${file}`)) offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the document lists what the pipeline answers', () => {
  const doc = openApiDocument(createApp({ db: undefined as never }));

  it.each(listOperations(doc).map((op) => [op.name, op] as const))('%s', (_, op) => {
    const statuses = Object.keys(op.spec.responses);
    for (const status of ['400', '401', '404', '413', '422', '429', '503']) expect(statuses, status).toContain(status);
    if (op.role !== 'viewer') expect(statuses).toContain('403');
    if (op.method !== 'GET') expect(statuses).toContain('409');
    if (op.spec.requestBody) expect(statuses).toContain('415');
    for (const status of statuses.filter((s) => Number(s) >= 400)) expect(Object.keys(op.spec.responses[status].content), status).toEqual(['application/problem+json']);
  });

  it('answers a customer without a parent as the document says (parent: null)', async () => {
    const customer = await seedCustomer(database.db, org.orgId, { name: 'No Parent Ltd' });
    const res = await client(app, org.tokens.viewer).get(`/v1/customers/${customer.id}`);
    expect(res.status).toBe(200);
    expect(res.body.customer.parent).toBeNull();
  });
});
