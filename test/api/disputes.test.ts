/** POST /v1/customers/{id}/disputes: the amount is at most the open balance; an invoice is in at most one open dispute. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { disputes } from '../../api/src/db/schema';
import { todayIn } from '../../api/src/services/org/get-org-settings';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedInvoice, seedOrg, seedPayment, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let customer: { id: string };
const today = todayIn('UTC');
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  customer = await seedCustomer(database.db, org.orgId, { name: 'Acme', currency: 'EUR' });
});
afterAll(() => database.close());

const api = () => client(app, org.tokens.collector);
const openDisputes = async () =>
  (await database.db.select({ n: count() }).from(disputes).where(and(eq(disputes.orgId, org.orgId), eq(disputes.customerId, customer.id), eq(disputes.status, 'open'))))[0]!.n;
const invoiceOf = (number: string, amount: number) =>
  seedInvoice(database.db, org.orgId, customer.id, { number, amount, currency: 'EUR', issueDate: inDays(-40), dueDate: inDays(-10) });

describe('a dispute amount', () => {
  it('may not exceed the open balance of its invoices (99,999,999.00 against 37,601.32)', async () => {
    const invoice = await invoiceOf('INV-A1', 4_000_000);
    await seedPayment(database.db, org.orgId, customer.id, { amount: 239_868, receivedDate: inDays(-5), currency: 'EUR', allocations: [{ invoiceId: invoice.id, amount: 239_868 }] });
    const before = await openDisputes();
    const res = await api().post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [invoice.id], reason: 'pricing', amount: 9_999_999_900 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'amount', message: 'may not exceed the open balance of the invoices, €37,601.32' }]);
    expect(await openDisputes()).toBe(before);
    const exact = await api().post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [invoice.id], reason: 'pricing', amount: 3_760_132 });
    expect(exact.status).toBe(201);
  });
});

describe('an invoice already in an open dispute', () => {
  it('is not disputed again: 409 naming the open dispute, documented; once it is resolved, a new one may open', async () => {
    const [a, b] = [await invoiceOf('INV-B1', 10_000), await invoiceOf('INV-B2', 20_000)];
    const first = await api().post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [a.id], reason: 'quantity' });
    expect(first.status).toBe(201);
    const again = await api().post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [b.id, a.id], reason: 'pricing' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict', existingDisputeId: first.body.id, errors: [{ field: 'invoiceIds', message: expect.stringContaining(`invoice INV-B1 is already in open dispute ${first.body.id}`) }] });

    const doc = await client(app).get('/v1/openapi.json');
    const conflict = doc.body.paths['/v1/customers/{id}/disputes'].post.responses['409'];
    expect(conflict.content['application/problem+json'].schema.$ref).toBe('#/components/schemas/DisputeConflict');
    expect(doc.body.components.schemas.DisputeConflict.properties.existingDisputeId).toBeDefined();

    expect((await api().post(`/v1/disputes/${first.body.id}/resolve`, { status: 'resolved', note: 'Credited' })).status).toBe(200);
    expect((await api().post(`/v1/customers/${customer.id}/disputes`, { invoiceIds: [a.id, b.id], reason: 'pricing' })).status).toBe(201);
  });

  it('stays in one dispute when two requests dispute it at the same time', async () => {
    const invoice = await invoiceOf('INV-C1', 50_000);
    const before = await openDisputes();
    const body = { invoiceIds: [invoice.id], reason: 'not_received' };
    const answers = await Promise.all([api().post(`/v1/customers/${customer.id}/disputes`, body), api().post(`/v1/customers/${customer.id}/disputes`, body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const [created, refused] = answers[0]!.status === 201 ? answers : [answers[1]!, answers[0]!];
    expect(refused!.body.existingDisputeId).toBe(created!.body.id);
    expect(await openDisputes()).toBe(before + 1);
  });
});
