import { evaluatePromises } from '@shared/ar';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { promises } from '../../db/schema';
import { loadArInput } from '../customers/load-ar-input';
import { getOrgSettings, todayIn } from '../org/get-org-settings';
import { settlePromiseStatuses } from './settle-promise-statuses';

/**
 * Re-evaluates the open promises of these customers against their payments as of today (as the
 * panel does) and stores the outcomes: called when payments arrive, so a kept promise is stored as
 * kept even if nobody opens the customer.
 */
export async function settleCustomerPromises(db: Db, orgId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const withOpen = await db
    .selectDistinct({ customerId: promises.customerId })
    .from(promises)
    .where(and(eq(promises.orgId, orgId), eq(promises.status, 'open'), inArray(promises.customerId, [...customerIds])));
  if (withOpen.length === 0) return;
  const org = await getOrgSettings(db, orgId);
  const today = todayIn(org.timeZone);
  for (const { customerId } of withOpen) {
    const ledger = await loadArInput(db, orgId, { id: customerId, currency: 'XXX', creditLimit: null }, today, org.typicalDelayDays);
    await settlePromiseStatuses(db, orgId, ledger.promiseRows, evaluatePromises(ledger.input.promises, ledger.input.payments, today));
  }
}
