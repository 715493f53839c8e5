/** Per-currency totals: outstanding, overdue, aging, unallocated cash, DSO, credit used. */
import { emptyAging } from './aging';
import { isWithinLastDays } from './dates';
import type { ArInvoice, ArMoney, ArPayment, CurrencyTotals, IsoDate, OpenInvoiceStatus } from './types';

const DSO_WINDOW_DAYS = 90;

export interface TotalsInput {
  asOf: IsoDate;
  /** The customer's currency, listed first. */
  currency: string;
  creditLimit: ArMoney | null;
  openInvoices: ReadonlyArray<Pick<OpenInvoiceStatus, 'currency' | 'balance' | 'daysPastDue' | 'bucket'>>;
  invoices: readonly ArInvoice[];
  payments: readonly ArPayment[];
}

/**
 * One entry per currency with an open balance, unallocated cash or invoicing in the last
 * 90 days; the customer's currency first, then alphabetical. Currencies are never added together.
 */
export function computeTotals(input: TotalsInput): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  const totalsFor = (currency: string): CurrencyTotals => {
    let totals = byCurrency.get(currency);
    if (!totals) {
      const aging = emptyAging();
      totals = { currency, outstanding: 0, overdue: 0, aging, unallocatedCash: 0, dso90: null, creditUsed: null };
      byCurrency.set(currency, totals);
    }
    return totals;
  };

  for (const open of input.openInvoices) {
    const totals = totalsFor(open.currency);
    totals.outstanding += open.balance;
    if (open.daysPastDue > 0) totals.overdue += open.balance;
    totals.aging[open.bucket] += open.balance;
  }
  for (const payment of input.payments) {
    if (payment.receivedDate > input.asOf || payment.unallocated <= 0) continue;
    totalsFor(payment.currency).unallocatedCash += payment.unallocated;
  }
  const invoiced = invoicedInWindow(input.invoices, input.asOf);
  for (const currency of invoiced.keys()) totalsFor(currency);

  for (const totals of byCurrency.values()) {
    const recent = invoiced.get(totals.currency) ?? 0;
    totals.dso90 = recent > 0 ? (totals.outstanding / recent) * DSO_WINDOW_DAYS : null;
    totals.creditUsed = creditUsed(totals, input.creditLimit);
  }
  return [...byCurrency.values()].sort(customerCurrencyFirst(input.currency));
}

/** Comparator: the customer's currency first, then the others alphabetically. */
export function customerCurrencyFirst(customerCurrency: string) {
  return (a: { currency: string }, b: { currency: string }): number => {
    if (a.currency === b.currency) return 0;
    if (a.currency === customerCurrency) return -1;
    if (b.currency === customerCurrency) return 1;
    return a.currency < b.currency ? -1 : 1;
  };
}

/** Amount invoiced per currency in the 90 days ending on asOf (void invoices excluded). */
function invoicedInWindow(invoices: readonly ArInvoice[], asOf: IsoDate): Map<string, number> {
  const sums = new Map<string, number>();
  for (const invoice of invoices) {
    if (invoice.void || !isWithinLastDays(invoice.issueDate, asOf, DSO_WINDOW_DAYS)) continue;
    sums.set(invoice.currency, (sums.get(invoice.currency) ?? 0) + invoice.amount);
  }
  return sums;
}

function creditUsed(totals: CurrencyTotals, limit: ArMoney | null): number | null {
  if (!limit || limit.currency !== totals.currency || limit.amount <= 0) return null;
  return totals.outstanding / limit.amount;
}
