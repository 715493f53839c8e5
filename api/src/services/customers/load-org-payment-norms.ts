import { addDays, BEHAVIOUR_WINDOW_DAYS, orgPaymentNorms, type OrgPaymentNorms } from '@shared/ar';
import type { Db } from '../../db/client';
import { loadInvoiceOutcomes } from './load-invoice-outcomes';
import { cachedOrgPaymentNorms } from './org-norms-cache';

/** The org's payment norms as of a date (typical delay, dispute delay, trend) from all its customers' invoices due in the 365 days to asOf. */
export function loadOrgPaymentNorms(db: Db, orgId: string, asOf: string, configuredDelayDays: number): Promise<OrgPaymentNorms> {
  return cachedOrgPaymentNorms(orgId, `${asOf}|${configuredDelayDays}`, async () => {
    const invoices = await loadInvoiceOutcomes(db, orgId, { asOf, dueFrom: addDays(asOf, -(BEHAVIOUR_WINDOW_DAYS - 1)) });
    return orgPaymentNorms(invoices, asOf, configuredDelayDays);
  });
}
