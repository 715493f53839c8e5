import { runBacktest, type BacktestResult } from '@shared/ar';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { loadInvoiceOutcomes } from '../customers/load-invoice-outcomes';
import { getOrgSettings } from '../org/get-org-settings';

/** Replays the org's whole ledger through the pay-date prediction (see runBacktest). */
export async function backtestOrg(ctx: ServiceContext): Promise<BacktestResult> {
  const { org, invoices } = await inTransaction(ctx, async (tx) => ({
    org: await getOrgSettings(tx, ctx.orgId),
    invoices: await loadInvoiceOutcomes(tx, ctx.orgId),
  }));
  return runBacktest({ invoices, orgTypicalDelayDays: org.typicalDelayDays });
}
