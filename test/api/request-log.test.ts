/** Request logs carry ids (request, actor, organisation), never tokens, query secrets, bodies or email addresses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLine } from '../../api/src/app';
import { createApp } from '../helpers/app';
import { apiTokenVerifier } from '../../api/src/auth/api-token';
import type { Verifier } from '../../api/src/auth/verifier';
import { describeError, maskSecrets } from '../../api/src/lib/request-log';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client, type ApiResponse } from '../helpers/http';

let database: TestDatabase;
let org: SeededOrg;
const lines: LogLine[] = [];
let app: ReturnType<typeof createApp>;

const BODY_EMAIL = 'jane.doe@customer.example';
const QUERY_SECRET = 'psk_QuerySecret0123456789abcdefghijklmnopqrstu';

/** Breaks (a plain Error, so a 500) when the token ends in "-boom", with the credential and an email in the message. */
const explodingVerifier: Verifier = async (input) => {
  if (input.bearer?.endsWith('-boom')) throw new Error(`cannot verify "${input.bearer}" for ${BODY_EMAIL} at ${input.headers.get('authorization')}`);
  return apiTokenVerifier(input);
};

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  // The exploding verifier makes a 500 on purpose; no operation lists one.
  app = createApp({ db: database.db, log: (line) => lines.push(line), verifiers: [explodingVerifier] }, { provokes: [500] });
});
afterAll(() => database.close());

describe('request logs', () => {
  it('log every request by id and never the secrets or addresses it carried', async () => {
    const collector = client(app, org.tokens.collector);
    const responses: ApiResponse[] = [
      await collector.get('/v1/me'),
      await collector.get(`/v1/customers?q=${encodeURIComponent(BODY_EMAIL)}&access_token=${QUERY_SECRET}`),
      await collector.post('/v1/context', { provider: 'outlook', from: `Jane <${BODY_EMAIL}>`, to: [org.users.collector.email], subject: `token ${QUERY_SECRET}`, bodyText: `Reach me at ${BODY_EMAIL}` }),
      await collector.post('/v1/context', { provider: 'yahoo', from: BODY_EMAIL }),
      await client(app, 'psk_wrong-token-0123456789').get('/v1/me'),
      await collector.get(`/v1/customers/${encodeURIComponent(BODY_EMAIL)}`),
      await client(app, `${QUERY_SECRET}-boom`).get('/v1/me'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 422, 401, 422, 500]);

    const text = JSON.stringify(lines);
    for (const secret of [...Object.values(org.tokens), QUERY_SECRET, BODY_EMAIL, 'jane.doe', ...Object.values(org.users).map((u) => u.email), 'Bearer', 'psk_'])
      expect(text).not.toContain(secret);

    for (const res of responses) {
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const line = lines.find((l) => l.msg === 'request' && l.requestId === requestId);
      expect(line).toMatchObject({ level: 'info', status: res.status, method: expect.any(String), ms: expect.any(Number) });
      expect(Object.keys(line!).sort()).toEqual(expect.arrayContaining(['level', 'msg', 'requestId', 'method', 'path', 'status', 'ms']));
    }
    const me = lines.find((l) => l.requestId === responses[0]!.headers.get('x-request-id'));
    expect(me).toMatchObject({ path: '/v1/me', actorId: org.users.collector.id, orgId: org.orgId });
    expect(lines.find((l) => l.requestId === responses[5]!.headers.get('x-request-id'))).toMatchObject({ path: '/v1/customers/[email]' });
    const anonymous = lines.find((l) => l.requestId === responses[4]!.headers.get('x-request-id'));
    expect(anonymous).not.toHaveProperty('actorId');
  });

  it('logs an unexpected error once, by request id, with frames but without the input in its message', () => {
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    const [line] = errors;
    expect(line).toMatchObject({ msg: 'unhandled error', requestId: expect.any(String), error: { name: 'Error', message: expect.stringContaining('cannot verify') } });
    expect(lines.find((l) => l.msg === 'request' && l.requestId === line!.requestId)).toMatchObject({ status: 500 });
    expect((line!.error as { frames: string[] }).frames.length).toBeGreaterThan(0);
    expect(JSON.stringify(line)).not.toMatch(/psk_|@customer|Bearer/);
  });
});

describe('masking', () => {
  it('masks credentials and addresses in text, and quoted input in error messages', () => {
    expect(maskSecrets('psk_abc-DEF_123 and eyJhbGciOi.eyJzdWIiOi.sig and jo@acme.co.uk')).toBe('[credential] and [credential] and [email]');
    expect(maskSecrets('authorization: Bearer opaque-token-1, basic dXNlcjpwYXNz')).toBe('authorization: [credential], [credential]');
    const err = Object.assign(new Error('invalid input syntax for type uuid: "jo@x.example"'), { code: '22P02' });
    expect(describeError(err)).toMatchObject({ name: 'Error', code: '22P02', message: 'invalid input syntax for type uuid: "…"' });
    expect(describeError('a string')).toEqual({ name: 'string' });
    const failedQuery = new Error('Failed query: insert into "notes" ("body") values ($1)\nparams: call jo about psk_abc', { cause: Object.assign(new Error('invalid byte sequence'), { code: '22021' }) });
    expect(describeError(failedQuery)).toMatchObject({ code: '22021', message: 'Failed query: insert into "…" ("…") values ($1)', cause: 'invalid byte sequence' });
  });
});
