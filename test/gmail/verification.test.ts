/** Request verification: Google's system ID token, the user ID token, the Payside user, signed parameters, bad events. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { threads } from '../../api/src/db/schema';
import { createToken } from '../../api/src/services/tokens/create-token';
import { createTestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { CLIENT_ID, homepageEvent, messageEvent, PUBLIC_URL, SERVICE_ACCOUNT } from './helpers/events';
import { actionCard, cardText, clickOf, findButton, startHarness, triggerCard, type Harness } from './helpers/harness';

let h: Harness;
let org: SeededOrg;
let acme: { id: string };
let other: { id: string };

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h.database.db, { ownDomains: ['northwind.example'] });
  acme = await seedCustomer(h.database.db, org.orgId, { name: 'Acme Industrial', domains: ['acme.co.uk'], currency: 'GBP' });
  other = await seedCustomer(h.database.db, org.orgId, { name: 'Other Ltd', domains: ['other.example'] });
  h.gmail.add({
    id: '18c2f3a4b5d6e7f9',
    threadId: '18c2f3a4b5d6e7f8',
    headers: { From: 'Priya Shah <priya@acme.co.uk>', To: org.users.collector.email, Subject: 'Remittance', 'Message-ID': '<CAF1.verify@mail.acme.co.uk>' },
    text: 'Paid today.',
  });
});
afterAll(() => h.close());

const sign = (claims: Record<string, unknown>, options: Parameters<Harness['google']['sign']>[1]) => h.google.sign(claims, options);
const systemClaims = { email: SERVICE_ACCOUNT, email_verified: true };
const homepage = async (authorization: string | null, event?: unknown) =>
  h.post('/gmail/homepage', event ?? homepageEvent({ userIdToken: await h.userToken(org.users.collector.email) }), { authorization });

describe('system ID token', () => {
  it('accepts a token Google signed for this endpoint and service account, and caches Google keys', async () => {
    const before = h.google.fetches();
    for (let i = 0; i < 3; i++) {
      const card = triggerCard(await homepage(`Bearer ${await sign(systemClaims, { audience: `${PUBLIC_URL}/gmail/homepage` })}`));
      expect(cardText(card)).toContain(`Org ${org.slug}`);
    }
    expect(h.google.fetches() - before).toBeLessThanOrEqual(1);
  });

  it('accepts the issuer spelled without https', async () => {
    const token = await sign(systemClaims, { audience: `${PUBLIC_URL}/gmail/homepage`, issuer: 'accounts.google.com' });
    expect((await homepage(`Bearer ${token}`)).status).toBe(200);
  });

  it.each([
    ['forged with another key', () => sign(systemClaims, { audience: `${PUBLIC_URL}/gmail/homepage`, key: h.google.forgeryKey }), /not signed by Google/],
    ['expired', () => sign(systemClaims, { audience: `${PUBLIC_URL}/gmail/homepage`, expired: true }), /expired/],
    ['issued for another endpoint', () => sign(systemClaims, { audience: `${PUBLIC_URL}/gmail/message` }), /aud/],
    ['issued for another host', () => sign(systemClaims, { audience: 'https://evil.example.com/gmail/homepage' }), /aud/],
    ['of another service account', () => sign({ email: 'someone@gcp-sa-gsuiteaddons.iam.gserviceaccount.com', email_verified: true }, { audience: `${PUBLIC_URL}/gmail/homepage` }), /service account/],
    ['with an unverified email', () => sign({ email: SERVICE_ACCOUNT, email_verified: false }, { audience: `${PUBLIC_URL}/gmail/homepage` }), /service account/],
    ['from another issuer', () => sign(systemClaims, { audience: `${PUBLIC_URL}/gmail/homepage`, issuer: 'https://evil.example.com' }), /iss/],
  ])('refuses a token %s with 401', async (_, token, detail) => {
    const res = await homepage(`Bearer ${await token()}`);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(res.body.detail).toMatch(detail);
  });

  it('refuses a request without a token, or with a user token in its place', async () => {
    expect((await homepage(null)).status).toBe(401);
    expect((await homepage('Bearer not-a-jwt')).status).toBe(401);
    expect((await homepage(`Bearer ${await h.userToken(org.users.collector.email)}`)).status).toBe(401);
  });
});

describe('user ID token and Payside user', () => {
  it('refuses a missing, forged or foreign-audience user token with 401', async () => {
    const forged = await sign({ email: org.users.collector.email, email_verified: true }, { audience: CLIENT_ID, key: h.google.forgeryKey });
    const foreign = await sign({ email: org.users.collector.email, email_verified: true }, { audience: 'another-client.apps.googleusercontent.com' });
    for (const userIdToken of [undefined, forged, foreign]) {
      const res = await h.post('/gmail/homepage', homepageEvent({ userIdToken }));
      expect(res.status).toBe(401);
    }
  });

  it('answers a clear card for an email that is no Payside user', async () => {
    const card = triggerCard(await h.post('/gmail/homepage', homepageEvent({ userIdToken: await h.userToken('stranger@acme.co.uk') })));
    expect(cardText(card)).toMatch(/stranger@acme\.co\.uk is not a Payside user/);
  });

  it('refuses clearly when the email is a user of several organisations', async () => {
    const second = await seedOrg(h.database.db);
    await createToken(h.database.db, { orgId: second.orgId, email: 'shared@northwind.example', role: 'viewer' }, 'test');
    await createToken(h.database.db, { orgId: org.orgId, email: 'shared@northwind.example', role: 'viewer' }, 'test');
    const card = triggerCard(await h.post('/gmail/homepage', homepageEvent({ userIdToken: await h.userToken('shared@northwind.example') })));
    expect(cardText(card)).toMatch(/several Payside organisations/);
  });
});

describe('bad or unknown events', () => {
  it.each([
    ['a body that is not JSON', 'this is not json', /not JSON/],
    ['an empty object', {}, /not a Google add-on event/],
    ['a Calendar event', { commonEventObject: { hostApp: 'CALENDAR', platform: 'WEB' }, authorizationEventObject: {} }, /runs in Gmail/],
    ['parameters that are not strings', { commonEventObject: { hostApp: 'GMAIL', parameters: { a: 1 } }, authorizationEventObject: {} }, /commonEventObject\.parameters/],
  ])('answers %s with an error card, never a 500', async (_, body, message) => {
    const res = await h.post('/gmail/homepage', body, { raw: typeof body === 'string' });
    expect(cardText(triggerCard(res))).toMatch(message);
  });

  it('answers a contextual trigger without a message with an error card', async () => {
    const event = homepageEvent({ userIdToken: await h.userToken(org.users.collector.email) });
    expect(cardText(triggerCard(await h.post('/gmail/message', event)))).toMatch(/no open message/);
  });

  it('answers a message Gmail no longer has with an error card', async () => {
    const event = messageEvent('18c2000000000000', '18c2000000000000', { userIdToken: await h.userToken(org.users.collector.email) });
    expect(cardText(triggerCard(await h.post('/gmail/message', event)))).toMatch(/no longer has this message/);
  });
});

describe('signed button parameters', () => {
  const openCard = async (email: string) => {
    const event = messageEvent('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', { userIdToken: await h.userToken(email) });
    return triggerCard(await h.post('/gmail/message', event));
  };
  const logThreads = () => h.database.db.select().from(threads).where(eq(threads.orgId, org.orgId));

  it('refuses a button whose customer id was changed, and logs nothing', async () => {
    const click = clickOf(findButton(await openCard(org.users.collector.email), /^Log thread to Acme/));
    expect(click.parameters.customerId).toBe(acme.id);
    const event = messageEvent('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', {
      userIdToken: await h.userToken(org.users.collector.email),
      parameters: { ...click.parameters, customerId: other.id },
    });
    const res = await h.post(click.path, event);
    expect(cardText(actionCard(res))).toMatch(/expired or was altered/);
    expect(await logThreads()).toEqual([]);
  });

  it("refuses another user's button, a button posted to another endpoint, and a button without signature", async () => {
    const click = clickOf(findButton(await openCard(org.users.collector.email), /^Log thread to Acme/));
    const asAdmin = messageEvent('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', { userIdToken: await h.userToken(org.users.admin.email), parameters: click.parameters });
    expect(cardText(actionCard(await h.post(click.path, asAdmin)))).toMatch(/expired or was altered/);
    const asCollector = messageEvent('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', { userIdToken: await h.userToken(org.users.collector.email), parameters: click.parameters });
    expect(cardText(actionCard(await h.post('/gmail/actions/pick-customer', asCollector)))).toMatch(/expired or was altered/);
    const unsigned = messageEvent('18c2f3a4b5d6e7f9', '18c2f3a4b5d6e7f8', { userIdToken: await h.userToken(org.users.collector.email), parameters: { customerId: acme.id } });
    expect(cardText(actionCard(await h.post(click.path, unsigned)))).toMatch(/expired or was altered/);
    expect(await logThreads()).toEqual([]);
  });
});

describe('configuration', () => {
  it('answers 503 naming the missing settings when the add-on is not configured', async () => {
    const database = await createTestDatabase();
    try {
      const app = createApp({ db: database.db, gmail: { publicUrl: PUBLIC_URL, secret: 'x'.repeat(40) } });
      const res = await app.request('/gmail/homepage', { method: 'POST', body: '{}' });
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(body.detail).toBe('Gmail add-on not configured: set PAYSIDE_GMAIL_SERVICE_ACCOUNT, PAYSIDE_GOOGLE_CLIENT_ID');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await createApp({ db: database.db }).request('/gmail/message', { method: 'POST', body: '{}' })).status).toBe(503);
    } finally {
      await database.close();
    }
  });
});
