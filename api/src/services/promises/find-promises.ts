import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoTime, jsonArray, jsonValue, selectValue } from '../../db/rows';
import { promises } from '../../db/schema';
import { personJson } from '../people/load-people';
import type { StoredPromise } from './to-promise-dto';

/**
 * The organisation's promises matching `where` (conditions on the `promises` table), by
 * promised date, as stored and shaped as the API shows them (`withOutcome` adds what the AR
 * math worked out): a scalar subquery yielding a JSON array. The one place a promise becomes its DTO.
 */
export const promisesJson = (orgId: string, where: SQL | undefined): SQL =>
  jsonArray(
    sql`json_build_object('id', promises.id, 'customerId', promises.customer_id, 'amount', promises.amount, 'currency', promises.currency,
      'promisedDate', promises.promised_date, 'madeOn', promises.made_on, 'status', promises.status, 'note', promises.note,
      'invoiceIds', promises.invoice_ids, 'createdBy', ${personJson(orgId, sql`promises.created_by`)}, 'createdAt', ${isoTime(sql`promises.created_at`)})`,
    sql`from promises where ${and(eq(promises.orgId, orgId), where)}`,
    sql`promises.promised_date, promises.id`,
  );

/** The organisation's promises matching `where`, as stored: one statement. */
export async function findPromises(db: Db, orgId: string, where: SQL | undefined): Promise<StoredPromise[]> {
  return jsonValue<StoredPromise[]>(await selectValue(db, promisesJson(orgId, where)), []);
}
