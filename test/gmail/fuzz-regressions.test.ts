/** The Gmail fuzzer's findings, pinned: each answered "Something went wrong" and logged an unexpected error before. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signParameters } from '../../addin-gmail/src/auth/sign-parameters';
import { GMAIL_ACTIONS } from '../../addin-gmail/src/endpoints';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { homepageEvent, text } from './helpers/events';
import { actionResponse, SECRET, startHarness, type Harness } from './helpers/harness';

let h: Harness;
let org: SeededOrg;

beforeAll(async () => {
  h = await startHarness();
  org = await seedOrg(h.database.db);
});
afterAll(() => h.close());

const signed = (path: string, params: Record<string, string>) => Object.fromEntries(signParameters({ secret: SECRET, path, userId: org.users.collector.id }, params).map((p) => [p.key, p.value]));
const notification = (res: { status: number; body: any }) => {
  const actions = actionResponse(res);
  return actions.action?.notification?.text as string;
};

describe('Gmail add-on input the database cannot take', () => {
  it('answers a NUL in the search box with a notification (was 22021 from PostgreSQL: "Something went wrong")', async () => {
    const path = GMAIL_ACTIONS.search;
    const res = await h.post(path, homepageEvent({ userIdToken: await h.userToken(org.users.collector.email), parameters: signed(path, { surface: 'home' }), formInputs: { q: text('acme\u0000') } }));
    expect(notification(res)).toMatch(/NUL/);
  });

  it('refuses a button id that is not a uuid before querying (was 22P02 from PostgreSQL)', async () => {
    const path = GMAIL_ACTIONS.resolveDispute;
    const res = await h.post(path, homepageEvent({ userIdToken: await h.userToken(org.users.collector.email), parameters: signed(path, { customerId: '1e309', disputeId: '1e309' }), formInputs: { status: text('resolved'), note: text('ok') } }));
    expect(JSON.stringify(res.body)).toMatch(/is not an id/);
  });
});
