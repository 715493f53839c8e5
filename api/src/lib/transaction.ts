/** Units of work scoped to one organisation, enforced by PostgreSQL row-level security. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ServiceContext } from './types';

/** The role tenant work runs as: not the owner, cannot bypass RLS (migration 0002). */
export const APP_ROLE = 'payside_app';

/**
 * Runs `work` in a transaction as the app role with `app.org_id` set for that
 * transaction only (`set_config(…, true)`), so a pooled connection never carries
 * one organisation's setting into another's request.
 */
export function withTenant<T>(db: Db, orgId: string, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.org_id', ${orgId}, true)`);
    return work(tx as unknown as Db);
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
