/** Makes drizzle's queries over `postgres` named prepared statements. */
import type { Sql } from 'postgres';

/**
 * drizzle sends every query as an unnamed statement (`prepare: false`), and for a
 * statement with parameters `postgres` then waits for a Parse/Describe round trip
 * before it can bind: two round trips and a fresh parse and plan per query. Named
 * statements are parsed once per connection and executed in one round trip. Query
 * shapes are few (drizzle builds the same text for the same call site), so the
 * per-connection statement cache stays small; connections are recycled
 * (`max_lifetime`) anyway.
 * @see https://github.com/porsager/postgres#prepared-statements
 */
export function preparingStatements<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'unsafe') {
        return (query: string, args?: unknown[], options: Record<string, unknown> = {}) =>
          (target.unsafe as (...a: unknown[]) => unknown)(query, args ?? [], args?.length ? { ...options, prepare: true } : options);
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: Sql) => unknown;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (inner: Sql) => work(preparingStatements(inner)));
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
