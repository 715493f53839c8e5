/** The contextual trigger: the message read through googleapis, matched, and rendered as the customer card. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedContact, seedCustomer, seedInvoice, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { inDays, seedAcme } from './helpers/acme';
import { MESSAGE_ACCESS_TOKEN, messageEvent, USER_OAUTH_TOKEN } from './helpers/events';
import { buttonTexts, cardText, clickOf, findButton, startHarness, triggerCard, type Harness } from './helpers/harness';

let h: Harness;
let org: SeededOrg;
let seeded: Awaited<ReturnType<typeof seedAcme>>;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h.database.db, { ownDomains: ['northwind.example'] });
  seeded = await seedAcme(h.database.db, org);
  await seedCustomer(h.database.db, org.orgId, { name: 'Initech Holdings', domains: ['initech.example'] });
  await seedCustomer(h.database.db, org.orgId, { name: 'Initech Services', domains: ['initech.example'] });
  const to = `"Collector" <${org.users.collector.email}>`;
  h.gmail.add(
    { id: '18c2f3a4b5d6e7f9', threadId: '18c2f3a4b5d6e7f8', headers: { From: '"Shah, Priya" <priya@acme.co.uk>', To: to, Cc: 'bo@acme.co.uk', Subject: 'Remittance for INV-A', 'Message-ID': '<CAF1.7781@mail.acme.co.uk>', Date: 'Mon, 23 Nov 2026 09:12:00 +0000' }, text: 'Paying INV-A on Thursday.' },
    { id: '18c2f3a4b5d6e800', threadId: '18c2f3a4b5d6e800', headers: { From: 'Lucy Fenwick <lucy@initech.example>', To: to, Subject: 'Statement request', 'Message-ID': '<LO2P265.1@initech.example>' } },
    { id: '18c2f3a4b5d6e801', threadId: '18c2f3a4b5d6e801', headers: { From: 'Procurement <procurement@larchmont.example>', To: to, Subject: 'Supplier onboarding', 'Message-ID': '<onb.1@larchmont.example>' } },
  );
});
afterAll(() => h.close());

const open = async (messageId: string, threadId: string, email = org.users.collector.email) =>
  triggerCard(await h.post('/gmail/message', messageEvent(messageId, threadId, { userIdToken: await h.userToken(email) })));

describe('POST /gmail/message (contextual trigger)', () => {
  it('reads the message metadata through googleapis with both tokens', async () => {
    h.gmail.requests.length = 0;
    await open('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8');
    expect(h.gmail.requests).toHaveLength(1);
    const [req] = h.gmail.requests;
    expect(req).toMatchObject({ method: 'GET', path: '/gmail/v1/users/me/messages/18c2f3a4b5d6e7f9', authorization: `Bearer ${USER_OAUTH_TOKEN}`, gmailAccessToken: MESSAGE_ACCESS_TOKEN });
    expect(req!.query.get('format')).toBe('metadata');
    expect(req!.query.getAll('metadataHeaders')).toEqual(['From', 'To', 'Cc', 'Subject', 'Message-ID']);
  });

  it('shows the customer: hold first, behaviour with reason, AR per currency, invoices oldest first, disputes, promises, contacts, activity, Log', async () => {
    const card = await open('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8');
    expect(card.header).toEqual({ title: 'Acme Industrial', subtitle: expect.any(String) });
    const [summary] = card.sections;
    expect(summary.widgets[0].decoratedText.text).toMatch(/^On hold until .*: don&#39;t chase$/);
    expect(summary.widgets[0].decoratedText.bottomLabel).toBe(`Renewal in negotiation (set by ${seeded.hold.setBy!.name})`);
    expect(summary.widgets[1].decoratedText.topLabel).toBe('Behaviour');
    expect(summary.widgets[1].decoratedText.bottomLabel).toBeTruthy();
    const text = cardText(card);
    // Outstanding per currency, never summed: GBP 1,000 + 500; EUR 300 apart.
    expect(text).toContain('Outstanding (GBP)\n£1,500.00\nOverdue £1,000.00');
    expect(text).toContain('Outstanding (EUR)\n€300.00\nOverdue €300.00');
    expect(text).toContain('credit used 30%');
    expect(text).toContain('Average days late\n10 days late');
    expect(text).toContain('Last payment\n£800.00');
    const invoices = card.sections.find((s: any) => s.header === 'Open invoices (3)');
    expect(invoices.widgets.map((w: any) => w.decoratedText.text)).toEqual(['INV-A · £1,000.00', 'INV-E · €300.00', 'INV-B · £500.00']);
    expect(invoices.widgets[0].decoratedText.topLabel).toMatch(/· 40 days overdue · disputed$/);
    expect(invoices.widgets[2].decoratedText.topLabel).toMatch(/· due in 10 days$/);
    expect(invoices.widgets[0].decoratedText.bottomLabel).toMatch(/^Predicted payment \d+ \w{3} \d{4} \(.+\)$/);
    expect(text).toContain('Open disputes (1)\nPricing');
    expect(findButton(card, 'Resolve')).toBeDefined();
    expect(text).toMatch(/Promises to pay \(1\)\nMade .*\n£500\.00 by/);
    expect(text).toContain('Payer · primary payer\nPriya Shah\npriya@acme.co.uk');
    expect(text).toContain('Called Priya about the price list');
    expect(findButton(card, 'Log thread to Acme Industrial').onClick.action.function).toBe('https://payside.example.com/gmail/actions/log-thread');
    for (const label of ['Open dispute', 'Record promise', 'Set hold', 'Add note']) expect(findButton(card, label)).toBeDefined();
  });

  it('shows a viewer what they may do: no Log, dispute or promise buttons', async () => {
    const card = await open('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', org.users.viewer.email);
    expect(cardText(card)).toContain('This thread is not logged');
    expect(buttonTexts(card)).toEqual(['Set hold', 'Add note']);
  });

  it('says "Logged to … by …" for a thread already logged through the API', async () => {
    const logged = await client(h.app, org.tokens.collector).post('/v1/threads', {
      provider: 'gmail', threadId: '18c2f3a4b5d6e7f8', customerId: seeded.acme.id, subject: 'Remittance for INV-A',
      messages: [{ internetMessageId: '<CAF1.7781@mail.acme.co.uk>', from: 'priya@acme.co.uk', subject: 'Remittance for INV-A' }],
    });
    expect(logged.status).toBe(201);
    const card = await open('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8');
    expect(cardText(card)).toMatch(/Thread\nLogged to Acme Industrial by Collector\n1 message · logged/);
    expect(() => findButton(card, /Add this message/)).toThrow();
    await client(h.app, org.tokens.collector).delete(`/v1/threads/${logged.body.thread.id}`);
  });

  it('keeps a large account within Gmail\'s 100 widgets: oldest 15 invoices and a count of the rest', async () => {
    const big = await seedCustomer(h.database.db, org.orgId, { name: 'Bigco', domains: ['bigco.example'] });
    for (let i = 0; i < 40; i++) await seedInvoice(h.database.db, org.orgId, big.id, { number: `BIG-${String(i).padStart(3, '0')}`, issueDate: inDays(-60 - i), dueDate: inDays(-30 - i), amount: 1_000 + i });
    for (let i = 0; i < 12; i++) await seedContact(h.database.db, org.orgId, big.id, { email: `ap${i}@bigco.example`, role: 'ap' });
    h.gmail.add({ id: '18c2f3a4b5d6e802', threadId: '18c2f3a4b5d6e802', headers: { From: 'ap0@bigco.example', To: org.users.collector.email, Subject: 'Hi', 'Message-ID': '<big@bigco.example>' } });
    const card = await open('18c2f3a4b5d6e802', '18c2f3a4b5d6e802');
    const invoices = card.sections.find((s: any) => s.header === 'Open invoices (40)');
    expect(invoices.widgets).toHaveLength(16);
    expect(invoices.widgets[0].decoratedText.text).toBe('BIG-039 · US$10.39');
    expect(invoices.widgets[15].decoratedText.text).toBe('and 25 more open invoices');
    expect(invoices).toMatchObject({ collapsible: true, uncollapsibleWidgetsCount: 3 });
    expect(card.sections.find((s: any) => s.header === 'Payer contacts').widgets).toHaveLength(6);
  });

  it('lets the user pick when several customers match, saying why each matched', async () => {
    const card = await open('18c2f3a4b5d6e800', '18c2f3a4b5d6e800');
    expect(card.header.title).toBe('Which customer is this?');
    const candidates = card.sections[0].widgets.map((w: any) => [w.decoratedText.text, w.decoratedText.bottomLabel]);
    expect(candidates.map((c: string[]) => c[0]).sort()).toEqual(['Initech Holdings', 'Initech Services']);
    expect(candidates[0][1]).toMatch(/initech\.example/);
    const choose = clickOf(findButton(card, 'Choose'));
    expect(choose).toMatchObject({ path: '/gmail/actions/pick-customer', parameters: { surface: 'message', customerId: expect.any(String), _sig: expect.any(String) } });
  });

  it('offers search and "add sender as contact" when nothing matches', async () => {
    const card = await open('18c2f3a4b5d6e801', '18c2f3a4b5d6e801');
    expect(card.header.title).toBe('No customer matched');
    expect(cardText(card)).toContain('Nothing in Payside matches Procurement &lt;procurement@larchmont.example&gt;.');
    const search = clickOf(findButton(card, 'Search'));
    expect(search.parameters).toMatchObject({ surface: 'message', senderEmail: 'procurement@larchmont.example', senderName: 'Procurement' });
  });
});
