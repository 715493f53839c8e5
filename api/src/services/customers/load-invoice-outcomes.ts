import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

/** An invoice of any customer with the day its balance reached zero (null while open). */
export interface InvoiceOutcome {
  id: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  paidDate: string | null;
  disputed: boolean;
}

/**
 * The org's non-void invoices (due from `dueFrom` to `asOf`, issued by `asOf`; all by default) with
 * their paid dates: the day settlements up to `asOf` first covered the amount, as the AR math
 * defines it. Oldest issued first.
 */
export async function loadInvoiceOutcomes(db: Db, orgId: string, window: { asOf?: string; dueFrom?: string } = {}): Promise<InvoiceOutcome[]> {
  const asOf = window.asOf ?? '9999-12-31';
  const dueFrom = window.dueFrom ?? '0001-01-01';
  const result = await db.execute(sql`
    with inv as (
      select i.id, i.customer_id, i.issue_date, i.due_date, i.amount
      from invoices i
      where i.org_id = ${orgId} and i.status <> 'void' and i.due_date between ${dueFrom} and ${asOf} and i.issue_date <= ${asOf}
    ), settled as (
      select pa.invoice_id, p.received_date as d, pa.amount
      from payment_allocations pa join inv on inv.id = pa.invoice_id join payments p on p.id = pa.payment_id
      where p.received_date <= ${asOf}
      union all
      select cn.invoice_id, cn.issue_date, cn.amount
      from credit_notes cn join inv on inv.id = cn.invoice_id
      where cn.issue_date <= ${asOf}
    ), running as (
      select invoice_id, d, sum(amount) over (partition by invoice_id order by d rows between unbounded preceding and current row) as total
      from settled
    ), paid as (
      select r.invoice_id, min(r.d) as paid_date
      from running r join inv on inv.id = r.invoice_id
      where r.total >= inv.amount
      group by r.invoice_id
    ), disputed as (
      select distinct di.invoice_id from dispute_invoices di join inv on inv.id = di.invoice_id
    )
    select inv.id, inv.customer_id as "customerId",
      to_char(inv.issue_date, 'YYYY-MM-DD') as "issueDate",
      to_char(inv.due_date, 'YYYY-MM-DD') as "dueDate",
      to_char(paid.paid_date, 'YYYY-MM-DD') as "paidDate",
      disputed.invoice_id is not null as disputed
    from inv
    left join paid on paid.invoice_id = inv.id
    left join disputed on disputed.invoice_id = inv.id
    order by inv.issue_date, inv.id
  `);
  return rowsOf<InvoiceOutcome>(result);
}
