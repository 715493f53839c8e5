import { addDays, type ArInput } from '@shared/ar';
import { and, eq, gte, or, sql, type SQL } from 'drizzle-orm';
import { jsonValue, oneRow } from '../../db/rows';
import type { Db } from '../../db/client';
import { promises } from '../../db/schema';
import { promisesJson } from '../promises/find-promises';
import type { StoredPromise } from '../promises/to-promise-dto';

/** Promises kept, broken or open with a promised date this recent are evaluated. */
const PROMISE_LOOKBACK_DAYS = 120;

export interface LoadedLedger {
  input: ArInput;
  /** Invoice extras the AR math does not need but the panel shows. */
  poNumbers: Map<string, string | null>;
  promiseRows: PromiseRow[];
}

/** A promise as the ledger reads it: as stored, with the person who recorded it, shaped as the API shows it. */
export type PromiseRow = StoredPromise;

interface LedgerJson {
  invoices: Array<{ id: string; number: string; issueDate: string; dueDate: string; amount: number; currency: string; status: string; poNumber: string | null; disputed: boolean }>;
  allocations: Array<{ invoiceId: string; amount: number; date: string }>;
  credits: Array<{ invoiceId: string | null; amount: number; date: string }>;
  /** Invoices paid by asOf, each as one settlement of its amount on its paid day (the relevant ledger only). */
  paid?: Array<{ invoiceId: string; amount: number; date: string }>;
  payments: Array<{ id: string; amount: number; currency: string; receivedDate: string; allocated: number }>;
  promises: PromiseRow[];
}

/** One customer's ledger rows, as `fetchLedgerRows` returns them. */
export interface LedgerRows {
  invoiceRows: LedgerJson['invoices'];
  allocationRows: LedgerJson['allocations'];
  creditRows: LedgerJson['credits'];
  paymentRows: LedgerJson['payments'];
  promiseRows: PromiseRow[];
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

/**
 * Which part of a customer's ledger to read. `relevant` is what any figure as of asOf can
 * depend on (see `relevantLedger`); `all` is the whole history, the reference the relevant
 * part is checked against in tests.
 */
export type LedgerHistory = 'relevant' | 'all';

/** The customer's invoices, settlements, payments and recent promises: one statement. */
export async function fetchLedgerRows(db: Db, orgId: string, customerId: string, asOf: string, history: LedgerHistory = 'relevant'): Promise<LedgerRows> {
  return toLedgerRows(await oneRow<LedgerJson>(db, ledgerStatement(orgId, customerId, asOf, history)));
}

/**
 * The statement `fetchLedgerRows` runs: one row of JSON columns (invoices, allocations,
 * credits, paid, payments, promises), then `more` select-list items, so a caller that needs
 * more of the customer (the panel) reads it all in the same statement.
 */
export function ledgerStatement(orgId: string, customerId: string, asOf: string, history: LedgerHistory = 'relevant', more?: SQL): SQL {
  const { ctes, columns } = history === 'all' ? wholeLedger(orgId, customerId) : relevantLedger(orgId, customerId, asOf);
  return sql`${ctes ? sql`with ${ctes} ` : sql``}select ${columns}, ${promisesJson(orgId, evaluatedPromisesOf(customerId, asOf))} as promises${more ? sql`, ${more}` : sql``}`;
}

/** `ledgerStatement`'s row as ledger rows. */
export function toLedgerRows(ledger: Partial<Record<keyof LedgerJson, unknown>> | undefined): LedgerRows {
  const invoiceRows = jsonValue<LedgerJson['invoices']>(ledger?.invoices, []);
  // A paid invoice's one settlement on its paid day stands in for its allocations (see relevantLedger).
  const allocationRows = [...jsonValue<LedgerJson['allocations']>(ledger?.allocations, []), ...jsonValue<NonNullable<LedgerJson['paid']>>(ledger?.paid, [])];
  const creditRows = jsonValue<LedgerJson['credits']>(ledger?.credits, []);
  const paymentRows = jsonValue<LedgerJson['payments']>(ledger?.payments, []);
  const promiseRows = jsonValue<PromiseRow[]>(ledger?.promises, []);
  return { invoiceRows, allocationRows, creditRows, paymentRows, promiseRows };
}

/** The promises the AR math evaluates: open, or promised within the lookback. */
const evaluatedPromisesOf = (customerId: string, asOf: string): SQL =>
  and(eq(promises.customerId, customerId), or(eq(promises.status, 'open'), gte(promises.promisedDate, addDays(asOf, -PROMISE_LOOKBACK_DAYS))))!;

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

/** Invoice fields as the AR math reads them, in one stable order (due date, id) so ties break alike on every read. */
const invoiceJson = (orgId: string) => sql`json_build_object('id', i.id, 'number', i.number, 'issueDate', i.issue_date, 'dueDate', i.due_date, 'amount', i.amount,
  'currency', i.currency, 'status', i.status, 'poNumber', i.po_number,
  'disputed', exists (select 1 from dispute_invoices di join disputes d on d.org_id = ${orgId} and d.id = di.dispute_id
                       where di.org_id = ${orgId} and di.invoice_id = i.id)) order by i.due_date, i.id`;
const paymentJson = sql`json_build_object('id', p.id, 'amount', p.amount, 'currency', p.currency, 'receivedDate', p.received_date, 'allocated', p.allocated_amount)
  order by p.received_date, p.id`;

/** A ledger statement's parts: common table expressions (if any) and select-list items. */
interface LedgerParts {
  ctes: SQL | null;
  columns: SQL;
}

/** A customer's whole ledger, every row of it. */
function wholeLedger(orgId: string, customerId: string): LedgerParts {
  const columns = sql`
      (select coalesce(json_agg(${invoiceJson(orgId)}), '[]') from invoices i where i.org_id = ${orgId} and i.customer_id = ${customerId}) as invoices,
      (select coalesce(json_agg(json_build_object('invoiceId', pa.invoice_id, 'amount', pa.amount, 'date', p.received_date)), '[]')
         from payments p join payment_allocations pa on pa.org_id = ${orgId} and pa.payment_id = p.id
        where p.org_id = ${orgId} and p.customer_id = ${customerId}) as allocations,
      (select coalesce(json_agg(json_build_object('invoiceId', cn.invoice_id, 'amount', cn.amount, 'date', cn.issue_date)), '[]')
         from credit_notes cn where cn.org_id = ${orgId} and cn.customer_id = ${customerId}) as credits,
      (select coalesce(json_agg(${paymentJson}), '[]') from payments p where p.org_id = ${orgId} and p.customer_id = ${customerId}) as payments`;
  return { ctes: null, columns };
}

/**
 * The part of a customer's ledger that any figure as of asOf depends on, found through the
 * settlement state the triggers keep (invoices.paid_on, payments.allocated_amount) and read
 * index-only from the covering customer indexes, instead of the whole history:
 * - invoices still owed, or paid from `paid_from` on: the 365-day behaviour window, and at
 *   least the ten latest paid (the prediction's history; ties on the tenth day included);
 *   when nothing was paid in the last year, every paid invoice (behaviour then judges the
 *   whole history), plus those issued in the 91 days to asOf (DSO);
 * - the allocations and credit notes of those still owed as of asOf; an invoice paid by
 *   then needs only its paid day (one settlement of its amount on `paid_on` gives the AR
 *   math the same paid date and a balance of nothing, as its real settlements would);
 * - payments received from `received_from` on (the 365-day pay-day window, the latest
 *   payment, the earliest promise still evaluated) and any with money unallocated.
 * Void invoices never count and are left out. One statement, every part an index range.
 */
function relevantLedger(orgId: string, customerId: string, asOf: string): LedgerParts {
  const paidSince = sql`i.org_id = ${orgId} and i.customer_id = ${customerId} and i.issue_date <= ${asOf}::date and i.status <> 'void'`;
  const ctes = sql`
    bounds as materialized (
      select
        -- exactly the behaviour window (paid 0–364 days before asOf): without such an invoice behaviour reads every paid one
        case when exists (select 1 from invoices i where ${paidSince} and i.paid_on between ${asOf}::date - 364 and ${asOf}::date)
             -- fewer than ten paid: every paid one
             then least(${asOf}::date - 366, coalesce((select i.paid_on from invoices i where ${paidSince} and i.paid_on <= ${asOf}::date order by i.paid_on desc offset 9 limit 1), '-infinity'::date))
             else '-infinity'::date end as paid_from,
        least(${asOf}::date - 366,
              (select max(p.received_date) from payments p where p.org_id = ${orgId} and p.customer_id = ${customerId} and p.received_date <= ${asOf}::date),
              (select min(promises.made_on) from promises where promises.org_id = ${orgId} and ${evaluatedPromisesOf(customerId, asOf)})) as received_from
    ),
    i as materialized (
      select i.id, i.number, i.issue_date, i.due_date, i.amount, i.currency, i.status, i.po_number, i.paid_on,
             i.paid_on is null or i.paid_on > ${asOf}::date as owed
        from invoices i, bounds b
       where i.org_id = ${orgId} and i.customer_id = ${customerId}
         and (i.paid_on is null or i.paid_on >= b.paid_from or i.issue_date >= ${asOf}::date - 91)
         and i.status <> 'void'
    )`;
  const columns = sql`
      (select coalesce(json_agg(${invoiceJson(orgId)}), '[]') from i) as invoices,
      (select coalesce(json_agg(json_build_object('invoiceId', pa.invoice_id, 'amount', pa.amount, 'date', p.received_date)), '[]')
         from i join payment_allocations pa on pa.invoice_id = i.id join payments p on p.id = pa.payment_id
        where i.owed and pa.org_id = ${orgId} and p.org_id = ${orgId}) as allocations,
      (select coalesce(json_agg(json_build_object('invoiceId', cn.invoice_id, 'amount', cn.amount, 'date', cn.issue_date)), '[]')
         from credit_notes cn where cn.org_id = ${orgId} and cn.customer_id = ${customerId} and cn.invoice_id in (select id from i where i.owed)) as credits,
      (select coalesce(json_agg(json_build_object('invoiceId', i.id, 'amount', i.amount, 'date', i.paid_on)), '[]')
         from i where not i.owed and i.amount > 0) as paid,
      (select coalesce(json_agg(${paymentJson}), '[]')
         from payments p
        where p.org_id = ${orgId} and p.customer_id = ${customerId} and p.received_date <= ${asOf}::date
          and (p.received_date >= (select received_from from bounds) or p.allocated_amount < p.amount)) as payments`;
  return { ctes, columns };
}
