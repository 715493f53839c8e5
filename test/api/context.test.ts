import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedContact, seedCreditNote, seedCustomer, seedInvoice, seedOrg, seedPayment, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let acme: { id: string };
let globex: { id: string };
let parent: { id: string };
let subsidiary: { id: string };
const asOf = '2026-11-23';

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db, { ownDomains: ['northwind.example'] });
  const db = database.db;
  acme = await seedCustomer(db, org.orgId, { name: 'Acme Industrial', domains: ['acme.co.uk'], currency: 'GBP', creditLimit: 500_000 });
  globex = await seedCustomer(db, org.orgId, { name: 'Globex Logistics', domains: ['globex.example', 'gmail.com'] });
  parent = await seedCustomer(db, org.orgId, { name: 'Initech Holdings', domains: ['initech.example'] });
  subsidiary = await seedCustomer(db, org.orgId, { name: 'Initech Services', domains: ['initech.example'] });
  await seedContact(db, org.orgId, acme.id, { email: 'pay@acme.co.uk', name: 'Priya Shah', role: 'payer', isPrimaryPayer: true });
  await seedContact(db, org.orgId, acme.id, { email: 'approver@acme.co.uk', name: 'Bo Chen', role: 'approver' });
  await seedContact(db, org.orgId, acme.id, { email: 'zed@acme.co.uk', name: 'Al Other', role: 'other' });
  await seedContact(db, org.orgId, globex.id, { email: 'ap@globex.example', name: 'Globex AP', role: 'ap' });

  // Acme's ledger as of 2026-11-23 (GBP, pence):
  //  A 1,000.00 due 2026-08-01 → 114 days past due → 91+
  //  B   500.00 due 2026-11-01 → 22 days, paid 200.00 → balance 300.00 in 1–30
  //  C   300.00 due 2026-12-15 → current
  //  D   400.00 due 2026-10-01, credit note 400.00 → not open
  //  V   900.00 void → never open
  await seedInvoice(db, org.orgId, acme.id, { number: 'INV-A', issueDate: '2026-07-02', dueDate: '2026-08-01', amount: 100_000, currency: 'GBP', poNumber: 'PO-4471' });
  const b = await seedInvoice(db, org.orgId, acme.id, { number: 'INV-B', issueDate: '2026-10-02', dueDate: '2026-11-01', amount: 50_000, currency: 'GBP' });
  await seedInvoice(db, org.orgId, acme.id, { number: 'INV-C', issueDate: '2026-11-15', dueDate: '2026-12-15', amount: 30_000, currency: 'GBP' });
  const d = await seedInvoice(db, org.orgId, acme.id, { number: 'INV-D', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: 40_000, currency: 'GBP' });
  await seedInvoice(db, org.orgId, acme.id, { number: 'INV-V', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: 90_000, currency: 'GBP', void: true });
  await seedPayment(db, org.orgId, acme.id, { amount: 20_000, currency: 'GBP', receivedDate: '2026-11-10', allocations: [{ invoiceId: b.id, amount: 20_000 }] });
  await seedCreditNote(db, org.orgId, acme.id, { invoiceId: d.id, amount: 40_000, issueDate: '2026-10-05', currency: 'GBP' });
  await seedInvoice(db, org.orgId, globex.id, { number: 'GX-2026-0042', issueDate: '2026-11-01', dueDate: '2026-12-01', amount: 75_000 });
});
afterAll(() => database.close());

const context = (body: Record<string, unknown>, token = org.tokens.viewer) => client(app, token).post('/v1/context', { provider: 'outlook', asOf, ...body });

describe('POST /v1/context matching', () => {
  it('matches a known contact and renders the whole panel in one call', async () => {
    const res = await context({ threadId: 'c-1', from: 'Priya Shah <Pay@Acme.co.uk>', to: ['collector@northwind.example'], subject: 'Remittance' });
    expect(res.status).toBe(200);
    expect(res.body.match.selected).toBe('match');
    expect(res.body.match.ambiguous).toBe(false);
    expect(res.body.match.candidates[0].customer).toEqual({ id: acme.id, name: 'Acme Industrial' });
    expect(res.body.match.candidates[0].reasons.map((r: { kind: string }) => r.kind)).toContain('contact');
    expect(res.body.thread).toBeNull();
    const panel = res.body.panel;
    expect(panel.customer).toMatchObject({ id: acme.id, currency: 'GBP', domains: ['acme.co.uk'], creditLimit: { amount: 500_000, currency: 'GBP' } });
    // Hand-worked: outstanding 1,000 + 300 + 300 = 1,600.00; overdue 1,300.00.
    expect(panel.status.totals).toEqual([
      {
        currency: 'GBP',
        outstanding: 160_000,
        overdue: 130_000,
        aging: { current: 30_000, d1_30: 30_000, d31_60: 0, d61_90: 0, d91_plus: 100_000 },
        unallocatedCash: 0,
        // invoiced in the 90 days to 2026-11-23: B 500 + C 300 (+ D 400 issued 2026-09-01 → 83 days) = 1,200.00
        // DSO = 1,600 / 1,200 × 90 = 120
        dso90: 120,
        creditUsed: 160_000 / 500_000,
      },
    ]);
    expect(panel.status.behaviour.label).toBe('at-risk');
    expect(panel.status.behaviour.reason).toMatch(/90/);
    expect(panel.status.lastPayment).toEqual({ date: '2026-11-10', amounts: [{ amount: 20_000, currency: 'GBP' }] });
    expect(panel.openInvoices.map((i: { number: string }) => i.number)).toEqual(['INV-A', 'INV-B', 'INV-C']);
    expect(panel.openInvoices[0]).toMatchObject({ daysPastDue: 114, bucket: 'd91_plus', balance: 100_000, poNumber: 'PO-4471' });
    expect(panel.openInvoices[1]).toMatchObject({ daysPastDue: 22, bucket: 'd1_30', balance: 30_000 });
    expect(panel.openInvoices[2]).toMatchObject({ daysPastDue: 0, bucket: 'current', balance: 30_000 });
    for (const invoice of panel.openInvoices) expect(invoice.predictedPayDate >= asOf).toBe(true);
    expect(panel.contacts.map((c: { email: string }) => c.email)).toEqual(['pay@acme.co.uk', 'approver@acme.co.uk', 'zed@acme.co.uk']);
  });

  it('matches a subdomain address by registrable domain', async () => {
    const res = await context({ threadId: 'c-2', from: 'someone.new@billing.acme.co.uk' });
    expect(res.body.match.selected).toBe('match');
    expect(res.body.panel.customer.id).toBe(acme.id);
    expect(res.body.match.candidates[0].reasons[0].kind).toBe('domain');
  });

  it('never matches by a free-mail domain, even when a customer lists it', async () => {
    const res = await context({ threadId: 'c-3', from: 'random.person@gmail.com', subject: 'hello' });
    expect(res.body.match.candidates).toEqual([]);
    expect(res.body.panel).toBeNull();
    expect(res.body.match.selected).toBeNull();
  });

  it("ignores the organisation's own addresses and matches the customer among the recipients", async () => {
    const res = await context({ threadId: 'c-4', from: 'collector@northwind.example', to: ['ap@globex.example'], cc: ['boss@northwind.example'] });
    expect(res.body.panel.customer.id).toBe(globex.id);
    expect(res.body.match.candidates).toHaveLength(1);
  });

  it('matches an invoice number mentioned in the subject', async () => {
    const res = await context({ threadId: 'c-5', from: 'someone@unknown.example', subject: 'Question about invoice GX-2026-0042' });
    expect(res.body.panel.customer.id).toBe(globex.id);
    expect(res.body.match.candidates[0].reasons[0]).toMatchObject({ kind: 'invoice' });
  });

  it('matches a PO number mentioned in the body', async () => {
    const res = await context({ threadId: 'c-6', from: 'someone@unknown.example', subject: 'Payment', bodyText: 'Hi, this relates to our PO-4471. Thanks' });
    expect(res.body.panel?.customer.id).toBe(acme.id);
  });

  it('asks the user to pick when two customers share the domain', async () => {
    const res = await context({ threadId: 'c-7', from: 'finance@initech.example' });
    expect(res.body.match.ambiguous).toBe(true);
    expect(res.body.match.selected).toBeNull();
    expect(res.body.panel).toBeNull();
    expect(res.body.match.candidates.map((c: { customer: { id: string } }) => c.customer.id).sort()).toEqual([parent.id, subsidiary.id].sort());
  });

  it('shows the customer the user picked', async () => {
    const res = await context({ threadId: 'c-7', from: 'finance@initech.example', customerId: subsidiary.id });
    expect(res.body.match.selected).toBe('explicit');
    expect(res.body.match.ambiguous).toBe(false);
    expect(res.body.panel.customer.id).toBe(subsidiary.id);
  });

  it('prefers the customer a thread is logged to, and says whether this message is logged', async () => {
    const log = await client(app, org.tokens.collector).post('/v1/threads', {
      provider: 'outlook',
      threadId: 'c-8',
      customerId: globex.id,
      messages: [{ internetMessageId: '<one@acme.co.uk>', from: 'pay@acme.co.uk', subject: 'Re: statement', bodyText: 'see attached' }],
    });
    expect(log.status).toBe(201);
    const same = await context({ threadId: 'c-8', from: 'pay@acme.co.uk', internetMessageId: '<one@acme.co.uk>' });
    expect(same.body.match.selected).toBe('thread');
    expect(same.body.panel.customer.id).toBe(globex.id);
    expect(same.body.thread).toMatchObject({ customer: { id: globex.id, name: 'Globex Logistics' }, messageCount: 1, messageLogged: true, loggedBy: { email: org.users.collector.email } });
    const next = await context({ threadId: 'c-8', from: 'pay@acme.co.uk', internetMessageId: '<two@acme.co.uk>' });
    expect(next.body.thread.messageLogged).toBe(false);
    const other = await context({ threadId: 'c-8', provider: 'gmail', from: 'pay@acme.co.uk' });
    expect(other.body.thread).toBeNull();
  });

  it('answers 404 for a picked customer of another organisation', async () => {
    const stranger = await seedOrg(database.db);
    const res = await context({ threadId: 'x', from: 'a@b.example', customerId: acme.id }, stranger.tokens.viewer);
    expect(res.status).toBe(404);
  });

  it('never shows another organisation’s customers as candidates', async () => {
    const stranger = await seedOrg(database.db);
    const res = await context({ threadId: 'c-1', from: 'pay@acme.co.uk', subject: 'INV-A GX-2026-0042' }, stranger.tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.body.match.candidates).toEqual([]);
    expect(res.body.panel).toBeNull();
  });
});
