/** Units of work scoped to one organisation, enforced by PostgreSQL row-level security. */
import { is, sql } from 'drizzle-orm';
import { PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import type { Db } from '../db/client';
import { AppError } from './errors';
import { timeLeft, type RequestDeadline } from './request-deadline';
import type { ServiceContext } from './types';

/** The role tenant work runs as: not the owner, cannot bypass RLS (migration 0002). */
export const APP_ROLE = 'payside_app';

/**
 * Runs `work` in a transaction as the app role with `app.org_id` set for that
 * transaction only (`set_config(…, true)`), so a pooled connection never carries
 * one organisation's setting into another's request. With a request `deadline`,
 * statement_timeout is the time left (PostgreSQL cancels a slow query) and work
 * that outlives the deadline is rolled back rather than committed.
 *
 * On PostgreSQL the settings are sent without waiting for their answer: drizzle
 * makes the statement (`unsafe`) as soon as it is started (`.then`, below, before
 * the work runs), and a transaction's `sql` sends statements in the order they were
 * made (db/prepared-statements.ts), so BEGIN, the settings and the work's first
 * statements go out together and run in that order. Should the settings fail, the
 * transaction is aborted and every later statement fails too; the work's result
 * waits for the settings' answer all the same, and their error is the one reported.
 * PGlite runs one statement at a time anyway, so there they are awaited.
 * @see https://github.com/porsager/postgres#transactions
 */
export function withTenant<T>(db: Db, orgId: string, work: (tx: Db) => Promise<T>, deadline?: RequestDeadline): Promise<T> {
  return db.transaction(async (tx) => {
    const limit = deadline ? sql`, set_config('statement_timeout', ${String(Math.max(1, timeLeft(deadline)))}, true)` : sql``;
    // `.then` starts the statement (once: each `then` of a drizzle query runs it again).
    const settled = tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.org_id', ${orgId}, true)${limit}`).then(() => {});
    if (!is(tx, PostgresJsTransaction)) await settled;
    settled.catch(() => {}); // awaited below; a failure must not count as unhandled until then
    let result: T;
    try {
      result = await work(tx as unknown as Db);
    } catch (error) {
      await settled; // if the settings failed, that is why the work did
      throw error;
    }
    await settled;
    if (deadline?.signal.aborted) throw new AppError('service_unavailable', 'The request deadline passed; its changes were rolled back');
    return result;
  });
}

/**
 * Every mutation goes through here, scoped to the context's organisation: inside a
 * request it is a savepoint of the request's tenant transaction; called on its
 * own (CLI, jobs) it opens one.
 */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Db) => Promise<T>): Promise<T> {
  return withTenant(ctx.db, ctx.orgId, work);
}
