/** Per-caller rate limiting: token buckets on an injected clock (no sleeping), 429 problems, headers, env. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { readEnv } from '../../api/src/env';
import { createRateLimiter } from '../../api/src/lib/rate-limit';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('token bucket', () => {
  it('allows a burst, then one request per refill interval', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 3, now: time.now });
    expect([1, 2, 3].map(() => limiter.take('a').remaining)).toEqual([2, 1, 0]);
    const denied = limiter.take('a');
    expect(denied).toMatchObject({ allowed: false, remaining: 0, limit: 3, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true); // another caller has its own bucket
    time.advance(999);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(1);
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 0 });
    time.advance(60_000);
    expect(limiter.peek('a')).toMatchObject({ allowed: true, remaining: 3, resetSeconds: 0 });
  });

  it('says how long until the bucket is full and when to retry at a slow rate', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 6, burst: 2, now: time.now });
    limiter.take('a');
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 20 });
    expect(limiter.take('a')).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it('forgets idle callers beyond maxKeys instead of growing without bound', () => {
    const time = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, now: time.now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
      limiter.take(key);
      expect(limiter.size()).toBeLessThanOrEqual(3);
    }
    expect(limiter.take('f').allowed).toBe(false); // the busiest, most recent caller is still remembered
  });
});

describe('HTTP', () => {
  let database: TestDatabase;
  let org: SeededOrg;
  const time = clock();
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await createTestDatabase();
    org = await seedOrg(database.db);
    app = createApp({ db: database.db, rateLimit: { perMinute: 60, burst: 2, trustProxy: true, now: time.now } });
  });
  afterAll(() => database.close());

  it('answers 429 problem+json with Retry-After and RateLimit-* once a token has used its burst', async () => {
    const api = client(app, org.tokens.viewer);
    const first = await api.get('/v1/me');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await api.get('/v1/me')).headers.get('ratelimit-remaining')).toBe('0');
    const limited = await api.get('/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited', requestId: limited.headers.get('x-request-id') });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect((await client(app, org.tokens.collector).get('/v1/me')).status).toBe(200); // another user: its own budget
    time.advance(1000);
    expect((await api.get('/v1/me')).status).toBe(200);
  });

  it('limits requests without a valid token by client IP, before checking the credential', async () => {
    const from = (ip: string, token?: string) => client(app, token).call('GET', '/v1/me', undefined, { 'x-forwarded-for': `203.0.113.9, ${ip}` });
    expect((await from('198.51.100.1', 'psk_guess-1')).status).toBe(401);
    expect((await from('198.51.100.1')).status).toBe(401);
    const blocked = await from('198.51.100.1', 'psk_guess-2');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await from('198.51.100.1', org.tokens.admin)).status).toBe(429); // not even a right guess gets through
    expect((await from('198.51.100.2', 'psk_guess-3')).status).toBe(401); // another client is not affected
    time.advance(1000);
    expect((await from('198.51.100.1', org.tokens.admin)).status).toBe(200);
  });

  it('is off when the rate is 0 (the bench) or not configured (tests)', async () => {
    for (const off of [createApp({ db: database.db, rateLimit: { perMinute: 0, burst: 1 } }), createApp({ db: database.db })]) {
      const results = await Promise.all(Array.from({ length: 25 }, () => client(off, org.tokens.admin).get('/v1/me')));
      expect(results.map((r) => r.status)).toEqual(Array(25).fill(200));
      expect(results[0]!.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});

describe('configuration', () => {
  it('defaults to 600 a minute with a burst of 120, allows 0 to turn it off and rejects nonsense', () => {
    expect(readEnv({})).toMatchObject({ PAYSIDE_RATE_LIMIT_PER_MINUTE: 600, PAYSIDE_RATE_LIMIT_BURST: 120, PAYSIDE_TRUST_PROXY: false });
    expect(readEnv({ PAYSIDE_RATE_LIMIT_PER_MINUTE: '0', PAYSIDE_TRUST_PROXY: 'true' })).toMatchObject({ PAYSIDE_RATE_LIMIT_PER_MINUTE: 0, PAYSIDE_TRUST_PROXY: true });
    expect(() => readEnv({ PAYSIDE_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/PAYSIDE_RATE_LIMIT_PER_MINUTE/);
    expect(() => readEnv({ PAYSIDE_RATE_LIMIT_BURST: 'lots' })).toThrow(/PAYSIDE_RATE_LIMIT_BURST/);
  });
});
