/** Buttons and forms: each action calls the same services as /v1, and the change shows up in the /v1 API. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '@shared/ar';
import { createActionLinker } from '../../addin-gmail/src/action-linker';
import { auditLog, promises } from '../../api/src/db/schema';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { inDays, seedAcme } from './helpers/acme';
import { checked, date, homepageEvent, messageEvent, PUBLIC_URL, text } from './helpers/events';
import { actionCard, actionResponse, cardText, clickOf, findButton, SECRET, startHarness, triggerCard, type Harness } from './helpers/harness';

let h: Harness;
let org: SeededOrg;
let seeded: Awaited<ReturnType<typeof seedAcme>>;
const MSG = '18c4a0b1c2d3e4f1';

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h.database.db, { ownDomains: ['northwind.example'] });
  seeded = await seedAcme(h.database.db, org);
  await seedCustomer(h.database.db, org.orgId, { name: 'Larchmont Estates', domains: ['larchmont-estates.com'] });
  h.gmail.add(
    { id: MSG, threadId: MSG, headers: { From: 'Priya Shah <priya@acme.co.uk>', To: 'collector@northwind.example', Subject: 'Invoice query', 'Message-ID': '<q1@mail.acme.co.uk>' }, text: 'Query' },
    { id: '18c4a0b1c2d3e500', threadId: '18c4a0b1c2d3e500', headers: { From: 'Jamie Okafor <jamie@freemail.example>', To: 'collector@northwind.example', Subject: 'Hello', 'Message-ID': '<j1@freemail.example>' }, text: 'Hi' },
  );
});
afterAll(() => h.close());

const as = (email = org.users.collector.email) => h.userToken(email);
const panel = async () => (await client(h.app, org.tokens.viewer).get(`/v1/customers/${seeded.acme.id}`)).body;

/** Opens the message, clicks `label`, returns the pushed form and a submitter. */
async function openForm(label: string, messageId = MSG) {
  const card = triggerCard(await h.post('/gmail/message', messageEvent(messageId, messageId, { userIdToken: await as() })));
  const show = clickOf(findButton(card, label));
  const form = actionCard(await h.post(show.path, messageEvent(messageId, messageId, { userIdToken: await as(), parameters: show.parameters })));
  const submit = async (buttonLabel: string, formInputs: Record<string, unknown>) => {
    const click = clickOf(findButton(form, buttonLabel));
    return h.post(click.path, messageEvent(messageId, messageId, { userIdToken: await as(), parameters: click.parameters, formInputs: formInputs as never }));
  };
  return { form, submit };
}

describe('dispute forms', () => {
  it('opens a dispute on the ticked invoice with an amount in its currency, visible in /v1', async () => {
    const { form, submit } = await openForm('Open dispute');
    expect(form.header).toEqual({ title: 'Open a dispute', subtitle: 'Acme Industrial' });
    const boxes = form.sections[0].widgets[0].selectionInput;
    // INV-A is already in the seeded open dispute: not offered again; that dispute is, to open instead.
    expect(boxes.items.map((i: { value: string }) => i.value)).toEqual([seeded.invoices.e.id, seeded.invoices.b.id]);
    const existing = form.sections[0].widgets[1].decoratedText;
    expect(existing).toMatchObject({ text: 'INV-A · £1,000.00', topLabel: expect.stringMatching(/^Already in dispute · Pricing · opened /) });
    expect(existing.button.text).toBe('Open that dispute');
    expect(existing.button.onClick.action.parameters).toEqual(expect.arrayContaining([{ key: 'form', value: 'resolve' }, { key: 'disputeId', value: seeded.dispute.id }]));
    const res = await submit('Open dispute', { invoiceIds: checked(seeded.invoices.e.id), reason: text('quantity'), amount: text('120.50'), description: text('Two pallets short') });
    const body = actionResponse(res);
    expect(body.action.notification.text).toBe('Dispute opened on INV-E for €120.50');
    expect(body.action.navigations[0]).toEqual({ popToRoot: true });
    expect(cardText(body.action.navigations[1].updateCard)).toContain('Open disputes (2)');
    const disputes = (await panel()).disputes;
    expect(disputes.find((d: { reason: string }) => d.reason === 'quantity')).toMatchObject({ amount: 12_050, currency: 'EUR', description: 'Two pallets short', openedBy: { email: org.users.collector.email } });
  });

  it('keeps the form and says what is wrong for a bad amount or no invoice', async () => {
    const { submit } = await openForm('Open dispute');
    const before = (await panel()).disputes.length;
    const badAmount = actionResponse(await submit('Open dispute', { invoiceIds: checked(seeded.invoices.a.id), reason: text('pricing'), amount: text('12,34.5') }));
    expect(badAmount).toEqual({ action: { notification: { text: 'amount: "12,34.5" is not an amount; write it like 1250.00' } } });
    const noInvoice = actionResponse(await submit('Open dispute', { reason: text('pricing') }));
    expect(noInvoice.action.notification.text).toMatch(/^Please check: invoiceIds/);
    const foreign = actionResponse(await submit('Open dispute', { invoiceIds: checked('7f3c0a52-2b1d-4c55-9d0e-5b9a1f0c2e11'), reason: text('pricing') }));
    expect(foreign.action.notification.text).toMatch(/invoiceIds: every invoice must be one of this customer's invoices/);
    expect((await panel()).disputes.length).toBe(before);
  });

  it('opens the existing dispute instead when a ticked invoice is already in one (disputed meanwhile)', async () => {
    const { submit } = await openForm('Open dispute');
    const before = (await panel()).disputes.length;
    const body = actionResponse(await submit('Open dispute', { invoiceIds: checked(seeded.invoices.a.id), reason: text('pricing') }));
    expect(body.action.notification.text).toBe(`invoice INV-A is already in open dispute ${seeded.dispute.id}; work on that dispute instead`);
    const card = body.action.navigations[0].pushCard;
    expect(card.name).toBe('resolve-form');
    expect(cardText(card)).toContain('INV-A');
    expect((await panel()).disputes.length).toBe(before);
  });

  it('resolves a dispute from its Resolve button', async () => {
    const { form, submit } = await openForm('Resolve');
    expect(cardText(form)).toContain('Pricing · opened');
    const body = actionResponse(await submit('Close dispute', { status: text('rejected'), note: text('Price list was applied correctly') }));
    expect(body.action.notification.text).toBe('Dispute rejected');
    expect((await panel()).disputes.map((d: { id: string }) => d.id)).not.toContain(seeded.dispute.id);
    const audit = await h.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityId, seeded.dispute.id)));
    expect(audit.map((a) => [a.action, a.actorLabel])).toContainEqual(['dispute.rejected', org.users.collector.email]);
  });
});

describe('promise, hold and note forms', () => {
  it('records a promise with a date picker value', async () => {
    const { form, submit } = await openForm('Record promise');
    expect(form.sections[0].widgets[1].selectionInput.items.map((i: { value: string }) => i.value)).toEqual(['GBP', 'EUR']);
    const body = actionResponse(await submit('Record promise', { amount: text('2,500.00'), currency: text('GBP'), promisedDate: date(inDays(12)), note: text('Friday run') }));
    expect(body.action.notification.text).toBe(`Promise recorded: £2,500.00 by ${formatDate(inDays(12))}`);
    const created = (await panel()).promises.find((p: { note: string }) => p.note === 'Friday run');
    expect(created).toMatchObject({ amount: 250_000, currency: 'GBP', promisedDate: inDays(12), status: 'open' });
    const [row] = await h.database.db.select().from(promises).where(eq(promises.id, created.id));
    expect(row!.createdBy).toBe(org.users.collector.id);
  });

  it('refuses a promise in the past, naming the field', async () => {
    const { submit } = await openForm('Record promise');
    const body = actionResponse(await submit('Record promise', { amount: text('10'), currency: text('GBP'), promisedDate: date(inDays(-1)) }));
    expect(body.action.notification.text).toMatch(/^promisedDate: must be today/);
  });

  it('sets a hold and adds a note (viewers may), both in /v1', async () => {
    const viewerCard = triggerCard(await h.post('/gmail/message', messageEvent(MSG, MSG, { userIdToken: await as(org.users.viewer.email) })));
    const showHold = clickOf(findButton(viewerCard, 'Set hold'));
    const holdForm = actionCard(await h.post(showHold.path, messageEvent(MSG, MSG, { userIdToken: await as(org.users.viewer.email), parameters: showHold.parameters })));
    const setHold = clickOf(findButton(holdForm, 'Set hold'));
    const held = actionResponse(await h.post(setHold.path, messageEvent(MSG, MSG, { userIdToken: await as(org.users.viewer.email), parameters: setHold.parameters, formInputs: { until: date(inDays(30)), reason: text('Renewal <b>signed</b> soon') } })));
    expect(held.action.notification.text).toBe(`On hold until ${formatDate(inDays(30))}`);
    expect((await panel()).holds.map((x: { until: string; reason: string }) => [x.until, x.reason])).toContainEqual([inDays(30), 'Renewal <b>signed</b> soon']);
    expect(cardText(held.action.navigations[1].updateCard)).toContain('Renewal &lt;b&gt;signed&lt;/b&gt; soon');

    const { submit } = await openForm('Add note');
    const noted = actionResponse(await submit('Add note', { body: text('Asked for a copy of the PO') }));
    expect(noted.action.notification.text).toBe('Note added');
    expect((await panel()).timeline.items.map((i: { detail: string }) => i.detail)).toContain('Asked for a copy of the PO');
  });
});

describe('search, pick and add sender as contact', () => {
  it('searches from the no-match card and adds the sender as a contact of the chosen customer', async () => {
    const id = '18c4a0b1c2d3e500';
    const card = triggerCard(await h.post('/gmail/message', messageEvent(id, id, { userIdToken: await as() })));
    const search = clickOf(findButton(card, 'Search'));
    const results = actionCard(await h.post(search.path, messageEvent(id, id, { userIdToken: await as(), parameters: search.parameters, formInputs: { q: text('larch') } })));
    expect(cardText(results)).toContain('1 customer\nMatched on domain: larchmont-estates.com\nLarchmont Estates');
    const show = clickOf(findButton(results, 'Add jamie@freemail.example as contact'));
    const form = actionCard(await h.post(show.path, messageEvent(id, id, { userIdToken: await as(), parameters: show.parameters })));
    expect(form.sections[0].widgets.slice(0, 2).map((w: any) => w.textInput.value)).toEqual(['Jamie Okafor', 'jamie@freemail.example']);
    const add = clickOf(findButton(form, 'Add contact'));
    const done = actionResponse(await h.post(add.path, messageEvent(id, id, { userIdToken: await as(), parameters: add.parameters, formInputs: { name: text('Jamie Okafor'), email: text('Jamie@Freemail.example'), role: text('ap'), primary: checked('yes') } })));
    expect(done.action.notification.text).toBe('Added jamie@freemail.example as a contact');
    // The sender now matches as a contact: the refreshed card is Larchmont's.
    expect(done.action.navigations[1].updateCard.header.title).toBe('Larchmont Estates');
    const again = actionResponse(await h.post(add.path, messageEvent(id, id, { userIdToken: await as(), parameters: add.parameters, formInputs: { name: text('Jamie'), email: text('jamie@freemail.example') } })));
    expect(again.action.notification.text).toBe('jamie@freemail.example is already a contact of this customer');
  });

  it('opens a customer from homepage search without a message', async () => {
    const home = triggerCard(await h.post('/gmail/homepage', homepageEvent({ userIdToken: await as() })));
    const search = clickOf(findButton(home, 'Search'));
    const results = actionCard(await h.post(search.path, homepageEvent({ userIdToken: await as(), parameters: search.parameters, formInputs: { q: text('INV-A') } })));
    const open = clickOf(findButton(results, 'Open'));
    const customer = actionCard(await h.post(open.path, homepageEvent({ userIdToken: await as(), parameters: open.parameters })));
    expect(customer.header.title).toBe('Acme Industrial');
    expect(cardText(customer)).not.toMatch(/Log thread|Thread/);
  });

  it('answers an id of another organisation like a missing one: an error card', async () => {
    const stranger = await seedOrg(h.database.db);
    const foreign = await seedCustomer(h.database.db, stranger.orgId, { name: 'Foreign' });
    const action = createActionLinker({ baseUrl: PUBLIC_URL, secret: SECRET, userId: org.users.collector.id })('pickCustomer', { customerId: foreign.id, surface: 'home' });
    const parameters = Object.fromEntries(action.parameters!.map((p) => [p.key as string, p.value as string]));
    const res = actionResponse(await h.post('/gmail/actions/pick-customer', homepageEvent({ userIdToken: await as(), parameters })));
    expect(res.action.notification.text).toBe('Customer not found');
    expect(res.action.navigations[0].updateCard.header.subtitle).toBe('Not found');
  });
});
