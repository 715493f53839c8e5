/** The compose trigger and "insert open-invoice statement" (updateDraftActionMarkup). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '@shared/ar';
import { ZActionResponse } from '../../addin-gmail/src/cards/card-schema';
import { seedCustomer, seedInvoice, seedOrg, type SeededOrg } from '../helpers/factories';
import { inDays, seedAcme } from './helpers/acme';
import { composeEvent } from './helpers/events';
import { actionCard, cardText, clickOf, findButton, startHarness, triggerCard, type Harness } from './helpers/harness';

let h: Harness;
let org: SeededOrg;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h.database.db, { ownDomains: ['northwind.example'] });
  await seedAcme(h.database.db, org);
  const tricky = await seedCustomer(h.database.db, org.orgId, { name: 'Smith & Sons <Ltd>', domains: ['smith.example'], currency: 'USD' });
  await seedInvoice(h.database.db, org.orgId, tricky.id, { number: '<img src=x onerror=alert(1)>', issueDate: inDays(-10), dueDate: inDays(20), amount: 1_000 });
  await seedCustomer(h.database.db, org.orgId, { name: 'Initech Holdings', domains: ['initech.example'] });
  await seedCustomer(h.database.db, org.orgId, { name: 'Initech Services', domains: ['initech.example'] });
});
afterAll(() => h.close());

const compose = async (to: string[], cc: string[] = []) =>
  triggerCard(await h.post('/gmail/compose', composeEvent(to, cc, { userIdToken: await h.userToken(org.users.collector.email) })));

const insert = async (card: any, to: string[]) => {
  const click = clickOf(findButton(card, 'Insert open-invoice statement'));
  const res = await h.post(click.path, composeEvent(to, [], { userIdToken: await h.userToken(org.users.collector.email), parameters: click.parameters }));
  expect(res.status).toBe(200);
  expect(ZActionResponse.safeParse(res.body).success).toBe(true);
  return res.body.renderActions.hostAppAction.gmailAction.updateDraftActionMarkup.updateBody;
};

describe('POST /gmail/compose and insert-statement', () => {
  it("shows the recipients' customer (matched from To/Cc) with the hold and the statement button", async () => {
    const card = await compose(['"Priya Shah" <priya@acme.co.uk>'], ['collector@northwind.example']);
    expect(card.header.title).toBe('Acme Industrial');
    const text = cardText(card);
    expect(text).toMatch(/^Hold\nOn hold until/m);
    expect(text).toContain('Outstanding (GBP)\n£1,500.00\nOverdue £1,000.00');
    expect(text).toContain('Statement\n3 open invoices');
  });

  it('inserts the open invoices oldest first, with days overdue and one total per currency', async () => {
    const card = await compose(['priya@acme.co.uk']);
    const body = await insert(card, ['priya@acme.co.uk']);
    expect(body.type).toBe('IN_PLACE_INSERT');
    expect(body.insertContents).toHaveLength(1);
    expect(body.insertContents[0].contentType).toBe('MUTABLE_HTML');
    const html: string = body.insertContents[0].content;
    const rows = [...html.matchAll(/<tr><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['INV-A', formatDate(inDays(-40)), '40', '£1,000.00'],
      ['INV-E', formatDate(inDays(-5)), '5', '€300.00'],
      ['INV-B', formatDate(inDays(10)), '–', '£500.00'],
    ]);
    expect(html).toContain('<strong>Total GBP</strong></td><td style="padding:4px 8px;border-bottom:1px solid #ddd;text-align:right"><strong>£1,500.00</strong>');
    expect(html).toContain('<strong>Total EUR</strong></td><td style="padding:4px 8px;border-bottom:1px solid #ddd;text-align:right"><strong>€300.00</strong>');
  });

  it('escapes customer names and invoice numbers in the card and the statement', async () => {
    const card = await compose(['ap@smith.example']);
    expect(card.header.title).toBe('Smith & Sons <Ltd>');
    const body = await insert(card, ['ap@smith.example']);
    const html: string = body.insertContents[0].content;
    expect(html).toContain('Open invoices for Smith &amp; Sons &lt;Ltd&gt; as of');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('lets the user choose when the recipients match several customers, then shows the chosen one', async () => {
    const card = await compose(['lucy@initech.example']);
    expect(card.header.title).toBe('Which customer is this?');
    const choose = clickOf(findButton(card, 'Choose'));
    expect(choose.parameters.surface).toBe('compose');
    const chosen = actionCard(await h.post(choose.path, composeEvent(['lucy@initech.example'], [], { userIdToken: await h.userToken(org.users.collector.email), parameters: choose.parameters })));
    expect(['Initech Holdings', 'Initech Services']).toContain(chosen.header.title);
    expect(findButton(chosen, 'Insert open-invoice statement').disabled).toBe(true);
  });

  it('says no customer matched for unknown recipients, and a new draft without recipients', async () => {
    expect((await compose(['someone@unknown.example'])).header.title).toBe('No customer matched');
    expect(cardText(await compose([]))).toContain('Nothing in Payside matches the recipients.');
  });
});
