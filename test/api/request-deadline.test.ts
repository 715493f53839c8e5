/**
 * Request deadlines: past it the client gets a 503 problem at once and the work left
 * behind is rolled back; on PostgreSQL a statement that outlives it is cancelled.
 * No wall-clock assertions: the slow parts wait on gates and locks the test controls.
 */
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLine } from '../../api/src/app';
import { createApp } from '../helpers/app';
import { apiTokenVerifier } from '../../api/src/auth/api-token';
import type { Verifier } from '../../api/src/auth/verifier';
import { auditLog, notes } from '../../api/src/db/schema';
import { AppError } from '../../api/src/lib/errors';
import { withTenant } from '../../api/src/lib/transaction';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';

let database: TestDatabase;
let org: SeededOrg;
let customerId: string;
const onPostgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  customerId = (await seedCustomer(database.db, org.orgId)).id;
});
afterAll(() => database.close());

const noteCount = async () => (await database.db.select({ n: count() }).from(notes))[0]!.n;
const auditCount = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;

/** A log sink that resolves when a line with this message and request id arrives. */
function logWatcher() {
  const lines: LogLine[] = [];
  const waiters: Array<{ msg: string; requestId: string; resolve: (line: LogLine) => void }> = [];
  const log = (line: LogLine) => {
    lines.push(line);
    for (const w of waiters) if (line.msg === w.msg && line.requestId === w.requestId) w.resolve(line);
  };
  const waitFor = (msg: string, requestId: string) =>
    new Promise<LogLine>((resolve) => {
      const seen = lines.find((l) => l.msg === msg && l.requestId === requestId);
      if (seen) resolve(seen);
      else waiters.push({ msg, requestId, resolve });
    });
  return { log, waitFor };
}

/** The SQLSTATE of a driver error (drizzle wraps it as `cause`). */
const pgCode = (err: unknown): string | undefined => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (typeof e.code === 'string') return e.code;
  return undefined;
};

const deadline = (ms: number) => {
  const controller = new AbortController();
  return { controller, deadline: { signal: controller.signal, expiresAt: performance.now() + ms } };
};

describe('request deadline', () => {
  it('answers 503 problem+json when the request outlives it, and the abandoned request stores nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowVerifier: Verifier = async (input) => {
      await gate;
      return apiTokenVerifier(input);
    };
    const watcher = logWatcher();
    const app = createApp({ db: database.db, verifiers: [slowVerifier], requestTimeoutMs: 50, log: watcher.log });
    const [notesBefore, auditBefore] = [await noteCount(), await auditCount()];

    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customerId}/notes`, { body: 'written after the client gave up' });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'service_unavailable', requestId: res.headers.get('x-request-id') });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    release();
    await watcher.waitFor('abandoned request settled', res.body.requestId);
    expect([await noteCount(), await auditCount()]).toEqual([notesBefore, auditBefore]);
  });

  it('leaves fast requests alone', async () => {
    const app = createApp({ db: database.db, requestTimeoutMs: 10_000 });
    const res = await client(app, org.tokens.collector).post(`/v1/customers/${customerId}/notes`, { body: 'in time' });
    expect(res.status).toBe(201);
  });

  it('rolls back tenant work that wrote before the deadline passed', async () => {
    const { controller, deadline: d } = deadline(60_000);
    const before = await noteCount();
    const work = withTenant(
      database.db,
      org.orgId,
      async (tx) => {
        await tx.insert(notes).values({ orgId: org.orgId, customerId, body: 'too late' });
        controller.abort();
      },
      d,
    );
    await expect(work).rejects.toThrow(AppError);
    await expect(work).rejects.toMatchObject({ code: 'service_unavailable' });
    expect(await noteCount()).toBe(before);
  });

  it.runIf(onPostgres)('sets statement_timeout to the time left, so PostgreSQL cancels a slow query (pg_sleep)', async () => {
    const { deadline: d } = deadline(150);
    const work = withTenant(database.db, org.orgId, async (tx) => tx.execute(sql`select pg_sleep(30)`), d);
    const err = await work.then(() => null, (e: unknown) => e);
    expect(pgCode(err)).toBe('57014'); // query_canceled: canceling statement due to statement timeout
  });

  it.runIf(onPostgres)('cancels a request blocked on a lock: 503, its statement cancelled, the transaction rolled back', async () => {
    const watcher = logWatcher();
    const app = createApp({ db: database.db, requestTimeoutMs: 300, log: watcher.log });
    const before = await noteCount();
    const res = await database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table notes in access exclusive mode`);
      const answer = await client(app, org.tokens.collector).post(`/v1/customers/${customerId}/notes`, { body: 'blocked' });
      // Still holding the lock: the abandoned request can only settle if PostgreSQL cancelled its statement.
      await watcher.waitFor('abandoned request settled', answer.body.requestId);
      return answer;
    });
    expect(res.status).toBe(503);
    expect(await noteCount()).toBe(before);
  });
});
