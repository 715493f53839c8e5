import { addDays, type ArInput } from '@shared/ar';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { creditNotes, invoices, paymentAllocations, payments, promises } from '../../db/schema';

export interface LoadedLedger {
  input: ArInput;
  /** Invoice extras the AR math does not need but the panel shows. */
  poNumbers: Map<string, string | null>;
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
  const [invoiceRows, allocationRows, creditRows, paymentRows, promiseRows] = await Promise.all([
    db
      .select({
        id: invoices.id,
        number: invoices.number,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        amount: invoices.amount,
        currency: invoices.currency,
        status: invoices.status,
        poNumber: invoices.poNumber,
        disputed: sql<boolean>`exists (select 1 from dispute_invoices di where di.invoice_id = ${invoices.id})`,
      })
      .from(invoices)
      .where(and(eq(invoices.orgId, orgId), eq(invoices.customerId, customer.id))),
    db
      .select({ invoiceId: paymentAllocations.invoiceId, amount: paymentAllocations.amount, date: payments.receivedDate })
      .from(paymentAllocations)
      .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
      .where(and(eq(payments.orgId, orgId), eq(payments.customerId, customer.id))),
    db
      .select({ invoiceId: creditNotes.invoiceId, amount: creditNotes.amount, date: creditNotes.issueDate })
      .from(creditNotes)
      .where(and(eq(creditNotes.orgId, orgId), eq(creditNotes.customerId, customer.id))),
    db
      .select({
        id: payments.id,
        amount: payments.amount,
        currency: payments.currency,
        receivedDate: payments.receivedDate,
        allocated: sql<number>`coalesce((select sum(pa.amount) from payment_allocations pa where pa.payment_id = ${payments.id}), 0)`.mapWith(Number),
      })
      .from(payments)
      .where(and(eq(payments.orgId, orgId), eq(payments.customerId, customer.id))),
    db
      .select()
      .from(promises)
      .where(
        and(
          eq(promises.orgId, orgId),
          eq(promises.customerId, customer.id),
          or(eq(promises.status, 'open'), gte(promises.promisedDate, addDays(asOf, -120))),
        ),
      ),
  ]);

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
      amount: r.amount,
      currency: r.currency,
      void: r.status === 'void',
      disputed: Boolean(r.disputed),
    })),
    settlements: [
      ...allocationRows.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount, date: a.date, kind: 'payment' as const })),
      ...creditRows
        .filter((c): c is typeof c & { invoiceId: string } => c.invoiceId !== null)
        .map((c) => ({ invoiceId: c.invoiceId, amount: c.amount, date: c.date, kind: 'credit' as const })),
    ],
    payments: paymentRows.map((p) => ({
      id: p.id,
      amount: p.amount,
      currency: p.currency,
      receivedDate: p.receivedDate,
      unallocated: Math.max(0, p.amount - p.allocated),
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
