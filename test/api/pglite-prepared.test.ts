/**
 * PGlite's prepared statements (api/src/db/pglite-prepared.ts): a parameterised query is
 * prepared once and run as EXECUTE with its values quoted, and nothing about its answer
 * changes: every kind of value arrives exactly as a bound parameter would, errors keep
 * their SQLSTATE, statements outlive a rolled-back transaction, and only the most recently
 * used stay allocated. Runs on PGlite whatever DATABASE_URL says: the adapter is PGlite's.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../api/src/db/client';
import { preparingPglite } from '../../api/src/db/pglite-prepared';
import { rowsOf } from '../../api/src/db/rows';

const hostile = ["it's", 'back\\slash \\x00 \\\\', "'); drop table kinds; --", '$1 and $$dollar$$ quoting', 'línea\nnueva\t€ 😀', "''", '', ' '];

const kindsTable = `create table kinds (
  id int primary key, t text, tags text[], doc jsonb, bytes bytea, n numeric, big bigint,
  flag boolean, at timestamptz, day date, ref uuid)`;
const insertKinds = 'insert into kinds values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *';

/** One row of every kind, with text that needs quoting. */
const kindValues = (id: number, text: string) => [
  id,
  text,
  [text, 'b,c', '{d}', null],
  { text, nested: [1, 'two', null], quote: "'" },
  new Uint8Array([0, 39, 92, 255]),
  '12345678901234567890.0123',
  9007199254740993n,
  text.length % 2 === 0,
  new Date('2026-11-23T10:11:12.345Z'),
  '2026-02-28',
  '6f0b7d8e-1c2a-4b3c-9d4e-5f6a7b8c9d0e',
];

describe('PGlite prepared statements', () => {
  let plain: PGlite;
  let prepared: PGlite;

  beforeAll(async () => {
    plain = await PGlite.create();
    await plain.exec(kindsTable);
    prepared = preparingPglite(plain, { maxStatements: 3 });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('stores and returns every kind of value exactly as bound parameters do', async () => {
    for (const [i, text] of hostile.entries()) {
      const viaPrepared = await prepared.query(insertKinds, kindValues(2 * i, text));
      const viaBound = await plain.query(insertKinds, kindValues(2 * i + 1, text));
      expect({ ...(viaPrepared.rows[0] as object), id: 0 }).toEqual({ ...(viaBound.rows[0] as object), id: 0 });
      expect(viaPrepared.rows[0]).toMatchObject({ t: text, tags: [text, 'b,c', '{d}', null] });
    }
    const nulls = await prepared.query<{ t: string | null; doc: unknown }>(insertKinds, [99, null, null, null, null, null, null, null, null, null, null]);
    expect(nulls.rows[0]).toMatchObject({ t: null, doc: null, tags: null });
    const read = await prepared.query<{ id: number }>('select id from kinds where t = $1 order by id', [hostile[0]]);
    expect(read.rows.map((r) => r.id)).toEqual([0, 1]);
    expect((await plain.query('select count(*)::int as n from kinds')).rows[0]).toEqual({ n: 2 * hostile.length + 1 });
  });

  it('quotes the same whatever standard_conforming_strings says', async () => {
    await plain.exec('set standard_conforming_strings = off');
    try {
      for (const text of hostile) expect((await prepared.query<{ t: string }>('select $1::text as t', [text])).rows).toEqual([{ t: text }]);
    } finally {
      await plain.exec('set standard_conforming_strings = on');
    }
  });

  it('runs statements PREPARE does not take as they come', async () => {
    const plan = await prepared.query<{ 'QUERY PLAN': string }>('explain select * from kinds where id = $1', [1]);
    expect(plan.rows[0]!['QUERY PLAN']).toMatch(/kinds/);
  });

  it('prepares a statement once and runs it again by name', async () => {
    const text = 'select $1::int + 1 as next';
    expect((await prepared.query(text, [41])).rows).toEqual([{ next: 42 }]);
    expect((await prepared.query(text, [1])).rows).toEqual([{ next: 2 }]);
    const statements = (await plain.query<{ statement: string }>('select statement from pg_prepared_statements')).rows;
    expect(statements.filter((s) => s.statement.endsWith(text))).toHaveLength(1);
  });

  it('keeps a statement prepared in a transaction that rolls back', async () => {
    const text = 'select $1::text as echoed';
    await prepared.transaction(async (tx) => {
      expect((await tx.query(text, ['inside'])).rows).toEqual([{ echoed: 'inside' }]);
      await tx.rollback();
    });
    expect((await prepared.query(text, ['after'])).rows).toEqual([{ echoed: 'after' }]);
  });

  it('keeps only the most recently used statements allocated', async () => {
    const texts = [1, 2, 3, 4, 5].map((n) => `select $1::int * ${n} as product`);
    for (const text of texts) await prepared.query(text, [2]);
    await prepared.query(texts[3]!, [3]); // used again: the fourth is now more recent than the fifth
    await prepared.query('select $1::int as sixth', [6]);
    const kept = (await plain.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map((r) => r.statement);
    expect(kept).toHaveLength(3);
    expect(kept.some((s) => s.endsWith(texts[3]!))).toBe(true);
    expect(kept.some((s) => s.endsWith(texts[4]!))).toBe(true);
    expect(kept.some((s) => s.endsWith(texts[0]!))).toBe(false);
    expect((await prepared.query<{ product: number }>(texts[0]!, [7])).rows).toEqual([{ product: 7 }]); // prepared anew
  });

  it('fails as the bound query fails, with the same SQLSTATE', async () => {
    const codeOf = (query: Promise<unknown>) => query.then(() => 'no error', (error: { code?: string }) => error.code);
    expect(await codeOf(prepared.query(insertKinds, kindValues(0, 'duplicate id')))).toBe('23505');
    expect(await codeOf(prepared.query('select $1::uuid as ref', ['not-a-uuid']))).toBe('22P02');
    expect(await codeOf(prepared.query('select $1::int as n', ['1e999']))).toBe(await codeOf(plain.query('select $1::int as n', ['1e999'])));
    expect(await codeOf(prepared.query('select $1::text as t', ['a\u0000b']))).toBe('22021'); // bound after all: a NUL cannot be quoted
  });
});

describe('openDatabase on PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  });
  afterAll(async () => {
    await database?.close();
  });

  it('plans drizzle queries once, generically, as on PostgreSQL', async () => {
    for (const n of [1, 2, 3]) expect(rowsOf(await database.db.execute(sql`select ${n}::int as n`))).toEqual([{ n }]);
    const [statement] = rowsOf<{ generic: number; custom: number }>(
      await database.db.execute(sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like ${'%select $1::int as n'}`),
    );
    expect(statement).toEqual({ generic: 3, custom: 0 });
  });
});
