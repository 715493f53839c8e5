/** A transaction whose work decides at the end whether to commit (dry runs, failed batches). */
import type { Db } from '../db/client';
import { inTransaction } from '../lib/transaction';
import type { ServiceContext } from '../lib/types';

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs `work` in one transaction of the context's organisation; commits only when it answers `commit: true`. */
export async function inRollbackableTransaction<T>(ctx: ServiceContext, work: (tx: Db) => Promise<{ value: T; commit: boolean }>): Promise<{ value: T; committed: boolean }> {
  try {
    const value = await inTransaction(ctx, async (tx) => {
      const result = await work(tx);
      if (!result.commit) throw new Rollback(result.value);
      return result.value;
    });
    return { value, committed: true };
  } catch (error) {
    if (error instanceof Rollback) return { value: error.value as T, committed: false };
    throw error;
  }
}
