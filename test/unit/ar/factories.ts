/** Small builders for hand-written AR inputs: every default is visible here. */
import { addDays, type ArInput, type ArInvoice, type ArPayment, type ArPromise, type ArSettlement, type PaidInvoiceStatus } from '@shared/ar';

/** An invoice, USD, not void, not disputed unless told otherwise. */
export function invoice(id: string, issueDate: string, dueDate: string, amount: number, extra: Partial<ArInvoice> = {}): ArInvoice {
  return { id, number: `INV-${id}`, issueDate, dueDate, amount, currency: 'USD', void: false, disputed: false, ...extra };
}

/** A payment allocation to an invoice. */
export function paidOn(invoiceId: string, date: string, amount: number): ArSettlement {
  return { invoiceId, date, amount, kind: 'payment' };
}

/** A credit note applied to an invoice. */
export function creditOn(invoiceId: string, date: string, amount: number): ArSettlement {
  return { invoiceId, date, amount, kind: 'credit' };
}

/** A received payment, USD, fully allocated unless told otherwise. */
export function payment(id: string, receivedDate: string, amount: number, extra: Partial<ArPayment> = {}): ArPayment {
  return { id, receivedDate, amount, currency: 'USD', unallocated: 0, ...extra };
}

/** A promise to pay, USD, recorded as open. */
export function promise(id: string, createdDate: string, promisedDate: string, amount: number, extra: Partial<ArPromise> = {}): ArPromise {
  return { id, createdDate, promisedDate, amount, currency: 'USD', status: 'open', ...extra };
}

/** A paid invoice for the history-based functions: due date = paid date − days late, issued 30 days before due. */
export function paidInvoice(
  paidDate: string,
  daysLate: number,
  extra: Partial<Pick<PaidInvoiceStatus, 'amount' | 'currency' | 'disputed' | 'invoiceId'>> = {},
): PaidInvoiceStatus {
  const dueDate = addDays(paidDate, -daysLate);
  return {
    invoiceId: extra.invoiceId ?? `paid-${paidDate}-${daysLate}`,
    issueDate: addDays(dueDate, -30),
    dueDate,
    amount: extra.amount ?? 100_000,
    currency: extra.currency ?? 'USD',
    paidDate,
    daysToPay: daysLate + 30,
    daysLate,
    disputed: extra.disputed ?? false,
  };
}

/** An ArInput for a USD customer with nothing on the ledger. */
export function arInput(asOf: string, extra: Partial<ArInput> = {}): ArInput {
  return {
    asOf,
    invoices: [],
    settlements: [],
    payments: [],
    promises: [],
    currency: 'USD',
    creditLimit: null,
    orgTypicalDelayDays: 0,
    ...extra,
  };
}
