/**
 * The set-based statements of an invoice batch: insert, look-up, update, each
 * taking the whole batch as a single JSON parameter (`json_to_recordset`), so the statement
 * text is the same for every batch size (prepared once per connection) and nothing is
 * done row by row.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { TSyncInvoice } from '@shared/schemas';

/** What the org holds for item `i` of a batch: its customer, the invoice with its reference, the holder of its number. */
export interface InvoiceLookup {
  ownerId: string | null;
  stored: StoredInvoice | null;
  /** Set when another invoice (or this one) already has the number: that invoice's reference ('' when it has none). */
  numberHolderRef: string | null;
}

/** The values written for one invoice. */
export interface InvoiceValues {
  customerId: string;
  externalRef: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  currency: string;
  poNumber: string | null;
  status: 'issued' | 'void';
}

/** An invoice as stored, in the shape the upsert compares and audits. */
export interface StoredInvoice extends InvoiceValues {
  id: string;
}

interface LookupRow extends Record<string, unknown> {
  i: number;
  ownerId: string | null;
  holderRef: string | null;
  numberTaken: boolean;
  id: string | null;
}

/** One query for the batch: customer by reference, stored invoice by reference, holder of the number (all in `orgId`). */
export async function lookUpInvoices(tx: Db, orgId: string, keys: ReadonlyArray<{ ref: string; customerRef: string; number: string }>): Promise<InvoiceLookup[]> {
  if (!keys.length) return [];
  const input = JSON.stringify(keys.map((k, i) => ({ i, ref: k.ref, cref: k.customerRef, number: k.number })));
  const rows = rowsOf<LookupRow>(
    await tx.execute(sql`
      select x.i, c.id as "ownerId", holder.external_ref as "holderRef", holder.id is not null as "numberTaken",
             inv.id, inv.customer_id as "customerId", inv.external_ref as "externalRef", inv.number,
             to_char(inv.issue_date, 'YYYY-MM-DD') as "issueDate", to_char(inv.due_date, 'YYYY-MM-DD') as "dueDate",
             inv.amount::float8 as amount, inv.currency, inv.po_number as "poNumber", inv.status
        from json_to_recordset(${input}::json) as x(i int, ref text, cref text, number text)
        left join customers c on c.org_id = ${orgId}::uuid and c.external_ref = x.cref
        left join invoices inv on inv.org_id = ${orgId}::uuid and inv.external_ref = x.ref
        left join invoices holder on holder.org_id = ${orgId}::uuid and holder.number = x.number
       order by x.i`),
  );
  return rows.map((r) => ({
    ownerId: r.ownerId,
    numberHolderRef: r.numberTaken ? (r.holderRef ?? '') : null,
    stored: r.id
      ? {
          id: r.id,
          customerId: r.customerId as string,
          externalRef: r.externalRef as string,
          number: r.number as string,
          issueDate: r.issueDate as string,
          dueDate: r.dueDate as string,
          amount: Number(r.amount),
          currency: r.currency as string,
          poNumber: (r.poNumber as string | null) ?? null,
          status: r.status as 'issued' | 'void',
        }
      : null,
  }));
}

/** The batch as JSON keyed by column name, which is how json_to_recordset reads it. */
const asJson = (values: ReadonlyArray<InvoiceValues & { id?: string }>) =>
  JSON.stringify(
    values.map((v) => ({
      id: v.id,
      customer_id: v.customerId,
      external_ref: v.externalRef,
      number: v.number,
      issue_date: v.issueDate,
      due_date: v.dueDate,
      amount: v.amount,
      currency: v.currency,
      po_number: v.poNumber,
      status: v.status,
    })),
  );

const COLUMNS = sql`customer_id uuid, external_ref text, number text, issue_date date, due_date date, amount bigint, currency text, po_number text, status text`;

/**
 * Inserts the items whose reference and number are both new, with their customer found by
 * reference in the same statement (`on conflict do nothing`: the unique indexes do the
 * checking); answers what it inserted. The rest (stored, clashing, unknown customer) is for
 * the caller to look up.
 */
export async function insertNewInvoices(tx: Db, orgId: string, items: readonly TSyncInvoice[]): Promise<Array<{ externalRef: string; customerId: string }>> {
  if (!items.length) return [];
  const json = JSON.stringify(
    items.map((i) => ({ customer_ref: i.customerRef, external_ref: i.externalRef, number: i.number, issue_date: i.issueDate, due_date: i.dueDate, amount: i.amount, currency: i.currency, po_number: i.poNumber ?? null, status: i.status ?? 'issued' })),
  );
  const rows = await tx.execute(sql`
    insert into invoices (org_id, customer_id, external_ref, number, issue_date, due_date, amount, currency, po_number, status)
    select ${orgId}::uuid, c.id, x.external_ref, x.number, x.issue_date, x.due_date, x.amount, x.currency, x.po_number, x.status::invoice_status
      from json_to_recordset(${json}::json)
        as x(customer_ref text, external_ref text, number text, issue_date date, due_date date, amount bigint, currency text, po_number text, status text)
      join customers c on c.org_id = ${orgId}::uuid and c.external_ref = x.customer_ref
    on conflict do nothing
    returning external_ref as "externalRef", customer_id as "customerId"`);
  return rowsOf<{ externalRef: string; customerId: string }>(rows);
}

/** Inserts the invoices in one statement. */
export async function insertInvoices(tx: Db, orgId: string, values: readonly InvoiceValues[]): Promise<void> {
  if (!values.length) return;
  await tx.execute(sql`
    insert into invoices (org_id, customer_id, external_ref, number, issue_date, due_date, amount, currency, po_number, status)
    select ${orgId}::uuid, x.customer_id, x.external_ref, x.number, x.issue_date, x.due_date, x.amount, x.currency, x.po_number, x.status::invoice_status
      from json_to_recordset(${asJson(values)}::json) as x(${COLUMNS})`);
}

/** Overwrites the invoices with these ids (every column) in one statement. */
export async function updateInvoices(tx: Db, orgId: string, values: ReadonlyArray<InvoiceValues & { id: string }>): Promise<void> {
  if (!values.length) return;
  await tx.execute(sql`
    update invoices i
       set customer_id = x.customer_id, external_ref = x.external_ref, number = x.number, issue_date = x.issue_date, due_date = x.due_date,
           amount = x.amount, currency = x.currency, po_number = x.po_number, status = x.status::invoice_status, updated_at = now()
      from json_to_recordset(${asJson(values)}::json) as x(id uuid, ${COLUMNS})
     where i.id = x.id and i.org_id = ${orgId}::uuid`);
}
