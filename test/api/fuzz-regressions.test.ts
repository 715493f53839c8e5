/** The fuzzer's findings, pinned: each of these answered 500 (or stored a different value) before it was fixed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { findUnstorableText } from '../../api/src/lib/unstorable-text';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let org: SeededOrg;
let customerId: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  customerId = (await seedCustomer(database.db, org.orgId, { externalRef: 'CUST-1' })).id;
  app = createApp({ db: database.db });
});
afterAll(() => database.close());

const expect422 = (res: { status: number; body: any }, field: string) => {
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field }] });
};

describe('text the database cannot store', () => {
  it('rejects a NUL character by field (was a 500 from PostgreSQL: 22021)', async () => {
    expect422(await client(app, org.tokens.collector).post(`/v1/customers/${customerId}/notes`, { body: 'call\u0000back' }), 'body');
    expect422(await client(app, org.tokens.admin).call('PUT', '/v1/sync/customers', { items: [{ externalRef: 'A\u0000', name: 'n', currency: 'USD' }] }), 'items.0.externalRef');
  });

  it('rejects an unpaired surrogate by field (was stored as U+FFFD, then the upsert lost track of it: a 500)', async () => {
    expect422(await client(app, org.tokens.admin).call('PUT', '/v1/sync/customers', { items: [{ externalRef: 'R-1\uD800', name: 'n', currency: 'USD' }] }), 'items.0.externalRef');
    expect422(await client(app, org.tokens.collector).post(`/v1/customers/${customerId}/notes`, { body: 'x\uDC00' }), 'body');
  });

  it('still stores emoji (surrogate pairs) and other unusual text as sent', async () => {
    const text = '😀 \u202Eevil\u202C \u200B İ \'"\\ <b>';
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customerId}/notes`, { body: text });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(text);
  });

  it('finds the first bad string or key, or none', () => {
    expect(findUnstorableText({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(findUnstorableText({ ['k\uD800']: 1 })).toBe('k\uD800');
    expect(findUnstorableText({ a: '😀', b: [1, null, true] })).toBeUndefined();
  });
});

describe('dates', () => {
  it('rejects year 0000, which JavaScript parses but PostgreSQL has not got (was a 400 from the database)', async () => {
    const res = await client(app, org.tokens.viewer).get(`/v1/customers/${customerId}?asOf=0000-01-01`);
    expect422(res, 'query.asOf');
  });
});
