/**
 * Property-based fuzzing of every operation in the API's own OpenAPI document, in process
 * against a real database: near-valid requests with one thing wrong and wholly hostile
 * ones. Whatever comes in, the API never answers 5xx; every 4xx is a problem+json with the
 * request id; and a rejected request changes no row of any table (audit_log included).
 * Reproduce a failure with the printed seed: FUZZ_SEED=<seed> [FUZZ_RUNS=<n>].
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { describeCase, fuzzCases, fuzzOperations, worldHints, type FuzzCase } from '../helpers/fuzz-requests';
import type { JsonSchema, SchemaHints } from '../helpers/fuzz-schema';
import { seedFuzzWorld, tableCounter, type FuzzWorld } from '../helpers/fuzz-world';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_807);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const MAX_BODY = 256 * 1024; // small enough that the fuzzer's largest bodies meet the 413

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let world: FuzzWorld;
let hints: SchemaHints;
let counts: () => Promise<Record<string, number>>;
let current: Record<string, number>;
const unexpected: string[] = [];
const stats = new Map<string, number>();

// The document is the same for any database; read it before the suite so each operation gets its own test.
const doc = createApp({ db: undefined as never }).getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'fuzz', version: '0' } }) as unknown as {
  paths: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
// Deletions last, so the other operations still find the rows they take ids of.
const operations = fuzzOperations(doc).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedFuzzWorld(database.db);
  app = createApp({ db: database.db, maxBodyBytes: MAX_BODY, requestTimeoutMs: 60_000, log: (line) => line.level === 'error' && unexpected.push(JSON.stringify(line)) });
  hints = worldHints(world, doc.components?.schemas ?? {});
  counts = await tableCounter(database.db);
  current = await counts();
}, 120_000);
afterAll(async () => {
  if (process.env.FUZZ_STATS) console.log([...stats].sort().map(([key, n]) => `${n}\t${key}`).join('\n')); // responses per operation, kind, status
  await database.close();
});

async function send(c: FuzzCase) {
  const res = await app.request(c.url, { method: c.method, headers: c.headers, body: c.body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The assertions for one case; throws (with the case described) when one fails. */
async function check(operation: string, c: FuzzCase) {
  const res = await send(c);
  const key = `${operation}\t${c.kind.replace(/ \(.*/, '')}\t${res.status}`;
  stats.set(key, (stats.get(key) ?? 0) + 1);
  const where = `${describeCase(c)}\n→ ${res.status} ${res.text.slice(0, 500)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status < 400 && c.method === 'GET') return; // a read changed nothing (else the next rejection's comparison fails)
  const after = await counts();
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), where).toContain('application/problem+json');
    const problem = JSON.parse(res.text) as { status: number; code: string; requestId: string };
    expect(problem.status, where).toBe(res.status);
    expect(problem.requestId, where).toMatch(/.{8,}/);
    expect(problem.requestId, where).toBe(res.headers.get('x-request-id'));
    expect(after, `a rejected request changed the database: ${where}`).toEqual(current);
  }
  current = after;
}

describe('fuzzing every operation of /v1/openapi.json', () => {
  it('covers every operation the document lists', () => {
    expect(operations.length).toBeGreaterThanOrEqual(23);
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(['POST /v1/context', 'POST /v1/threads', 'PUT /v1/sync/payments', 'GET /v1/customers/{id}']));
  });

  for (const op of operations) {
    it(`${op.name}: never 5xx, 4xx are problems, rejections change nothing`, async () => {
      unexpected.length = 0;
      await fc.assert(
        fc.asyncProperty(fuzzCases(op, world, hints), (c) => check(op.name, c)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      expect(unexpected, 'unhandled errors were logged').toEqual([]);
      expect(Object.keys(Object.prototype), 'a body polluted Object.prototype').toEqual([]);
    }, 300_000);
  }
});
