/** Small lookups and formatters the demo stories share. */
import { demoCustomer } from './demo-directory';
import type { PlannedInvoice, PlannedLedger, PlannedPayment } from './demo-plan.types';

/** A timestamp on a business date, `2026-11-20T09:14:00.000Z`. */
export function timestampOn(date: string, time: string): string {
  return `${date}T${time}:00.000Z`;
}

/** A customer's invoices (void ones included) in issue order. */
export function invoicesOf(ledger: PlannedLedger, customerName: string): PlannedInvoice[] {
  const ref = demoCustomer(customerName).ref;
  return ledger.invoices.filter((invoice) => invoice.customerRef === ref);
}

/** A customer's unpaid, non-void invoices in issue order. */
export function openInvoicesOf(ledger: PlannedLedger, customerName: string): PlannedInvoice[] {
  return invoicesOf(ledger, customerName).filter((invoice) => !invoice.void && invoice.settled < invoice.amount);
}

/** A customer's payments in date order. */
export function paymentsOf(ledger: PlannedLedger, customerName: string): PlannedPayment[] {
  const ref = demoCustomer(customerName).ref;
  return ledger.payments.filter((payment) => payment.customerRef === ref);
}

/** The first element, or an error naming what the demo story expected to find. */
export function required<T>(item: T | undefined, what: string): T {
  if (item === undefined) throw new Error(`Demo plan: no ${what}`);
  return item;
}

/** "14 December 2026". */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "14 Dec". */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The balance still owed on an invoice, in minor units. */
export function balanceOf(invoice: PlannedInvoice): number {
  return invoice.amount - invoice.settled;
}
