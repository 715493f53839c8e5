/** PUT /v1/sync/*: bulk upserts by external reference, all or nothing, admin only, per organisation. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { auditLog, contacts, customerDomains, customers, invoices, paymentAllocations, payments, promises } from '../../api/src/db/schema';
import { todayIn } from '../../api/src/services/org/get-org-settings';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let other: SeededOrg;
const today = todayIn('UTC');
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  other = await seedOrg(database.db);
});
afterAll(() => database.close());

const admin = () => client(app, org.tokens.admin);
const put = (kind: string, items: unknown[], token = org.tokens.admin) => client(app, token).call('PUT', `/v1/sync/${kind}`, { items });
const rowCount = async (table: typeof customers | typeof invoices | typeof payments | typeof paymentAllocations | typeof auditLog | typeof contacts, orgId = org.orgId) =>
  (await database.db.select({ n: count() }).from(table).where(eq(table.orgId, orgId)))[0]!.n;
const customerByRef = async (ref: string, orgId = org.orgId) =>
  (await database.db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.externalRef, ref))))[0];

const acme = { externalRef: 'C-1', name: 'Acme Ltd', currency: 'EUR', paymentTermsDays: 30, domains: ['acme.example'], tags: ['key'] };
const bolt = { externalRef: 'C-2', name: 'Bolt GmbH', currency: 'EUR', parentRef: 'C-1' };
const invoice = (n: number, extra: Record<string, unknown> = {}) => ({
  externalRef: `I-${n}`, customerRef: 'C-1', number: `INV-${n}`, issueDate: inDays(-40), dueDate: inDays(-10), amount: 100_000, currency: 'EUR', ...extra,
});

describe('PUT /v1/sync/customers', () => {
  it('creates, then answers a repeat as unchanged without writing anything', async () => {
    const first = await put('customers', [acme, bolt]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const parent = await customerByRef('C-1');
    expect((await customerByRef('C-2'))?.parentId).toBe(parent?.id); // a parent earlier in the same batch
    expect((await database.db.select().from(customerDomains).where(eq(customerDomains.customerId, parent!.id))).map((d) => d.domain)).toEqual(['acme.example']);

    const audits = await rowCount(auditLog);
    const again = await put('customers', [acme, bolt]);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await rowCount(auditLog)).toBe(audits);
    expect((await customerByRef('C-1'))?.updatedAt).toEqual(parent?.updatedAt);
  });

  it('updates only what changed and audits the before and after', async () => {
    const res = await put('customers', [{ ...acme, name: 'Acme Limited' }, bolt]);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const parent = await customerByRef('C-1');
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, parent!.id), eq(auditLog.action, 'customer.updated')));
    expect(audit).toMatchObject({ actorId: org.users.admin.id, before: { name: 'Acme Ltd' }, after: { name: 'Acme Limited' } });
  });

  it('refuses a whole batch with one bad record, naming items.<i>.<field>, and stores nothing', async () => {
    const before = await rowCount(customers);
    const res = await put('customers', [{ externalRef: 'C-9', name: 'Fine', currency: 'USD' }, { externalRef: 'C-10', name: 'Bad', currency: 'usd' }]);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['items.1.currency']);
    const parentless = await put('customers', [{ externalRef: 'C-9', name: 'Fine', currency: 'USD' }, { externalRef: 'C-11', name: 'Orphan', currency: 'USD', parentRef: 'NOPE' }]);
    expect(parentless.status).toBe(422);
    expect(parentless.body.errors).toEqual([{ field: 'items.1.parentRef', message: 'no customer with external reference NOPE' }]);
    expect(await rowCount(customers)).toBe(before);
  });

  it('documents a maximum batch of 1000 and enforces it', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({ externalRef: `X-${i}`, name: `X ${i}`, currency: 'USD' }));
    const res = await put('customers', items);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('items');
    const doc = await client(app).get('/v1/openapi.json');
    const operation = doc.body.paths['/v1/sync/customers'].put;
    expect(operation['x-payside-role']).toBe('admin');
    expect(operation.description).toContain('At most 1000 records');
    for (const kind of ['contacts', 'invoices', 'payments', 'credit-notes']) expect(doc.body.paths[`/v1/sync/${kind}`].put).toBeDefined();
  });
});

describe('PUT /v1/sync/invoices, payments, credit-notes, contacts', () => {
  it('checks dates, references and number clashes, storing nothing on any error', async () => {
    const before = await rowCount(invoices);
    const res = await put('invoices', [invoice(1), invoice(2, { dueDate: inDays(-50) }), invoice(3, { customerRef: 'C-404' }), invoice(4, { issueDate: '2025-02-30' })]);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['items.1.dueDate', 'items.3.issueDate']);
    const refs = await put('invoices', [invoice(1), invoice(3, { customerRef: 'C-404' })]);
    expect(refs.body.errors).toEqual([{ field: 'items.1.customerRef', message: 'no customer with external reference C-404' }]);
    expect(await rowCount(invoices)).toBe(before);

    expect((await put('invoices', [invoice(1), invoice(2)])).body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const clash = await put('invoices', [invoice(5, { number: 'INV-1' })]);
    expect(clash.body.errors).toEqual([{ field: 'items.0.number', message: 'invoice number INV-1 already belongs to invoice I-1' }]);
  });

  it('allocates payments exactly as sent and shows the rest as unallocated cash', async () => {
    const bad = await put('payments', [
      { externalRef: 'P-1', customerRef: 'C-1', amount: 50_000, currency: 'EUR', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-1', amount: 60_000 }] },
      { externalRef: 'P-2', customerRef: 'C-1', amount: 50_000, currency: 'USD', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-1', amount: 10_000 }] },
      { externalRef: 'P-3', customerRef: 'C-2', amount: 50_000, currency: 'EUR', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-2', amount: 10_000 }] },
    ]);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { field: 'items.0.allocations', message: 'allocations add up to 60000, more than the amount 50000' },
    ]);
    const refs = await put('payments', [
      { externalRef: 'P-2', customerRef: 'C-1', amount: 50_000, currency: 'USD', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-1', amount: 10_000 }] },
      { externalRef: 'P-3', customerRef: 'C-2', amount: 50_000, currency: 'EUR', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-2', amount: 10_000 }] },
    ]);
    expect(refs.body.errors).toEqual([
      { field: 'items.0.allocations.0.invoiceRef', message: 'invoice I-1 is in EUR, the payment in USD' },
      { field: 'items.1.allocations.0.invoiceRef', message: 'invoice I-2 belongs to another customer' },
    ]);
    expect(await rowCount(payments)).toBe(0);

    const ok = await put('payments', [
      { externalRef: 'P-1', customerRef: 'C-1', amount: 150_000, currency: 'EUR', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-1', amount: 100_000 }] },
      { externalRef: 'P-4', customerRef: 'C-1', amount: 20_000, currency: 'EUR', receivedDate: inDays(-3) },
    ]);
    expect(ok.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const acmeRow = await customerByRef('C-1');
    const panel = await admin().get(`/v1/customers/${acmeRow!.id}`);
    // I-1 paid in full; I-2 open; 500.00 of P-1 and all 200.00 of P-4 unallocated
    expect(panel.body.openInvoices.map((i: { number: string }) => i.number)).toEqual(['INV-2']);
    expect(panel.body.status.totals[0]).toMatchObject({ currency: 'EUR', outstanding: 100_000, unallocatedCash: 70_000 });

    // Re-allocating changes only that payment; omitting allocations keeps them
    const moved = await put('payments', [
      { externalRef: 'P-1', customerRef: 'C-1', amount: 150_000, currency: 'EUR', receivedDate: inDays(-5), allocations: [{ invoiceRef: 'I-1', amount: 100_000 }, { invoiceRef: 'I-2', amount: 50_000 }] },
      { externalRef: 'P-4', customerRef: 'C-1', amount: 20_000, currency: 'EUR', receivedDate: inDays(-3) },
    ]);
    expect(moved.body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(await rowCount(paymentAllocations)).toBe(2);
  });

  it('applies credit notes to invoices of the same customer and currency', async () => {
    const bad = await put('credit-notes', [{ externalRef: 'CN-1', customerRef: 'C-2', invoiceRef: 'I-2', number: 'CN-1', issueDate: inDays(-1), amount: 10_000, currency: 'EUR' }]);
    expect(bad.body.errors).toEqual([{ field: 'items.0.invoiceRef', message: 'invoice I-2 belongs to another customer' }]);
    const ok = await put('credit-notes', [{ externalRef: 'CN-1', customerRef: 'C-1', invoiceRef: 'I-2', number: 'CN-1', issueDate: inDays(-1), amount: 10_000, currency: 'EUR' }]);
    expect(ok.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const panel = await admin().get(`/v1/customers/${(await customerByRef('C-1'))!.id}`);
    // I-2: 1,000.00 − 500.00 paid − 100.00 credited = 400.00
    expect(panel.body.openInvoices[0]).toMatchObject({ number: 'INV-2', balance: 40_000 });
  });

  it('matches contacts by reference or by customer and email, keeping one primary payer', async () => {
    const first = await put('contacts', [
      { customerRef: 'C-1', name: 'Mia', email: 'Mia@Acme.example', role: 'ap', isPrimaryPayer: true },
      { externalRef: 'K-2', customerRef: 'C-1', name: 'Ole', email: 'ole@acme.example' },
    ]);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const second = await put('contacts', [
      { externalRef: 'K-1', customerRef: 'C-1', name: 'Mia Kovač', email: 'mia@acme.example' },
      { externalRef: 'K-2', customerRef: 'C-1', name: 'Ole', email: 'ole@acme.example', isPrimaryPayer: true },
    ]);
    expect(second.body).toEqual({ created: 0, updated: 2, unchanged: 0 });
    const rows = await database.db.select().from(contacts).where(eq(contacts.orgId, org.orgId));
    expect(rows.map((c) => [c.externalRef, c.name, c.isPrimaryPayer]).sort()).toEqual([['K-1', 'Mia Kovač', false], ['K-2', 'Ole', true]]);
    const twoPrimaries = await put('contacts', [
      { customerRef: 'C-1', name: 'A', email: 'a@acme.example', isPrimaryPayer: true },
      { customerRef: 'C-1', name: 'B', email: 'b@acme.example', isPrimaryPayer: true },
    ]);
    expect(twoPrimaries.body.errors[0].field).toBe('items.1.isPrimaryPayer');
  });

  it('keeps a promise once a synced payment covers it, without anyone opening the customer', async () => {
    const acmeRow = await customerByRef('C-1');
    const made = await client(app, org.tokens.collector).post(`/v1/customers/${acmeRow!.id}/promises`, { amount: 30_000, promisedDate: inDays(7) });
    expect(made.status).toBe(201);
    expect((await put('payments', [{ externalRef: 'P-5', customerRef: 'C-1', amount: 30_000, currency: 'EUR', receivedDate: today }])).status).toBe(200);
    const [stored] = await database.db.select().from(promises).where(eq(promises.id, made.body.id));
    expect(stored?.status).toBe('kept');
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, made.body.id), eq(auditLog.action, 'promise.kept')));
    expect(audit?.actorLabel).toBe('system');
  });
});

describe('sync security', () => {
  it('allows admins only: 401 without a token, 403 for viewers and collectors, nothing stored', async () => {
    const before = await rowCount(customers);
    expect((await client(app).call('PUT', '/v1/sync/customers', { items: [acme] })).status).toBe(401);
    for (const role of ['viewer', 'collector'] as const) {
      for (const kind of ['customers', 'contacts', 'invoices', 'payments', 'credit-notes']) {
        const res = await put(kind, [{ externalRef: 'Z', name: 'Z', currency: 'USD' }], org.tokens[role]);
        expect(res.status, `${role} ${kind}`).toBe(403);
      }
    }
    expect(await rowCount(customers)).toBe(before);
  });

  it("never sees another organisation's references", async () => {
    const res = await put('invoices', [invoice(1)], other.tokens.admin);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'items.0.customerRef', message: 'no customer with external reference C-1' }]);
    const payment = await put('payments', [{ externalRef: 'P-1', customerRef: 'C-1', amount: 1, currency: 'EUR', receivedDate: today }], other.tokens.admin);
    expect(payment.status).toBe(422);
    // the same references in another org are that org's own records
    expect((await put('customers', [acme], other.tokens.admin)).body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await put('invoices', [invoice(1)], other.tokens.admin)).body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await rowCount(invoices, other.orgId)).toBe(1);
    expect((await customerByRef('C-1'))?.name).toBe('Acme Limited');
  });
});
