/** Units of work scoped to one organisation, enforced by PostgreSQL row-level security. */
import { sql } from 'drizzle-orm';
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
 */
export function withTenant<T>(db: Db, orgId: string, work: (tx: Db) => Promise<T>, deadline?: RequestDeadline): Promise<T> {
  return db.transaction(async (tx) => {
    const limit = deadline ? sql`, set_config('statement_timeout', ${String(Math.max(1, timeLeft(deadline)))}, true)` : sql``;
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.org_id', ${orgId}, true)${limit}`);
    const result = await work(tx as unknown as Db);
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
