/** Makes drizzle's parameterised queries on PGlite run as prepared statements, parsed and planned once. */
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/** What drizzle calls on PGlite: the database itself, or the object its transaction callback is given. */
type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

export interface PreparingOptions {
  /**
   * How many statements stay prepared; beyond that the least recently used is deallocated.
   * The hot ones are a few dozen, but `in (…)` lists and import batches of every length
   * each make a statement of their own.
   */
  maxStatements?: number;
}

/** Statements PREPARE takes (EXPLAIN and the like are run as they come). */
const PREPARABLE = /^[\s(]*(select|insert|update|delete|with|values)\b/i;

/** `text` as an SQL string literal: an escape string, whose meaning does not depend on standard_conforming_strings. */
export const quoteLiteral = (text: string): string => `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A statement prepared in the PGlite session: its name and its parameters' type oids. */
interface Prepared {
  name: string;
  types: number[];
}

/**
 * PGlite sends each query as an unnamed statement, so PostgreSQL parses, analyses and
 * plans it at every call. For the sidebar's panel statement that is 8 of its 19 ms in
 * WebAssembly. PGlite has one session and no named-statement API, so a statement with
 * parameters is prepared once with SQL `PREPARE` and then run as `EXECUTE name(…)`
 * with its values written as quoted literals. The protocol cannot bind parameters to
 * EXECUTE, and a quoted literal takes the prepared parameter's type, as a bound value does.
 * Each value is serialised as PGlite would bind it (by its parameter's type) and quoted
 * (`quoteLiteral`); EXECUTE still goes through the extended protocol, which refuses a
 * second statement, should quoting ever fail. Prepared statements belong to the session
 * and outlive a rolled-back transaction. The session plans them generically
 * (`plan_cache_mode`, set by the caller), as PostgreSQL connections do.
 * @see https://www.postgresql.org/docs/15/sql-prepare.html
 */
export function preparingPglite(pg: PGlite, { maxStatements = 250 }: PreparingOptions = {}): PGlite {
  const statements = new Map<string, Prepared>();
  let count = 0;

  async function prepare(q: Queryable, text: string): Promise<Prepared> {
    const [oldest] = statements;
    if (oldest && statements.size >= maxStatements) {
      statements.delete(oldest[0]);
      await q.exec(`deallocate ${oldest[1].name}`);
    }
    const name = `payside_${++count}`;
    await q.exec(`prepare ${name} as ${text}`);
    const [row] = (await q.query<{ types: number[] }>(`select parameter_types::oid[] as types from pg_prepared_statements where name = '${name}'`)).rows;
    const prepared = { name, types: row?.types ?? [] };
    // Concurrent first calls may each prepare their own copy (neither waits on the other, which
    // could deadlock against a transaction); the last one is kept, the others are merely unused.
    statements.set(text, prepared);
    return prepared;
  }

  /** The statement for `text` if there is one, moved to the end of the map: the map runs from least to most recently used. */
  const recall = (text: string): Prepared | undefined => {
    const prepared = statements.get(text);
    if (!prepared) return undefined;
    statements.delete(text);
    statements.set(text, prepared);
    return prepared;
  };

  const literal = (value: unknown, type: number | undefined, options?: QueryOptions): string => {
    if (value === null || value === undefined) return 'null';
    const serialize = (type !== undefined && (options?.serializers?.[type] ?? pg.serializers[type])) || ((v: unknown) => String(v));
    return quoteLiteral(serialize(value));
  };

  const query =
    (q: Queryable) =>
    async <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
      if (!params?.length || !PREPARABLE.test(text)) return q.query<T>(text, params, options);
      const { name, types } = recall(text) ?? (await prepare(q, text));
      const values = params.map((value, i) => literal(value, types[i], options));
      // A NUL cannot be written into a statement's text; bound, it fails as PostgreSQL says (22021), and callers rely on that.
      if (values.some((v) => v.includes('\u0000'))) return q.query<T>(text, params, options);
      return q.query<T>(`execute ${name}(${values.join(', ')})`, [], options);
    };

  const transaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    pg.transaction((tx) => work(new Proxy(tx, { get: (target, key) => (key === 'query' ? query(target) : Reflect.get(target, key)) })));

  return new Proxy(pg, {
    get(target, key, receiver) {
      if (key === 'query') return query(target);
      if (key === 'transaction') return transaction;
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
