/**
 * Every change is audited, generated from the app's OpenAPI document: each mutating /v1
 * operation, called successfully, writes an audit row with the actor, the action, the entity
 * and its before/after, and that row shows in the audit trail of the customer it concerns.
 */
import { and, eq, gt, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { auditLog, customers } from '../../api/src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { client } from '../helpers/http';
import { buildRequest, isReadOperation, listOperations, openApiDocument, type ApiOperation } from '../helpers/openapi-operations';
import { slotFill } from '../helpers/slot-fill';
import { freeWorldInvoice, seedTenantWorld, type TenantWorld } from '../helpers/tenant-world';

const doc = openApiDocument(createApp({ db: undefined as never }));
const mutating = listOperations(doc).filter((op) => !isReadOperation(op));

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
const covered = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
});
afterAll(() => database?.close());

type AuditRow = typeof auditLog.$inferSelect;
const uuidsIn = (value: unknown) => new Set(JSON.stringify(value ?? null).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);

/** Calls the operation as the least role allowed and returns the audit rows it wrote. */
async function callAndAudit(op: ApiOperation, world: TenantWorld, fresh: boolean) {
  await freeWorldInvoice(database.db, world);
  const [{ high }] = (await database.db.select({ high: max(auditLog.id) }).from(auditLog)) as [{ high: number | null }];
  const request = buildRequest(doc, op, slotFill({ own: world, fresh }));
  const res = await client(app, world.org.tokens[op.role]).call(request.method, request.url, request.body);
  expect(res.status, `${op.name} must succeed to be audited: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  const rows = await database.db.select().from(auditLog).where(and(eq(auditLog.orgId, world.org.orgId), gt(auditLog.id, Number(high ?? 0)))).orderBy(auditLog.id);
  expect(rows.length, `${op.name} wrote no audit row`).toBeGreaterThanOrEqual(1);
  const pathIds = request.slots.filter((s) => s.at.startsWith('path.')).map((s) => world.ids[s.entity as keyof TenantWorld['ids']]);
  return { res, rows, entityIds: new Set([...pathIds, ...uuidsIn(res.body)]) };
}

/** The row must be in the audit trail of the customer it concerns, as an admin reads it. */
async function expectInCustomerTrail(world: TenantWorld, row: AuditRow) {
  expect(row.customerId, `${row.action} names no customer`).toBeTruthy();
  const [owner] = await database.db.select({ orgId: customers.orgId }).from(customers).where(eq(customers.id, row.customerId!));
  expect(owner?.orgId).toBe(world.org.orgId);
  const trail = await client(app, world.org.tokens.admin).get(`/v1/customers/${row.customerId}/audit?limit=200`);
  expect(trail.status).toBe(200);
  expect(trail.body.items.find((e: { id: string }) => e.id === String(row.id))).toMatchObject({ action: row.action, entityType: row.entityType, entityId: row.entityId });
}

describe.each(mutating)('$name', (op) => {
  let world: TenantWorld;
  beforeAll(async () => {
    world = await seedTenantWorld(database.db, app);
  });

  if (op.method === 'PUT' && op.path.startsWith('/v1/sync/')) {
    it('audits a batch that creates with a summary row per customer, and each update with before and after', async () => {
      const created = await callAndAudit(op, world, true);
      expect(created.res.body).toMatchObject({ created: 1 });
      const summary = created.rows.find((r) => r.entityId === 'batch' && r.action.endsWith('.synced'));
      expect(summary, 'summary row').toMatchObject({ actorId: world.org.users[op.role].id, before: null, after: { created: 1 } });
      await expectInCustomerTrail(world, summary!);

      const updated = await callAndAudit(op, world, false);
      expect(updated.res.body).toMatchObject({ updated: 1 });
      const change = updated.rows.find((r) => r.action.endsWith('.updated'));
      expect(change, 'update row').toMatchObject({ actorId: world.org.users[op.role].id, before: expect.any(Object), after: expect.any(Object) });
      await expectInCustomerTrail(world, change!);
      covered.add(op.name);
    });
    return;
  }

  it('writes an audit row with the actor, the entity and before/after, shown in the customer trail', async () => {
    const { res, rows, entityIds } = await callAndAudit(op, world, true);
    const row = rows.find((r) => entityIds.has(r.entityId));
    expect(row, `no audit row about ${[...entityIds].join(', ')}: ${JSON.stringify(rows)}`).toBeDefined();
    expect(row).toMatchObject({ actorId: world.org.users[op.role].id, actorLabel: world.org.users[op.role].email });
    expect(row!.action).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(row!.entityType).toBe(row!.action.split('.')[0]);
    if (res.status === 201) expect(row!.after, 'a creation records what was created').not.toBeNull();
    else expect(row!.before, 'an update or removal records what was there').not.toBeNull();
    await expectInCustomerTrail(world, row!);
    covered.add(op.name);
  });
});

describe('coverage', () => {
  it('audited every mutating operation of the OpenAPI document', () => {
    expect(mutating.length).toBeGreaterThanOrEqual(15);
    expect([...covered].sort()).toEqual(mutating.map((op) => op.name).sort());
  });
});
