/**
 * Tenant isolation, generated from the app's OpenAPI document: every /v1 operation is called
 * by organisation A with, in turn, each id or external ref in its path and body taken from
 * organisation B (and, to compare, from nowhere), then with A's own values. B's rows must stay
 * byte-for-byte the same, no audit row may appear for B, no B id may appear in a response, and
 * a foreign id must answer exactly like a missing one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { client, type ApiResponse } from '../helpers/http';
import { buildRequest, isReadOperation, listOperations, openApiDocument, slotsOf, type ApiOperation } from '../helpers/openapi-operations';
import { slotFill, type FillPlan } from '../helpers/slot-fill';
import { orgUuids, snapshotOrg, type OrgSnapshot } from '../helpers/tenant-tables';
import { freeWorldInvoice, seedTenantWorld, type TenantWorld } from '../helpers/tenant-world';

const doc = openApiDocument(createApp({ db: undefined as never }));
const operations = listOperations(doc);

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let b: TenantWorld;
let bSnapshot: OrgSnapshot;
let bIds: Set<string>;
const covered = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  b = await seedTenantWorld(database.db, app);
  bSnapshot = await snapshotOrg(database.db, b.org.orgId);
  bIds = await orgUuids(database.db, b.org.orgId);
  expect(Object.values(bSnapshot).every((t) => t.rows > 0), 'the fixture fills every tenant table').toBe(true);
});
afterAll(() => database?.close());

/** Sends the planned request as A and checks what must hold whatever the answer: B untouched, nothing of B shown. */
async function send(op: ApiOperation, plan: FillPlan): Promise<ApiResponse> {
  const request = buildRequest(doc, op, slotFill(plan));
  const a = plan.own;
  await freeWorldInvoice(database.db, a);
  const aBefore = await snapshotOrg(database.db, a.org.orgId);
  const res = await client(app, a.org.tokens[op.role]).call(request.method, request.url, request.body);
  const bAfter = await snapshotOrg(database.db, b.org.orgId);
  expect(bAfter.audit_log, 'no audit row written for B').toEqual(bSnapshot.audit_log);
  expect(bAfter, "B's rows unchanged").toEqual(bSnapshot);
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  expect([...bIds].filter((id) => text.includes(id)), "B's ids in the response").toEqual([]);
  expect(text).not.toContain(b.marker);
  expect(res.status, `unexpected server error: ${text}`).toBeLessThan(500);
  if (res.status >= 400) expect(await snapshotOrg(database.db, a.org.orgId), 'a refused request changes nothing').toEqual(aBefore);
  return res;
}

const outcome = (res: ApiResponse) => ({ status: res.status, code: res.body?.code, fields: res.body?.errors?.map((e: { field: string }) => e.field) });

describe.each(operations)('$name', (op) => {
  // Faulting an externalRef creates that record in A, so those run after the refs that point at records.
  const slots = slotsOf(doc, op)
    .filter((s) => s.kind !== 'key')
    .sort((x, y) => Number(x.kind === 'ref' && x.field === 'externalRef') - Number(y.kind === 'ref' && y.field === 'externalRef'));
  let a: TenantWorld;
  beforeAll(async () => {
    a = await seedTenantWorld(database.db, app);
  });

  it.each(slots.map((s) => ({ ...s, label: `${s.at} (${s.kind} of a ${s.entity})` })))("with B's $label answers as if it were missing", async (slot) => {
    const foreign = await send(op, { own: a, fault: { at: slot.at, with: 'foreign', foreign: b } });
    const missing = await send(op, { own: a, fault: { at: slot.at, with: 'missing', foreign: b } });
    expect(outcome(foreign)).toEqual(outcome(missing));
    if (slot.kind === 'id') expect(slot.at.startsWith('path.') ? [404] : [404, 422]).toContain(foreign.status);
    else if (foreign.status < 300) expect(foreign.body, 'an unknown externalRef creates the record in A').toMatchObject({ created: 1 });
    else expect([404, 422]).toContain(foreign.status);
  });

  if (slots.some((s) => s.optional)) it('with only its own required values works and shows nothing of B', async () => {
    const res = await send(op, { own: a, omitOptional: true });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });

  it('with its own values works and shows nothing of B', async () => {
    const res = await send(op, { own: a });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    if (isReadOperation(op)) {
      const aIds = await orgUuids(database.db, a.org.orgId);
      expect([...aIds].some((id) => JSON.stringify(res.body).includes(id)), "a read shows the caller's own data").toBe(true);
    }
    covered.add(op.name);
  });
});

describe('coverage', () => {
  it('checked every operation of the served OpenAPI document', async () => {
    const served = (await client(app).get('/v1/openapi.json')).body;
    const names = listOperations(served).map((op) => op.name);
    expect(names.length).toBeGreaterThanOrEqual(20);
    expect([...covered].sort()).toEqual([...names].sort());
    expect(covered.size).toBe(operations.length);
  });
});
