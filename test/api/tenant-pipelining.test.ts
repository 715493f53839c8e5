/**
 * withTenant pipelined (api/src/db/prepared-statements.ts, api/src/lib/transaction.ts):
 * BEGIN, the tenant settings and the work's first statements go out together, and
 * still every guarantee holds: the settings come first, a failure anywhere rolls back,
 * savepoints roll back alone, and the pooled connection comes back without role or
 * organisation. On PostgreSQL the tests run on a pool of one connection, so "the
 * connection afterwards" is the same connection; on PGlite there is only one anyway.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { and, eq, like, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_SETTINGS, type Db } from '../../api/src/db/client';
import { preparingStatements } from '../../api/src/db/prepared-statements';
import { rowsOf } from '../../api/src/db/rows';
import * as schema from '../../api/src/db/schema';
import { notes } from '../../api/src/db/schema';
import { APP_ROLE, inTransaction, withTenant } from '../../api/src/lib/transaction';
import type { ServiceContext } from '../../api/src/lib/types';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';

const onPostgres = Boolean(process.env.DATABASE_URL);

interface SingleConnection {
  db: Db;
  /** Socket writes so far (PostgreSQL only). */
  writes(): number;
  /** The connection's current socket (PostgreSQL only). */
  socket(): net.Socket | undefined;
  close(): Promise<void>;
}

/**
 * The app's setup (drizzle over `preparingStatements(postgres(…))`, as in db/client.ts)
 * on one connection whose socket writes are counted. `postgres` gathers what it is
 * given within one turn of the event loop into a single write (and writes at once
 * only past 1 KiB), so with work that waits on nothing but the database, every write
 * after the first of a transaction was made after reading an answer: writes count
 * round trips. The count is taken on the client's own socket, so nothing else
 * (other connections, the server's activity) can disturb it.
 */
function singleConnection(url: string): SingleConnection {
  let writes = 0;
  let current: net.Socket | undefined;
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { ...SESSION_SETTINGS },
    socket: ({ host, port }: { host: string[]; port: number[] }) => {
      const socket = net.connect(port[0]!, host[0]!);
      current = socket;
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
      socket.write = ((...args: unknown[]) => {
        writes++;
        return write(...args);
      }) as typeof socket.write;
      return socket;
    },
  } as postgres.Options<{}>);
  const db = drizzle(preparingStatements(client), { schema }) as unknown as Db;
  return { db, writes: () => writes, socket: () => current, close: () => client.end({ timeout: 5 }) };
}

let database: TestDatabase;
let single: SingleConnection;
let org: SeededOrg;
let customerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  customerId = (await seedCustomer(database.db, org.orgId)).id;
  single = database.url ? singleConnection(database.url) : { db: database.db, writes: () => Number.NaN, socket: () => undefined, close: async () => {} };
});
afterAll(async () => {
  await single?.close();
  await database?.close();
});

let runs = 0;
/** A marker for this test's notes, and the labels of the committed ones, sorted (one transaction's rows share created_at). */
function marked() {
  const mark = `pipelining-${++runs}-${Math.random().toString(36).slice(2, 8)}`;
  const note = (label: string) => ({ orgId: org.orgId, customerId, body: `${mark} ${label}` });
  const stored = async () =>
    (await single.db.select({ body: notes.body }).from(notes).where(and(eq(notes.orgId, org.orgId), like(notes.body, `${mark} %`)))).map((r) => r.body.slice(mark.length + 1)).sort();
  return { note, stored };
}

/** What the connection carries outside any tenant transaction. */
async function sessionState(db: Db) {
  const [row] = rowsOf<{ role: string; session: string; org: string | null }>(
    await db.execute(sql`select current_user as role, session_user as session, current_setting('app.org_id', true) as org`),
  );
  return row!;
}

/** The SQLSTATE of a driver error (drizzle wraps it as `cause`). */
const pgCode = (err: unknown): string | undefined => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (typeof e.code === 'string') return e.code;
  return undefined;
};
const rejection = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a rejection'), (e: unknown) => e);

const ctxOf = (db: Db): ServiceContext => ({ db, orgId: org.orgId, actor: { userId: null, label: 'test' } });

describe('withTenant, pipelined', () => {
  it('runs the work’s very first statement as the app role with the organisation set', async () => {
    const result = await withTenant(single.db, org.orgId, (tx) => tx.execute(sql`select current_user as role, current_setting('app.org_id', true) as org`));
    expect(rowsOf(result)).toEqual([{ role: APP_ROLE, org: org.orgId }]);
  });

  // Were SAVEPOINT sent ahead of the settings, rolling back to it would undo them and leave the owner role behind.
  it('sends the settings before a savepoint the work opens at once: rolling that back keeps role and organisation', async () => {
    const state = await withTenant(single.db, org.orgId, async (tx) => {
      await expect(tx.transaction(async () => Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
      return sessionState(tx);
    });
    expect(state).toMatchObject({ role: APP_ROLE, org: org.orgId });
  });

  it('rolls everything back when a statement fails, and the connection comes back without role or organisation', async () => {
    const { note, stored } = marked();
    const err = await rejection(
      withTenant(single.db, org.orgId, async (tx) => {
        await tx.insert(notes).values(note('written before the failure'));
        await tx.execute(sql`select 1 / 0`);
      }),
    );
    expect(pgCode(err)).toBe('22012'); // division_by_zero: the statement's own error, not "transaction aborted"
    expect(await stored()).toEqual([]);

    const state = await sessionState(single.db);
    expect(state.role).toBe(state.session);
    expect(state.role).not.toBe(APP_ROLE);
    expect(state.org || null).toBeNull(); // '' once the setting was ever defined on the connection, null before

    await withTenant(single.db, org.orgId, async (tx) => void (await tx.insert(notes).values(note('next transaction'))));
    expect(await stored()).toEqual(['next transaction']);
  });

  it('leaves nothing set on the connection after a committed transaction either', async () => {
    await withTenant(single.db, org.orgId, async (tx) => tx.execute(sql`select 1`));
    const state = await sessionState(single.db);
    expect(state.role).toBe(state.session);
    expect(state.org || null).toBeNull();
  });

  it('fails the transaction when the settings fail, with their error, although the work ran on', async () => {
    const { note, stored } = marked();
    // A NUL byte is no valid text for PostgreSQL: set_config's parameter is refused (22021).
    const badOrg = `${org.orgId}\u0000`;
    const plain = await rejection(withTenant(single.db, badOrg, async (tx) => void (await tx.insert(notes).values(note('never stored')))));
    expect(pgCode(plain)).toBe('22021');
    // The work swallowing its own failures changes nothing: the settings' answer is awaited with it.
    const swallowing = await rejection(withTenant(single.db, badOrg, async (tx) => void (await tx.insert(notes).values(note('never stored either')).catch(() => {}))));
    expect(pgCode(swallowing)).toBe('22021');
    expect(await stored()).toEqual([]);
    expect((await sessionState(single.db)).org || null).toBeNull();
  });

  it('does not commit work that caught a failed statement (the transaction was aborted by it)', async () => {
    const { note, stored } = marked();
    const outcome = withTenant(single.db, org.orgId, async (tx) => {
      await tx.insert(notes).values(note('before'));
      await tx.execute(sql`select 1 / 0`).catch(() => {});
      return 'done';
    });
    if (onPostgres) expect(pgCode(await rejection(outcome))).toBe('22012');
    else await outcome.catch(() => {}); // PGlite's COMMIT of an aborted transaction quietly rolls back
    // Nor work that did not wait for a statement that then failed: COMMIT comes after it and finds the transaction aborted.
    const unawaited = withTenant(single.db, org.orgId, async (tx) => {
      await tx.insert(notes).values(note('before, not waited for'));
      void tx.execute(sql`select 1 / 0`).then(
        () => {},
        () => {},
      );
    });
    if (onPostgres) expect(pgCode(await rejection(unawaited))).toBe('22012');
    else await unawaited.catch(() => {});
    expect(await stored()).toEqual([]);
  });

  it('rolls a failed nested inTransaction back to its savepoint and keeps the outer writes', async () => {
    const { note, stored } = marked();
    await withTenant(single.db, org.orgId, async (tx) => {
      await tx.insert(notes).values(note('outer before'));
      const failedStatement = await rejection(
        inTransaction(ctxOf(tx), async (inner) => {
          await inner.insert(notes).values(note('savepoint, failed statement'));
          await inner.execute(sql`select 1 / 0`);
        }),
      );
      expect(pgCode(failedStatement)).toBe('22012');
      await expect(
        inTransaction(ctxOf(tx), async (inner) => {
          await inner.insert(notes).values(note('savepoint, thrown'));
          throw new Error('changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      await inTransaction(ctxOf(tx), async (inner) => void (await inner.insert(notes).values(note('savepoint, kept'))));
      // The outer transaction is intact: still the app role and the organisation, still writable.
      expect(await sessionState(tx)).toMatchObject({ role: APP_ROLE, org: org.orgId });
      await tx.insert(notes).values(note('outer after'));
    });
    expect(await stored()).toEqual(['outer after', 'outer before', 'savepoint, kept']);
  });

  it('rolls back a transaction whose work throws after writing, savepoints included', async () => {
    const { note, stored } = marked();
    await expect(
      withTenant(single.db, org.orgId, async (tx) => {
        await tx.insert(notes).values(note('outer'));
        await inTransaction(ctxOf(tx), async (inner) => void (await inner.insert(notes).values(note('released savepoint'))));
        throw new Error('request failed');
      }),
    ).rejects.toThrow('request failed');
    expect(await stored()).toEqual([]);
  });

  it.skipIf(!onPostgres)('sends BEGIN, the settings and the first statement before reading any answer: two writes for one statement', async () => {
    const once = () => withTenant(single.db, org.orgId, (tx) => tx.execute(sql`select ${org.orgId}::uuid = current_setting('app.org_id')::uuid as ok`));
    await once(); // a statement's first run on a connection also parses it (prepares it): a round trip of its own
    const before = single.writes();
    expect(rowsOf(await once())).toEqual([{ ok: true }]);
    // One write for BEGIN + settings + statement, one for COMMIT once the answer is in (unpipelined: 4).
    expect(single.writes() - before).toBe(2);
  });

  it.skipIf(!onPostgres)('plans a prepared statement once, generically, instead of anew at each execution', async () => {
    const probe = (customerId: string) =>
      withTenant(single.db, org.orgId, (tx) => tx.execute(sql`select count(*)::int as n from invoices where org_id = ${org.orgId} and customer_id = ${customerId} /* generic-plan probe */`));
    for (let i = 0; i < 3; i++) await probe(randomUUID());
    const [plans] = rowsOf<{ generic_plans: number; custom_plans: number }>(
      await single.db.execute(sql`select generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%generic-plan probe%' and statement not like '%pg_prepared_statements%'`),
    );
    expect(plans).toEqual({ generic_plans: 3, custom_plans: 0 });
  });

  it.skipIf(!onPostgres)('pipelines savepoints too: a request with one nested mutation also takes two writes', async () => {
    const { note, stored } = marked();
    const once = (label: string) =>
      withTenant(single.db, org.orgId, async (tx) => {
        await inTransaction(ctxOf(tx), async (inner) => void (await inner.insert(notes).values(note(label))));
      });
    await once('warm-up');
    const before = single.writes();
    await once('counted');
    // BEGIN + settings + SAVEPOINT + settings + insert; RELEASE SAVEPOINT + COMMIT (postgres.js `begin`: 6).
    expect(single.writes() - before).toBe(2);
    expect(await stored()).toEqual(['counted', 'warm-up']);
  });

  // The socket is closed on the client's side: a server-side kill (pg_terminate_backend) would also work, but postgres.js
  // 3.4.9 then fails the next query on the reconnected connection with the old FATAL error, whatever the transaction code.
  it.skipIf(!onPostgres)('fails a transaction whose connection dies mid-statement, and the pool carries on with a new connection', async () => {
    const { note, stored } = marked();
    const err = await rejection(
      withTenant(single.db, org.orgId, async (tx) => {
        await tx.insert(notes).values(note('lost with the connection'));
        const sleeping = tx.execute(sql`select pg_sleep(2)`).then(() => {});
        await new Promise((resolve) => setTimeout(resolve, 50)); // sent and running
        single.socket()!.destroy();
        await sleeping;
      }),
    );
    expect(pgCode(err)).toBe('CONNECTION_CLOSED');
    // Not handed back to the pool as if alive (that would fail the next query, or crash on a write to no socket).
    await withTenant(single.db, org.orgId, async (tx) => void (await tx.insert(notes).values(note('on a new connection'))));
    expect(await stored()).toEqual(['on a new connection']);
  });

  it.skipIf(!onPostgres)('refuses statements after the connection died between them, instead of writing to no socket', async () => {
    const { note, stored } = marked();
    const err = await rejection(
      withTenant(single.db, org.orgId, async (tx) => {
        await tx.insert(notes).values(note('lost with the connection'));
        const socket = single.socket()!;
        const closed = new Promise((resolve) => socket.once('close', resolve));
        socket.destroy();
        await closed;
        await tx.insert(notes).values(note('after the connection died'));
      }),
    );
    expect(pgCode(err)).toBe('CONNECTION_CLOSED');
    await withTenant(single.db, org.orgId, async (tx) => void (await tx.insert(notes).values(note('on a new connection'))));
    expect(await stored()).toEqual(['on a new connection']);
    expect((await sessionState(single.db)).org || null).toBeNull();
  });
});
