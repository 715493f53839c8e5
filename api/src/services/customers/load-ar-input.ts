import { addDays, type ArInput } from '@shared/ar';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import { jsonValue, rowsOf } from '../../db/rows';
import type { Db } from '../../db/client';
import { promises } from '../../db/schema';

export interface LoadedLedger {
  input: ArInput;
  /** Invoice extras the AR math does not need but the panel shows. */
  poNumbers: Map<string, string | null>;
  promiseRows: Array<typeof promises.$inferSelect>;
}

interface LedgerJson {
  invoices: Array<{ id: string; number: string; issueDate: string; dueDate: string; amount: number; currency: string; status: string; poNumber: string | null; disputed: boolean }>;
  allocations: Array<{ invoiceId: string; amount: number; date: string }>;
  credits: Array<{ invoiceId: string | null; amount: number; date: string }>;
  payments: Array<{ id: string; amount: number; currency: string; receivedDate: string; allocated: number }>;
}

/** One customer's ledger rows, as `fetchLedgerRows` returns them. */
export interface LedgerRows {
  invoiceRows: LedgerJson['invoices'];
  allocationRows: LedgerJson['allocations'];
  creditRows: LedgerJson['credits'];
  paymentRows: LedgerJson['payments'];
  promiseRows: Array<typeof promises.$inferSelect>;
}

/** Loads one customer's ledger as the pure AR input. */
export async function loadArInput(
  db: Db,
  orgId: string,
  customer: { id: string; currency: string; creditLimit: number | null },
  asOf: string,
  orgTypicalDelayDays: number,
): Promise<LoadedLedger> {
  return toArInput(await fetchLedgerRows(db, orgId, customer.id, asOf), customer, asOf, orgTypicalDelayDays);
}

/** The customer's invoices, settlements, payments and recent promises: two statements, sent together. */
export async function fetchLedgerRows(db: Db, orgId: string, customerId: string, asOf: string): Promise<LedgerRows> {
  // The ledger in one statement (each part an index range on the customer), the promises beside it.
  const [ledgerResult, promiseRows] = await Promise.all([
    db.execute(sql`
      select
        (select coalesce(json_agg(json_build_object('id', i.id, 'number', i.number, 'issueDate', i.issue_date, 'dueDate', i.due_date, 'amount', i.amount,
                  'currency', i.currency, 'status', i.status, 'poNumber', i.po_number,
                  'disputed', exists (select 1 from disputes d join dispute_invoices di on di.org_id = ${orgId} and di.dispute_id = d.id
                                       where d.org_id = ${orgId} and d.customer_id = ${customerId} and di.invoice_id = i.id))), '[]')
           from invoices i where i.org_id = ${orgId} and i.customer_id = ${customerId}) as invoices,
        (select coalesce(json_agg(json_build_object('invoiceId', pa.invoice_id, 'amount', pa.amount, 'date', p.received_date)), '[]')
           from payments p join payment_allocations pa on pa.org_id = ${orgId} and pa.payment_id = p.id
          where p.org_id = ${orgId} and p.customer_id = ${customerId}) as allocations,
        (select coalesce(json_agg(json_build_object('invoiceId', cn.invoice_id, 'amount', cn.amount, 'date', cn.issue_date)), '[]')
           from credit_notes cn where cn.org_id = ${orgId} and cn.customer_id = ${customerId}) as credits,
        (select coalesce(json_agg(json_build_object('id', p.id, 'amount', p.amount, 'currency', p.currency, 'receivedDate', p.received_date,
                  'allocated', (select coalesce(sum(pa.amount), 0) from payment_allocations pa where pa.org_id = ${orgId} and pa.payment_id = p.id))), '[]')
           from payments p where p.org_id = ${orgId} and p.customer_id = ${customerId}) as payments`),
    db
      .select()
      .from(promises)
      .where(
        and(
          eq(promises.orgId, orgId),
          eq(promises.customerId, customerId),
          or(eq(promises.status, 'open'), gte(promises.promisedDate, addDays(asOf, -120))),
        ),
      ),
  ]);
  const [ledger] = rowsOf<LedgerJson>(ledgerResult);
  const invoiceRows = jsonValue<LedgerJson['invoices']>(ledger?.invoices, []);
  const allocationRows = jsonValue<LedgerJson['allocations']>(ledger?.allocations, []);
  const creditRows = jsonValue<LedgerJson['credits']>(ledger?.credits, []);
  const paymentRows = jsonValue<LedgerJson['payments']>(ledger?.payments, []);

  return { invoiceRows, allocationRows, creditRows, paymentRows, promiseRows };
}

/** Ledger rows as the pure AR input, with the extras the panel shows. */
export function toArInput(
  rows: LedgerRows,
  customer: { currency: string; creditLimit: number | null },
  asOf: string,
  orgTypicalDelayDays: number,
): LoadedLedger {
  const { invoiceRows, allocationRows, creditRows, paymentRows, promiseRows } = rows;
  const input: ArInput = {
    asOf,
    currency: customer.currency,
    creditLimit: customer.creditLimit == null ? null : { amount: customer.creditLimit, currency: customer.currency },
    orgTypicalDelayDays,
    invoices: invoiceRows.map((r) => ({
      id: r.id,
      number: r.number,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      amount: Number(r.amount),
      currency: r.currency,
      void: r.status === 'void',
      disputed: Boolean(r.disputed),
    })),
    settlements: [
      ...allocationRows.map((a) => ({ invoiceId: a.invoiceId, amount: Number(a.amount), date: a.date, kind: 'payment' as const })),
      ...creditRows
        .filter((c): c is typeof c & { invoiceId: string } => c.invoiceId !== null)
        .map((c) => ({ invoiceId: c.invoiceId, amount: Number(c.amount), date: c.date, kind: 'credit' as const })),
    ],
    payments: paymentRows.map((p) => ({
      id: p.id,
      amount: Number(p.amount),
      currency: p.currency,
      receivedDate: p.receivedDate,
      unallocated: Math.max(0, Number(p.amount) - Number(p.allocated)),
    })),
    promises: promiseRows.map((p) => ({
      id: p.id,
      amount: p.amount,
      currency: p.currency,
      createdDate: p.madeOn,
      promisedDate: p.promisedDate,
      status: p.status,
    })),
  };
  return { input, poNumbers: new Map(invoiceRows.map((r) => [r.id, r.poNumber])), promiseRows };
}
