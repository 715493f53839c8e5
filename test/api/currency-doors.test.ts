/** Every door a currency code comes through refuses codes ISO 4217 does not have, naming the field, and stores nothing. */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { customers, invoices, organizations, promises } from '../../api/src/db/schema';
import { createOrganization } from '../../api/src/services/orgs/create-organization';
import { todayIn } from '../../api/src/services/org/get-org-settings';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let customer: { id: string };
const today = todayIn('UTC');
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const UNKNOWN = ['XYZ', 'ZZZ', 'QQQ', 'XXX', 'XTS', 'gbp'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  customer = await seedCustomer(database.db, org.orgId, { name: 'Budapest Kft', currency: 'HUF' });
});
afterAll(() => database.close());

const rows = async (table: typeof customers | typeof invoices | typeof promises) =>
  (await database.db.select({ n: count() }).from(table).where(eq(table.orgId, org.orgId)))[0]!.n;

describe('POST /v1/customers/{id}/promises', () => {
  it.each(UNKNOWN)('refuses currency %s with 422 naming the field', async (currency) => {
    const before = await rows(promises);
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customer.id}/promises`, { amount: 1_000, currency, promisedDate: inDays(7) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'currency', message: 'expected an ISO 4217 currency code such as USD' }]);
    expect(await rows(promises)).toBe(before);
  });

  it('stores a HUF promise in minor units of two decimals, as ISO 4217 has them', async () => {
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customer.id}/promises`, { amount: 123_400, promisedDate: inDays(7) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: 123_400, currency: 'HUF' });
  });
});

describe('PUT /v1/sync/*', () => {
  const put = (kind: string, items: unknown[]) => client(app, org.tokens.admin).call('PUT', `/v1/sync/${kind}`, { items });

  it.each(UNKNOWN)('refuses a customer in %s, naming items.<i>.currency', async (currency) => {
    const before = await rows(customers);
    const res = await put('customers', [{ externalRef: 'OK-1', name: 'Fine', currency: 'GBP' }, { externalRef: 'Q-1', name: 'Quux', currency }]);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['items.1.currency']);
    expect(await rows(customers)).toBe(before);
  });

  it('refuses invoices, payments and credit notes in an unknown currency', async () => {
    await put('customers', [{ externalRef: 'C-1', name: 'Acme', currency: 'EUR' }]);
    const invoice = { externalRef: 'I-1', customerRef: 'C-1', number: 'INV-1', issueDate: inDays(-10), dueDate: inDays(20), amount: 1_000, currency: 'XYZ' };
    const payment = { externalRef: 'P-1', customerRef: 'C-1', amount: 1_000, currency: 'ZZZ', receivedDate: inDays(-1) };
    const credit = { externalRef: 'CN-1', customerRef: 'C-1', number: 'CN-1', issueDate: inDays(-1), amount: 1_000, currency: 'QQQ' };
    for (const [kind, item] of [['invoices', invoice], ['payments', payment], ['credit-notes', credit]] as const) {
      const res = await put(kind, [item]);
      expect(res.status, kind).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field), kind).toContain('items.0.currency');
    }
    expect(await rows(invoices)).toBe(0);
  });
});

describe('organisations', () => {
  it('refuses a base currency ISO 4217 does not have', async () => {
    await expect(createOrganization(database.db, { slug: 'xyz-co', name: 'XYZ Co', baseCurrency: 'XYZ' })).rejects.toThrow('baseCurrency: XYZ is not an ISO 4217 currency code');
    expect(await database.db.select().from(organizations).where(eq(organizations.slug, 'xyz-co'))).toEqual([]);
    const huf = await createOrganization(database.db, { slug: 'huf-co', name: 'HUF Co', baseCurrency: 'HUF' });
    expect(huf.slug).toBe('huf-co');
  });
});

describe('the OpenAPI document', () => {
  it('lists the ISO 4217 codes as the currency enum', async () => {
    const doc = (await client(app).get('/v1/openapi.json')).body;
    const currency = doc.components.schemas.Currency;
    expect(currency.enum).toContain('HUF');
    expect(currency.enum).not.toContain('XYZ');
    expect(currency.enum).toHaveLength(166);
  });
});
