import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { auditLog, messages, threads } from '../../api/src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;
let acme: { id: string };
let globex: { id: string };
let server: ServerType;
let baseUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  acme = await seedCustomer(database.db, org.orgId, { name: 'Acme' });
  globex = await seedCustomer(database.db, org.orgId, { name: 'Globex' });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      baseUrl = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

const message = (id: string, extra: Record<string, unknown> = {}) => ({
  internetMessageId: `<${id}@mail.acme.example>`,
  from: 'Jane AP <jane@acme.example>',
  to: ['collector@us.example'],
  cc: [],
  sentAt: '2026-11-20T10:00:00Z',
  subject: 'Invoice INV-1',
  bodyText: `body of ${id}`,
  attachments: [{ name: 'remittance.pdf', size: 20480 }],
  ...extra,
});

const countRows = async (providerThreadId: string) => {
  const [thread] = await database.db.select().from(threads).where(and(eq(threads.orgId, org.orgId), eq(threads.providerThreadId, providerThreadId)));
  const [m] = thread ? await database.db.select({ n: count() }).from(messages).where(eq(messages.threadId, thread.id)) : [{ n: 0 }];
  const [t] = await database.db.select({ n: count() }).from(threads).where(eq(threads.providerThreadId, providerThreadId));
  return { threads: t!.n, messages: m!.n, thread };
};

describe('POST /v1/threads', () => {
  it('logs a thread, then appends only new messages', async () => {
    const api = client(app, org.tokens.collector);
    const first = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-A', customerId: acme.id, messages: [message('a1')] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ threadCreated: true, newMessageCount: 1, thread: { customer: { id: acme.id, name: 'Acme' }, messageCount: 1, subject: 'Invoice INV-1', loggedBy: { email: org.users.collector.email } } });
    expect(first.body.messages).toEqual([{ id: expect.any(String), messageKey: 'mid:a1@mail.acme.example', new: true }]);

    const again = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-A', customerId: acme.id, messages: [message('a1')] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ threadCreated: false, newMessageCount: 0 });
    expect(again.body.messages[0]).toMatchObject({ id: first.body.messages[0].id, new: false });

    const more = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-A', customerId: acme.id, messages: [message('a1'), message('a2', { sentAt: '2026-11-21T09:00:00Z' })] });
    expect(more.body.newMessageCount).toBe(1);
    expect(more.body.messages.filter((m: { new: boolean }) => m.new)).toHaveLength(1);
    expect(more.body.thread.messageCount).toBe(2);
    expect((await countRows('conv-A')).messages).toBe(2);
  });

  it('stores the message as sent: addresses normalised, attachments listed, HTML raw but never returned', async () => {
    const api = client(app, org.tokens.collector);
    const html = '<p>Hi</p><script>alert(1)</script>';
    const res = await api.post('/v1/threads', { provider: 'gmail', threadId: 'g-html', customerId: acme.id, messages: [message('h1', { bodyHtml: html, cc: ['Boss <BOSS@Acme.example>'] })] });
    const detail = await api.get(`/v1/threads/${res.body.thread.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.messages[0]).toMatchObject({ from: 'jane@acme.example', fromName: 'Jane AP', cc: ['boss@acme.example'], hasHtml: true, attachments: [{ name: 'remittance.pdf', size: 20480 }] });
    expect(JSON.stringify(detail.body)).not.toContain('<script>');
    const [row] = await database.db.select().from(messages).where(eq(messages.threadId, res.body.thread.id));
    expect(row!.bodyHtml).toBe(html);
  });

  it('keys a message without Message-ID by its provider id', async () => {
    const api = client(app, org.tokens.collector);
    const body = { provider: 'gmail', threadId: 'g-noid', customerId: acme.id, messages: [message('x', { internetMessageId: null, providerMessageId: '18c2f0a' })] };
    expect((await api.post('/v1/threads', body)).body.messages[0].messageKey).toBe('gmail:18c2f0a');
    expect((await api.post('/v1/threads', body)).body.newMessageCount).toBe(0);
  });

  it('keeps a thread with the customer it was logged to when a colleague logs it elsewhere', async () => {
    const res = await client(app, org.tokens.admin).post('/v1/threads', { provider: 'outlook', threadId: 'conv-A', customerId: globex.id, messages: [message('a1')] });
    expect(res.status).toBe(200);
    expect(res.body.thread.customer.id).toBe(acme.id);
  });

  it('rejects bad input naming the fields, and stores nothing', async () => {
    const api = client(app, org.tokens.collector);
    const res = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-bad', customerId: acme.id, messages: [{ from: 'x@y.example', sentAt: 'yesterday' }] });
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['messages.0.sentAt', 'messages.0.internetMessageId']));
    const empty = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-bad', customerId: acme.id, messages: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].field).toBe('messages');
    expect((await countRows('conv-bad')).threads).toBe(0);
  });

  it('answers 404 for a customer of another organisation', async () => {
    const other = await seedOrg(database.db);
    const res = await client(app, other.tokens.collector).post('/v1/threads', { provider: 'outlook', threadId: 'conv-X', customerId: acme.id, messages: [message('x1')] });
    expect(res.status).toBe(404);
    expect((await countRows('conv-X')).threads).toBe(0);
  });

  it('20 concurrent identical requests leave exactly one thread and one row per message', async () => {
    const body = JSON.stringify({ provider: 'outlook', threadId: 'conv-race', customerId: acme.id, messages: [message('r1'), message('r2'), message('r3')] });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${baseUrl}/v1/threads`, { method: 'POST', headers: { authorization: `Bearer ${org.tokens.collector}`, 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    const newCounts = responses.map((r) => r.body.newMessageCount as number);
    expect(newCounts.reduce((a, b) => a + b, 0)).toBe(3);
    const rows = await countRows('conv-race');
    expect(rows.threads).toBe(1);
    expect(rows.messages).toBe(3);
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'thread'), eq(auditLog.entityId, rows.thread!.id)));
    expect(audits.filter((a) => a.action === 'thread.logged')).toHaveLength(1);
  });
});

describe('moving and unlogging', () => {
  it('moves a thread to another customer, with an audit row', async () => {
    const api = client(app, org.tokens.collector);
    const logged = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-move', customerId: acme.id, messages: [message('m1')] });
    const id = logged.body.thread.id;
    const moved = await api.patch(`/v1/threads/${id}`, { customerId: globex.id });
    expect(moved.status).toBe(200);
    expect(moved.body.customer).toEqual({ id: globex.id, name: 'Globex' });
    const timeline = await api.get(`/v1/customers/${globex.id}/timeline`);
    expect(timeline.body.items.some((i: { threadId: string }) => i.threadId === id)).toBe(true);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'thread.moved'), eq(auditLog.entityId, id)));
    expect(audit).toMatchObject({ actorId: org.users.collector.id, actorLabel: org.users.collector.email, before: { customerId: acme.id }, after: { customerId: globex.id } });
  });

  it('unlogs a thread and its messages, keeping an audit row of what was removed', async () => {
    const api = client(app, org.tokens.collector);
    const logged = await api.post('/v1/threads', { provider: 'outlook', threadId: 'conv-unlog', customerId: acme.id, messages: [message('u1'), message('u2')] });
    const id = logged.body.thread.id;
    expect((await api.delete(`/v1/threads/${id}`)).status).toBe(204);
    expect((await api.get(`/v1/threads/${id}`)).status).toBe(404);
    expect((await countRows('conv-unlog')).threads).toBe(0);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'thread.unlogged'), eq(auditLog.entityId, id)));
    expect(audit!.before).toMatchObject({ providerThreadId: 'conv-unlog', messageCount: 2 });
    expect((await api.delete(`/v1/threads/${id}`)).status).toBe(404);
  });
});
