/**
 * Crash safety of thread logging: a burst of concurrent, partly overlapping POST /v1/threads
 * against the real server process, SIGKILLed once the first responses arrive and started again
 * on the same data while the clients retry. Every message must end up stored exactly once, and
 * every success a client saw must be in the database (PGlite data folder or PostgreSQL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/src/db/client';
import { messages, threads } from '../../api/src/db/schema';
import { messageKeyOf } from '../../api/src/services/threads/message-key';
import { crashableServer, freePort, postWithRetry, type RetriedResponse } from '../helpers/crash-harness';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { childEnv } from '../helpers/spawn';

const THREADS = 30;
const DUPLICATES = 10;
const KILL_AFTER = 8;

let dataDir: string;
let pg: TestDatabase | undefined;
let server: ReturnType<typeof crashableServer>;
let base: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'payside-crash-'));
  if (process.env.DATABASE_URL) pg = await createTestDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}/v1`;
  server = crashableServer(
    childEnv({ PORT: String(port), HOST: '127.0.0.1', PAYSIDE_DATA_DIR: dataDir, DATABASE_URL: pg?.url, PUBLIC_URL: undefined, PAYSIDE_RATE_LIMIT_PER_MINUTE: '0' }),
  );
  await server.start();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await pg?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Thread i carries messages i.0 … i.3; a duplicate re-sends the last two and adds two more. */
function burst(customerId: string) {
  const message = (t: number, m: number) => ({ internetMessageId: `<crash-${t}-${m}@example.com>`, from: 'ap@example.com', subject: `Thread ${t}`, bodyText: `message ${m}` });
  const log = (t: number, ms: number[]) => ({ provider: 'gmail', threadId: `crash-thread-${t}`, customerId, messages: ms.map((m) => message(t, m)) });
  return [
    ...Array.from({ length: THREADS }, (_, t) => log(t, [0, 1, 2, 3])),
    ...Array.from({ length: DUPLICATES }, (_, t) => log(t * 3, [2, 3, 4, 5])),
  ];
}

describe('a SIGKILL in the middle of a logging burst', () => {
  it('loses no acknowledged message and stores none twice', async () => {
    const token = server.output().match(/Demo token\s+(psk_\S+)/)?.[1];
    expect(token).toBeDefined();
    const list = await fetch(`${base}/customers?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    const customerId: string = list.items[0].customer.id;
    const requests = burst(customerId);

    let answered = 0;
    let crash: Promise<void> | undefined;
    const responses: RetriedResponse[] = await Promise.all(
      requests.map(async (body) => {
        const res = await postWithRetry(server, `${base}/threads`, token!, body);
        // The crash is triggered by an event (the KILL_AFTER-th answer), not by a timer.
        if (++answered === KILL_AFTER) crash = server.crashAndRestart();
        return res;
      }),
    );
    await crash;

    expect(responses.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(responses.some((r) => r.failures > 0), 'the kill interrupted requests in flight').toBe(true);
    await server.stop();

    // Read what is stored, with the server down, straight from its database.
    const store = await openDatabase(pg ? { url: pg.url } : { dataDir: join(dataDir, 'pglite') });
    try {
      const keys = new Set(requests.flatMap((r) => r.messages.map((m) => `${r.threadId} ${messageKeyOf('gmail', m)}`)));
      const stored = await store.db
        .select({ id: messages.id, thread: threads.providerThreadId, key: messages.messageKey })
        .from(messages)
        .innerJoin(threads, eq(threads.id, messages.threadId))
        .where(and(eq(threads.provider, 'gmail'), inArray(threads.providerThreadId, requests.map((r) => r.threadId))));
      const storedKeys = stored.map((m) => `${m.thread} ${m.key}`);
      expect(storedKeys.length, 'no message stored twice').toBe(new Set(storedKeys).size);
      expect(new Set(storedKeys)).toEqual(keys);
      const threadRows = await store.db.select({ id: threads.id }).from(threads).where(inArray(threads.providerThreadId, requests.map((r) => r.threadId)));
      expect(threadRows).toHaveLength(THREADS);

      // Every success a client saw names messages that are in the database.
      const storedIds = new Set(stored.map((m) => m.id));
      const acknowledged = responses.flatMap((r) => r.body.messages.map((m: { id: string }) => m.id));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      expect(new Set(responses.map((r) => r.body.thread.id))).toEqual(new Set(threadRows.map((t) => t.id)));
    } finally {
      await store.close();
    }
  }, 240_000);
});
