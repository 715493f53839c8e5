/** Logging through the card: the whole thread read with googleapis, idempotent clicks, the single-message fallback. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threads } from '../../api/src/db/schema';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { createActionLinker } from '../../addin-gmail/src/action-linker';
import { MESSAGE_ACCESS_TOKEN, messageEvent, PUBLIC_URL, USER_OAUTH_TOKEN } from './helpers/events';
import { actionResponse, cardText, clickOf, findButton, SECRET, startHarness, triggerCard, type Harness } from './helpers/harness';

let h: Harness;
let org: SeededOrg;
let acme: { id: string };

const THREAD = '18c3a0b1c2d3e4f0';
const headers = (n: number, extra: Record<string, string> = {}) => ({
  From: n % 2 ? '"Shah, Priya" <priya@acme.co.uk>' : 'Collector <collector@northwind.example>',
  To: n % 2 ? 'collector@northwind.example' : 'priya@acme.co.uk',
  Subject: 'Re: Remittance',
  'Message-ID': `<msg-${n}@mail.acme.co.uk>`,
  ...extra,
});

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h.database.db, { ownDomains: ['northwind.example'] });
  acme = await seedCustomer(h.database.db, org.orgId, { name: 'Acme Industrial', domains: ['acme.co.uk'], currency: 'GBP' });
  h.gmail.add(
    { id: '18c3a0b1c2d3e4f1', threadId: THREAD, headers: headers(1, { Cc: '"Chen, Bo" <bo@acme.co.uk>, ap@acme.co.uk' }), text: 'We paid INV-A.\n<script>alert(1)</script>', html: '<p>We paid <b>INV-A</b>.</p><script>alert(1)</script>', internalDate: '1763888400000', attachments: [{ filename: 'remittance.pdf', mimeType: 'application/pdf', size: 48213 }] },
    { id: '18c3a0b1c2d3e4f2', threadId: THREAD, headers: headers(2), text: 'Thanks, received.', internalDate: '1763892000000' },
  );
});
afterAll(() => h.close());

const event = async (messageId: string, parameters?: Record<string, string>, email = org.users.collector.email) =>
  messageEvent(messageId, THREAD, { userIdToken: await h.userToken(email), parameters });

const logButton = async (messageId: string) => {
  const card = triggerCard(await h.post('/gmail/message', await event(messageId)));
  return clickOf(findButton(card, /^Log thread to|^Add this message/));
};

describe('POST /gmail/actions/log-thread', () => {
  it('logs the whole thread (threads.get, format full), twice clicked, one thread', async () => {
    const click = await logButton('18c3a0b1c2d3e4f2');
    h.gmail.requests.length = 0;
    const first = actionResponse(await h.post(click.path, await event('18c3a0b1c2d3e4f2', click.parameters)));
    expect(first.action.notification.text).toBe('Logged 2 messages to Acme Industrial');
    expect(h.gmail.requests.map((r) => [r.path, r.query.get('format')])).toEqual([
      ['/gmail/v1/users/me/messages/18c3a0b1c2d3e4f2', 'metadata'],
      [`/gmail/v1/users/me/threads/${THREAD}`, 'full'],
    ]);
    expect(h.gmail.requests.every((r) => r.authorization === `Bearer ${USER_OAUTH_TOKEN}` && r.gmailAccessToken === MESSAGE_ACCESS_TOKEN)).toBe(true);
    expect(cardText(first.action.navigations[0].updateCard)).toMatch(/Logged to Acme Industrial by Collector\n2 messages/);

    const second = actionResponse(await h.post(click.path, await event('18c3a0b1c2d3e4f2', click.parameters)));
    expect(second.action.notification.text).toBe('Already logged: nothing new to add');

    const api = client(h.app, org.tokens.viewer);
    const timeline = await api.get(`/v1/customers/${acme.id}/timeline`);
    const emails = timeline.body.items.filter((i: { kind: string }) => i.kind === 'email');
    expect(emails).toHaveLength(2);
    const threadIds = new Set(emails.map((e: { threadId: string }) => e.threadId));
    expect(threadIds.size).toBe(1);
    const thread = await api.get(`/v1/threads/${[...threadIds][0]}`);
    expect(thread.body).toMatchObject({ provider: 'gmail', providerThreadId: THREAD, messageCount: 2, customer: { id: acme.id } });
    const priya = thread.body.messages.find((m: { messageKey: string }) => m.messageKey === 'mid:msg-1@mail.acme.co.uk');
    expect(priya).toMatchObject({
      from: 'priya@acme.co.uk', fromName: 'Shah, Priya', to: ['collector@northwind.example'], cc: ['bo@acme.co.uk', 'ap@acme.co.uk'],
      sentAt: new Date(1763888400000).toISOString(), bodyText: 'We paid INV-A.\n<script>alert(1)</script>', hasHtml: true,
      attachments: [{ name: 'remittance.pdf', size: 48213 }],
    });
  });

  it('adds only a new message to the logged thread', async () => {
    h.gmail.add({ id: '18c3a0b1c2d3e4f3', threadId: THREAD, headers: headers(3), text: 'One more thing.' });
    const card = triggerCard(await h.post('/gmail/message', await event('18c3a0b1c2d3e4f3')));
    expect(cardText(card)).toMatch(/Logged to Acme Industrial by Collector\n2 messages/);
    const click = clickOf(findButton(card, 'Add this message to the log'));
    const res = actionResponse(await h.post(click.path, await event('18c3a0b1c2d3e4f3', click.parameters)));
    expect(res.action.notification.text).toBe('Added 1 new message to the log');
  });

  it('creates one thread when two colleagues click Log at the same moment', async () => {
    const id = '18c3a0b1c2d3e700';
    h.gmail.add({ id, threadId: id, headers: headers(9, { 'Message-ID': '<race@mail.acme.co.uk>' }), text: 'Race' });
    const clicks = await Promise.all(
      [org.users.collector.email, org.users.admin.email].map(async (email) => {
        const card = triggerCard(await h.post('/gmail/message', messageEvent(id, id, { userIdToken: await h.userToken(email) })));
        return { email, click: clickOf(findButton(card, /^Log thread to/)) };
      }),
    );
    const results = await Promise.all(clicks.map(async ({ email, click }) => actionResponse(await h.post(click.path, messageEvent(id, id, { userIdToken: await h.userToken(email), parameters: click.parameters })))));
    expect(results.map((r) => r.action.notification.text).sort()).toEqual(['Already logged: nothing new to add', 'Logged 1 message to Acme Industrial']);
    const rows = await h.database.db.select().from(threads).where(and(eq(threads.orgId, org.orgId), eq(threads.providerThreadId, id)));
    expect(rows).toHaveLength(1);
  });

  it('falls back to the open message when threads.get is not permitted (403)', async () => {
    const other = '18c3a0b1c2d3e500';
    h.gmail.add({ id: other, threadId: other, headers: headers(5, { 'Message-ID': '<solo@mail.acme.co.uk>' }), text: 'Solo' });
    h.gmail.forbidThreads.add(other);
    const card = triggerCard(await h.post('/gmail/message', messageEvent(other, other, { userIdToken: await h.userToken(org.users.collector.email) })));
    const click = clickOf(findButton(card, /^Log thread to/));
    h.gmail.requests.length = 0;
    const res = actionResponse(await h.post(click.path, messageEvent(other, other, { userIdToken: await h.userToken(org.users.collector.email), parameters: click.parameters })));
    expect(res.action.notification.text).toBe('Logged 1 message to Acme Industrial');
    expect(h.gmail.requests.map((r) => [r.path, r.query.get('format')])).toEqual([
      [`/gmail/v1/users/me/messages/${other}`, 'metadata'],
      [`/gmail/v1/users/me/threads/${other}`, 'full'],
      [`/gmail/v1/users/me/messages/${other}`, 'full'],
    ]);
  });

  it('refuses a viewer clearly (even with a validly signed button) and logs nothing', async () => {
    const fresh = '18c3a0b1c2d3e600';
    h.gmail.add({ id: fresh, threadId: fresh, headers: headers(7, { 'Message-ID': '<viewer@mail.acme.co.uk>' }), text: 'x' });
    // A viewer's card never offers Log; sign one for the viewer anyway to prove the handler checks the role.
    const action = createActionLinker({ baseUrl: PUBLIC_URL, secret: SECRET, userId: org.users.viewer.id })('logThread', { customerId: acme.id });
    const parameters = Object.fromEntries(action.parameters!.map((p) => [p.key as string, p.value as string]));
    const res = actionResponse(await h.post('/gmail/actions/log-thread', messageEvent(fresh, fresh, { userIdToken: await h.userToken(org.users.viewer.email), parameters })));
    expect(res).toEqual({ action: { notification: { text: 'Only a collector or admin can log threads; you are a viewer.' } } });
    const timeline = await client(h.app, org.tokens.viewer).get(`/v1/customers/${acme.id}/timeline`);
    expect(timeline.body.items.filter((i: { kind: string }) => i.kind === 'email')).toHaveLength(5);
  });
});
