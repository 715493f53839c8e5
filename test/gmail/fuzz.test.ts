/**
 * Hostile events for every Gmail add-on endpoint (GMAIL_ENDPOINTS): never a 5xx, never an
 * unexpected error in the logs, 4xx only as problem+json (bad Google credentials), every
 * 200 valid card JSON, and a 4xx changes nothing. Reproduce with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZActionResponse, ZTriggerResponse } from '../../addin-gmail/src/cards/card-schema';
import { GMAIL_ENDPOINTS } from '../../addin-gmail/src/routes';
import { createApp } from '../helpers/app';
import { seedOrg } from '../helpers/factories';
import { gmailCases, type GmailCase, type GmailFuzzWorld } from '../helpers/fuzz-gmail';
import { tableCounter } from '../helpers/fuzz-world';
import { seedAcme } from './helpers/acme';
import { CLIENT_ID, PUBLIC_URL, SERVICE_ACCOUNT } from './helpers/events';
import { SECRET, startHarness, type Harness } from './helpers/harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_807);
const RUNS = Number(process.env.FUZZ_RUNS_GMAIL ?? 80);
const MSG = '18c4a0b1c2d3e4f1';

let h: Harness;
let app: ReturnType<typeof createApp>;
let world: GmailFuzzWorld;
let counts: () => Promise<Record<string, number>>;
let current: Record<string, number>;
const systemTokens = new Map<string, string>();
const unexpected: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  const org = await seedOrg(h.database.db, { ownDomains: ['northwind.example'] });
  const seeded = await seedAcme(h.database.db, org);
  h.gmail.add({ id: MSG, threadId: MSG, headers: { From: 'Priya Shah <priya@acme.co.uk>', To: org.users.collector.email, Subject: 'Invoice query', 'Message-ID': '<q1@mail.acme.co.uk>' }, text: 'Query' });
  app = createApp({
    db: h.database.db,
    log: (line) => line.level === 'error' && unexpected.push(JSON.stringify(line)),
    gmail: { publicUrl: PUBLIC_URL, serviceAccount: SERVICE_ACCOUNT, clientId: CLIENT_ID, jwksUrl: h.google.jwksUrl, gmailApiRoot: h.gmail.rootUrl, secret: SECRET },
  });
  for (const { path } of GMAIL_ENDPOINTS) {
    systemTokens.set(path, await h.google.sign({ email: SERVICE_ACCOUNT, email_verified: true, sub: '104523453345667890123' }, { audience: `${PUBLIC_URL}${path}` }));
  }
  world = { secret: SECRET, userId: org.users.collector.id, userIdToken: await h.userToken(org.users.collector.email), ids: [seeded.acme.id, seeded.dispute.id, seeded.invoices.a.id], messageId: MSG };
  counts = await tableCounter(h.database.db);
  current = await counts();
}, 60_000);
afterAll(() => h.close());

async function check(path: string, kind: 'trigger' | 'action', c: GmailCase) {
  const authorization = c.auth === 'valid' ? `Bearer ${systemTokens.get(path)}` : c.auth === 'garbage' ? 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.x' : undefined;
  const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: c.body });
  const text = await res.text();
  const where = `${path} [${c.kind}] → ${res.status} ${text.slice(0, 400)}`;
  expect(res.status, where).toBeLessThan(500);
  const after = await counts();
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), where).toContain('application/problem+json');
    expect(JSON.parse(text).requestId, where).toBe(res.headers.get('x-request-id'));
    expect(after, `a rejected event changed the database: ${where}`).toEqual(current);
  } else {
    const parsed = (kind === 'trigger' ? ZTriggerResponse : ZActionResponse).safeParse(JSON.parse(text));
    expect(parsed.error?.issues ?? [], where).toEqual([]);
  }
  expect(unexpected, where).toEqual([]);
  current = after;
}

describe('fuzzing every Gmail add-on endpoint', () => {
  for (const { path, kind } of GMAIL_ENDPOINTS) {
    it(`${path}: never 5xx or an unexpected error, always a card or a problem`, async () => {
      unexpected.length = 0;
      await fc.assert(fc.asyncProperty(gmailCases(path, world), (c) => check(path, kind, c)), { seed: SEED, numRuns: RUNS, endOnFailure: true });
      expect(Object.keys(Object.prototype), 'an event polluted Object.prototype').toEqual([]);
    }, 300_000);
  }
});
