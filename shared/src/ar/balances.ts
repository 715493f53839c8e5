/** Invoice balances and paid dates, as of a date. */
import { daysBetween } from './dates';
import type { ArInvoice, ArSettlement, IsoDate, PaidInvoiceStatus } from './types';

export interface InvoiceBalance {
  invoice: ArInvoice;
  /** amount − settlements up to asOf; negative when over-settled. */
  balance: number;
  /** The date the balance reached zero, or null while it is still owed. */
  paidDate: IsoDate | null;
}

/**
 * Balance and paid date of every non-void invoice issued on or before `asOf`, applying
 * its settlements dated on or before `asOf` in date order.
 */
export function computeInvoiceBalances(
  invoices: readonly ArInvoice[],
  settlements: readonly ArSettlement[],
  asOf: IsoDate,
): InvoiceBalance[] {
  const byInvoice = groupSettlements(settlements, asOf);
  return invoices
    .filter((invoice) => !invoice.void && invoice.issueDate <= asOf)
    .map((invoice) => applySettlements(invoice, byInvoice.get(invoice.id) ?? []));
}

/** Invoices fully settled on or before `asOf`, with days to pay and days late, earliest paid first. */
export function paidInvoices(
  invoices: readonly ArInvoice[],
  settlements: readonly ArSettlement[],
  asOf: IsoDate,
): PaidInvoiceStatus[] {
  return computeInvoiceBalances(invoices, settlements, asOf)
    .flatMap(({ invoice, paidDate }) => (paidDate === null ? [] : [toPaidStatus(invoice, paidDate)]))
    .sort((a, b) => (a.paidDate < b.paidDate ? -1 : a.paidDate > b.paidDate ? 1 : 0));
}

/** Days to pay and signed days late of an invoice paid on `paidDate`. */
export function toPaidStatus(invoice: ArInvoice, paidDate: IsoDate): PaidInvoiceStatus {
  return {
    invoiceId: invoice.id,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: invoice.amount,
    currency: invoice.currency,
    paidDate,
    daysToPay: daysBetween(invoice.issueDate, paidDate),
    daysLate: daysBetween(invoice.dueDate, paidDate),
    disputed: invoice.disputed,
  };
}

function groupSettlements(settlements: readonly ArSettlement[], asOf: IsoDate): Map<string, ArSettlement[]> {
  const byInvoice = new Map<string, ArSettlement[]>();
  for (const settlement of settlements) {
    if (settlement.date > asOf) continue;
    const list = byInvoice.get(settlement.invoiceId) ?? [];
    list.push(settlement);
    byInvoice.set(settlement.invoiceId, list);
  }
  return byInvoice;
}

function applySettlements(invoice: ArInvoice, settlements: ArSettlement[]): InvoiceBalance {
  // Array.prototype.sort is stable, so same-day settlements keep their input order.
  const inDateOrder = [...settlements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let balance = invoice.amount;
  let paidDate: IsoDate | null = balance <= 0 ? invoice.issueDate : null;
  for (const settlement of inDateOrder) {
    balance -= settlement.amount;
    if (paidDate === null && balance <= 0) paidDate = settlement.date;
  }
  return { invoice, balance, paidDate };
}
