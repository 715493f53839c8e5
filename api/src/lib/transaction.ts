/** Runs a unit of work for one organisation in one transaction. */
import type { Db } from '../db/client';
import type { ServiceContext } from './types';

/** Every mutation goes through here, so tenant settings (e.g. RLS) have one place to live. */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work(tx as unknown as Db));
}
