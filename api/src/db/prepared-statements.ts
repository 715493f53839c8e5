/** Makes drizzle's queries over `postgres` named prepared statements, and its transactions pipelined. */
import type { PendingQuery, ReservedSql, Row, Sql } from 'postgres';

/**
 * drizzle sends every query as an unnamed statement (`prepare: false`), and for a
 * statement with parameters `postgres` then waits for a Parse/Describe round trip
 * before it can bind: two round trips and a fresh parse and plan per query. Named
 * statements are parsed once per connection and executed in one round trip. Query
 * shapes are few (drizzle builds the same text for the same call site), so the
 * per-connection statement cache stays small; connections are recycled
 * (`max_lifetime`) anyway.
 *
 * Transactions (`begin`, which drizzle's `db.transaction` calls; its nested ones
 * call `savepoint` on the transaction's `sql`) are run by {@link pipelinedBegin}
 * rather than by `postgres`, which waits for BEGIN's answer before the work may
 * send anything.
 * @see https://github.com/porsager/postgres#prepared-statements
 */
export function preparingStatements<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') return preparedUnsafe(target);
      if (key === 'begin') return (...args: unknown[]) => pipelinedBegin(target, args);
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `unsafe` of `sql` with every statement that has parameters named (prepared). */
const preparedUnsafe =
  (sql: Sql) =>
  (query: string, args?: unknown[], options: Record<string, unknown> = {}): PendingQuery<Row[]> =>
    (sql.unsafe as (...a: unknown[]) => PendingQuery<Row[]>)(query, args ?? [], args?.length ? { ...options, prepare: true } : options);

/** What drizzle hands `begin` and `savepoint`: the work, given the transaction's `sql`. */
type Work = (sql: Sql) => unknown;

/** The part of a `postgres` connection object that its own `begin` uses (src/index.js); not public, so only used when present. */
interface PoolConnection {
  onclose?: ((error: Error) => void) | null;
  terminate?: () => void;
}

/** The one reserved connection a pipelined transaction (and its savepoints) runs on. */
interface Link {
  sql: ReservedSql;
  /** Captured from BEGIN, as `postgres` does in `begin`: how we hear that the socket closed. */
  connection?: PoolConnection;
  /** Why `postgres` closed the connection: the server ended the transaction with it, and the pool already took it back. */
  lost?: Error;
  /** Rejects with `lost`, so a transaction whose connection died fails now instead of waiting forever. */
  gone: Promise<never>;
  /** Set once the transaction is over (or lost): later statements are refused instead of reaching a connection someone else now uses. */
  ended?: Error;
  /** Closed by us (see abandon): `postgres` takes it back when the socket has closed. */
  abandoned?: boolean;
  savepoints: number;
}

/** A transaction or one of its savepoints. */
interface Scope {
  parent?: Scope;
  /** The first statement of this scope that failed: it fails the scope even if the work caught it, as in `postgres` `begin`. */
  failure?: unknown;
}

const noop = () => {};

/**
 * `sql.begin([mode], fn)` with BEGIN pipelined: a connection is reserved (no
 * network), BEGIN is sent without waiting for its answer, and the work's statements
 * follow it on the same connection, in order. (BEGIN fails only with the
 * connection, and then so does everything after it.) As with `postgres` `begin`,
 * the result is the work's (an array of queries is awaited), and any failure, also
 * one of a statement whose error the work caught, rolls back and rethrows. The
 * connection goes back to the pool unless it died: then `postgres` has already
 * taken it back, and releasing it as well would hand a dead socket to the next query.
 * The connection object comes from BEGIN's `onexecute` hook, as in `postgres` `begin`.
 * @see https://github.com/porsager/postgres#reserving-connections
 * @see https://github.com/porsager/postgres#transactions
 */
async function pipelinedBegin(pool: Sql, args: unknown[]): Promise<unknown> {
  const work = args.pop() as Work;
  const mode = typeof args[0] === 'string' ? args[0].replace(/[^a-z ]/gi, '') : '';
  const reserved = await pool.reserve();
  let lose: (error: Error) => void = noop;
  const link: Link = { sql: reserved, savepoints: 0, gone: new Promise<never>((_, reject) => (lose = reject)) };
  link.gone.catch(noop);
  const onclose = (error: Error) => {
    link.lost = error;
    link.ended ??= error;
    lose(error);
  };
  const onexecute = (connection: PoolConnection) => {
    link.connection = connection;
    connection.onclose = onclose;
    return true; // the connection may take the statements that follow BEGIN at once
  };
  const scope: Scope = {};
  try {
    return await run(link, scope, send(link, `begin ${mode}`, scope, { onexecute }), work);
  } finally {
    link.ended ??= new Error('The transaction has ended; no more statements can be sent in it');
    if (link.connection?.onclose === onclose) link.connection.onclose = null;
    if (!link.lost && !link.abandoned) reserved.release();
  }
}

/**
 * Runs `work` in a scope whose opening statement (BEGIN or SAVEPOINT) was already
 * sent, then commits (or releases the savepoint); on any failure rolls back to where
 * the scope began and rethrows.
 */
async function run(link: Link, scope: Scope, opening: Promise<unknown>, work: Work, savepoint?: string): Promise<unknown> {
  try {
    const result = await Promise.race([call(work, transactionSql(link, scope)), link.gone]);
    await opening;
    if (scope.failure !== undefined) throw scope.failure;
    if (savepoint) {
      // Not waited for: what the outer scope sends next queues behind it, and should it fail (only in a
      // transaction already aborted), that fails the outer scope, at the latest at its COMMIT.
      send(link, `release savepoint ${savepoint}`, scope.parent);
      return result;
    }
    const closed = await Promise.race([send(link, 'commit', scope), link.gone]);
    // COMMIT of a transaction a statement failed in (one the work did not wait for) answers ROLLBACK, not an error.
    if (closed.command === 'ROLLBACK') throw scope.failure ?? new Error('PostgreSQL rolled the transaction back at COMMIT: a statement in it failed');
    return result;
  } catch (error) {
    if (connectionFailed(error)) abandon(link, error as Error);
    await undo(link, scope, opening, savepoint);
    throw rootCause(error, scope);
  }
}

/** Rolls a failed scope back: to its savepoint, or the whole transaction. */
async function undo(link: Link, scope: Scope, opening: Promise<unknown>, savepoint?: string) {
  if (link.lost || link.abandoned) return; // the session ends, and the transaction with it
  if (savepoint) {
    // SAVEPOINT itself failed (the transaction was already aborted): there is nothing to go back to, and the outer scope fails.
    if (!(await opening.then(() => true, () => false))) return;
    await Promise.race([send(link, `rollback to savepoint ${savepoint}`, scope.parent), link.gone]).catch(noop);
    return;
  }
  try {
    await Promise.race([send(link, 'rollback'), link.gone]);
  } catch (error) {
    abandon(link, error as Error); // it may still be in the transaction: never hand it to the next request
  }
}

/**
 * Gives up the connection: closes it (as `postgres` does when it ends the pool),
 * after which `postgres` takes it back and reconnects it when next needed. Used
 * when the connection failed, where sending ROLLBACK or releasing it would write
 * to a dead socket, or hand one to the next query. Without the connection handle
 * (a `postgres` that no longer offers it) the connection is released as usual.
 */
function abandon(link: Link, error: Error) {
  link.ended ??= error;
  if (link.lost || link.abandoned || !link.connection?.terminate) return;
  link.abandoned = true;
  link.connection.terminate();
}

/** Whether `error` is the connection failing (socket error, closed, FATAL from the server) rather than a statement. */
function connectionFailed(error: unknown): boolean {
  for (let e = error as { code?: unknown; errno?: unknown; severity?: unknown; cause?: unknown } | undefined; e && typeof e === 'object'; e = e.cause as typeof e) {
    if (e.severity === 'FATAL' || e.severity === 'PANIC' || typeof e.errno === 'number') return true;
    if (typeof e.code === 'string' && e.code.startsWith('CONNECT')) return true; // CONNECTION_CLOSED, _DESTROYED, _ENDED, CONNECT_TIMEOUT
  }
  return false;
}

/** A statement failing only because an earlier one did (25P02, transaction aborted) reports that earlier failure instead. */
function rootCause(error: unknown, scope: Scope | undefined): unknown {
  for (let s = scope; s && sqlState(error) === '25P02'; s = s.parent) if (s.failure !== undefined) error = s.failure;
  return error;
}

/** The SQLSTATE of a driver error, also when drizzle wrapped it (`cause`). */
function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e && typeof e === 'object'; e = e.cause as typeof e) if (typeof e.code === 'string') return e.code;
  return undefined;
}

/** Calls `work` like `postgres` does: a synchronous throw rejects, and an array of queries is awaited as a whole. */
const call = (work: Work, sql: Sql) =>
  new Promise<unknown>((resolve, reject) => {
    const x = work(sql);
    Promise.resolve(Array.isArray(x) ? Promise.all(x) : x).then(resolve, reject);
  });

/**
 * The `sql` a scope's work gets: the reserved connection's, with statements prepared,
 * tracked in `scope`, and savepoints. `unsafe` statements (all of drizzle's) start
 * when made, not when first awaited: awaiting one starts it a microtask later, and
 * BEGIN, SAVEPOINT and the like that we send in between would overtake it. So the
 * order on the wire is the order they were made in (withTenant's settings before
 * the savepoint its work opens at once). Tagged templates stay lazy, as they may be
 * fragments of another query.
 */
function transactionSql(link: Link, scope: Scope): Sql {
  const unsafe = preparedUnsafe(link.sql);
  return new Proxy(link.sql, {
    apply(target, self, args) {
      const query: unknown = Reflect.apply(target, self, args);
      if (!(query instanceof Promise)) return query; // an identifier or fragment helper
      return link.ended ? refused(link.ended) : track(query, scope);
    },
    get(target, key, receiver) {
      if (key === 'unsafe') return (...args: Parameters<typeof unsafe>) => (link.ended ? refused(link.ended) : track(unsafe(...args).execute(), scope));
      if (key === 'savepoint') return (...args: unknown[]) => savepoint(link, scope, args);
      if (key === 'release') return undefined; // the transaction releases its connection itself
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Sql;
}

/** `sql.savepoint([name], fn)` on the transaction's connection: SAVEPOINT is pipelined like BEGIN. */
function savepoint(link: Link, parent: Scope, args: unknown[]): Promise<unknown> {
  const work = args.pop() as Work;
  const name = `s${link.savepoints++}${typeof args[0] === 'string' ? `_${args[0].replace(/\W/g, '')}` : ''}`;
  if (link.ended) return Promise.reject(link.ended);
  const scope: Scope = { parent };
  return run(link, scope, send(link, `savepoint ${name}`, scope), work, name);
}

/** Sends a statement of our own now (not when first awaited), so it goes out ahead of what the work sends next. */
function send(link: Link, statement: string, scope?: Scope, options?: object): PendingQuery<Row[]> {
  return track(preparedUnsafe(link.sql)(statement, [], { ...options }).execute(), scope);
}

/**
 * Records the query's failure in `scope`. Attached with `Promise.prototype.then`,
 * because a `postgres` query's own `then` would start it: the work still decides
 * when its statements run. A failure is thereby handled, never an unhandled rejection.
 */
function track<Q extends Promise<unknown>>(query: Q, scope?: Scope): Q {
  Promise.prototype.then.call(query, undefined, (error: unknown) => {
    if (scope && scope.failure === undefined) scope.failure = error;
  });
  return query;
}

/** A query that fails with `error` without reaching the connection (drizzle calls `.values()` on it and awaits it). */
function refused(error: Error) {
  const failed = Promise.reject(error);
  failed.catch(noop);
  return Object.assign(failed, { values: () => failed, raw: () => failed, execute: () => failed, simple: () => failed });
}
