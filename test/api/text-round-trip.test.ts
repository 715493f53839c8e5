/**
 * Text comes back exactly as it was stored, on both databases: a leading U+FEFF (which
 * PGlite's decoder used to drop), zero-width and bidi controls, soft hyphens, line and
 * paragraph separators, combining marks and astral characters, in every text column of
 * every tenant table, and through the API's own reads of what a person logged.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { rowsOf } from '../../api/src/db/rows';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedCustomer, seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { seedTenantWorld } from '../helpers/tenant-world';

/** Invisible or easily normalised characters, led by a byte-order mark. */
const INVISIBLE = '\uFEFF\u200B\u200C\u200D\u2060\u00AD\u202E\u2066\u2028\u2029\uFE0F e\u0301 \u{1F4B6}\uFEFF';
const led = (text: string) => `${INVISIBLE}${text}${INVISIBLE}`;

let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let org: SeededOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ db: database.db });
  org = await seedOrg(database.db);
  await seedTenantWorld(database.db, app);
});
afterAll(() => database.close());

interface TextColumn {
  table: string;
  column: string;
  array: boolean;
}

/** Every stored (not generated) text-like column of a tenant table, from the catalogue. */
async function tenantTextColumns(): Promise<TextColumn[]> {
  const result = await database.db.execute(sql`
    select c.table_name as table, c.column_name as column, c.data_type = 'ARRAY' as array
      from information_schema.columns c
     where c.table_schema = 'public'
       and c.is_generated = 'NEVER'
       and (c.data_type in ('text', 'character varying', 'character') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
       and exists (select 1 from information_schema.columns o where o.table_schema = 'public' and o.table_name = c.table_name and o.column_name = 'org_id')
     order by 1, 2`);
  return rowsOf<TextColumn>(result);
}

class Rollback extends Error {}

/**
 * Writes `value` into one row's column and reads it back through the driver, inside a
 * transaction that is rolled back. Undefined when the table has no row, or when a
 * constraint of the column refuses the value (a check, a unique key): nothing to read then.
 */
async function writeAndReadBack({ table, column, array }: TextColumn, value: string): Promise<unknown> {
  let readBack: unknown;
  try {
    await database.db.transaction(async (tx) => {
      const stored = array ? sql`array[${value}]::text[]` : sql`${value}`;
      const result = await tx.execute(sql`
        update ${sql.identifier(table)} set ${sql.identifier(column)} = ${stored}
         where ctid = (select ctid from ${sql.identifier(table)} limit 1)
         returning ${sql.identifier(column)} as value`);
      const [row] = rowsOf<{ value: unknown }>(result);
      readBack = row ? row.value : undefined;
      const [again] = rowsOf<{ value: unknown }>(await tx.execute(sql`select ${sql.identifier(column)} as value from ${sql.identifier(table)} where ${sql.identifier(column)} = ${stored}`));
      if (row && (!again || JSON.stringify(again.value) !== JSON.stringify(row.value))) readBack = { mismatch: again?.value };
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return readBack;
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    // A check, a unique or exclusion key, or a length limit (char(3) currency codes) refuses it.
    if (code === '23514' || code === '23505' || code === '23P01' || code === '22001') return undefined;
    throw error;
  }
  return readBack;
}

describe('every text column of every tenant table', () => {
  it('reads back exactly what was written, invisible characters and a leading U+FEFF included', async () => {
    const columns = await tenantTextColumns();
    const tested: string[] = [];
    for (const column of columns) {
      const value = led(`${column.table}.${column.column}`);
      const back = await writeAndReadBack(column, value);
      if (back === undefined) continue;
      expect(back, `${column.table}.${column.column}`).toEqual(column.array ? [value] : value);
      tested.push(`${column.table}.${column.column}`);
    }
    // The columns a person reads back must be among those exercised (a constraint did not refuse them).
    expect(tested).toEqual(
      expect.arrayContaining(['messages.subject', 'messages.body_text', 'messages.body_html', 'messages.from_name', 'threads.subject', 'notes.body', 'contacts.name', 'customers.name']),
    );
    expect(tested.length).toBeGreaterThan(30);
  });
});

describe('what a person logged comes back exactly', () => {
  it('keeps the subject, sender name, text and HTML of a logged message, in the thread, the content view and the timeline', async () => {
    const customer = await seedCustomer(database.db, org.orgId);
    const api = client(app, org.tokens.collector);
    const subject = led('Remittance 4471');
    const bodyText = led('Paid\u00A0in full.\r\nThanks');
    const bodyHtml = led('<p>Paid</p>');
    const logged = await api.post('/v1/threads', {
      provider: 'outlook',
      threadId: 'conv-invisible',
      customerId: customer.id,
      subject,
      messages: [{ internetMessageId: '<invisible@acme.example>', from: 'jane@acme.example', fromName: led('Jane'), subject, bodyText, bodyHtml, sentAt: '2026-11-20T10:00:00Z' }],
    });
    expect(logged.status).toBe(201);
    const messageId = (logged.body.messages as Array<{ id: string }>)[0]!.id;

    const content = await api.get(`/v1/messages/${messageId}/content`);
    expect(content.status).toBe(200);
    expect(content.body).toMatchObject({ subject, bodyText, bodyHtml, fromName: led('Jane') });

    const thread = await api.get(`/v1/threads/${logged.body.thread.id}`);
    expect(thread.status).toBe(200);
    expect(thread.body.subject).toBe(subject);

    const timeline = await api.get(`/v1/customers/${customer.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).toContain(JSON.stringify(subject).slice(1, -1));
  });

  // Typed fields are trimmed of surrounding white space (JavaScript's trim counts U+FEFF as
  // such), so the invisible run sits inside the text here.
  it('keeps a note and a contact name as typed', async () => {
    const customer = await seedCustomer(database.db, org.orgId);
    const api = client(app, org.tokens.collector);
    const inside = (text: string) => `${text.slice(0, 4)}${INVISIBLE}${text.slice(4)}`;
    const body = inside('Call back Thursday');
    const note = await api.post(`/v1/customers/${customer.id}/notes`, { body });
    expect(note.status).toBe(201);
    expect(note.body.body).toBe(body);
    const name = inside('Jamie Okafor');
    const contact = await api.post(`/v1/customers/${customer.id}/contacts`, { name, email: 'jamie@acme.example', role: 'ap' });
    expect(contact.status).toBe(201);
    expect(contact.body.name).toBe(name);
    const panel = await api.get(`/v1/customers/${customer.id}`);
    expect(panel.body.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ name })]));
  });
});
