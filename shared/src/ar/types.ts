/**
 * Inputs and outputs of the pure AR computations. Everything here is plain data:
 * money is integer minor units with an ISO 4217 code, business dates are ISO
 * `YYYY-MM-DD` strings. The API loads these from the database; the backtest loads
 * them from a CSV; tests write them by hand.
 */

/** A business date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface ArInvoice {
  id: string;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Minor units, > 0. */
  amount: number;
  currency: string;
  /** Void invoices are never open and never count as paid. */
  void: boolean;
  /** Has (or had) a dispute: disputed invoices are predicted from disputed history. */
  disputed: boolean;
}

/** Money applied to one invoice: a payment allocation or a credit note. */
export interface ArSettlement {
  invoiceId: string;
  /** Minor units, > 0, in the invoice's currency. */
  amount: number;
  /** The payment's received date, or the credit note's issue date. */
  date: IsoDate;
  kind: 'payment' | 'credit';
}

export interface ArPayment {
  id: string;
  amount: number;
  currency: string;
  receivedDate: IsoDate;
  /** The part of the payment not allocated to any invoice (unapplied cash). */
  unallocated: number;
}

export interface ArPromise {
  id: string;
  amount: number;
  currency: string;
  /** The day the promise was recorded (payments from this day on count towards it). */
  createdDate: IsoDate;
  promisedDate: IsoDate;
  status: 'open' | 'kept' | 'broken';
}

export interface ArMoney {
  amount: number;
  currency: string;
}

export interface ArInput {
  asOf: IsoDate;
  invoices: ArInvoice[];
  settlements: ArSettlement[];
  payments: ArPayment[];
  promises: ArPromise[];
  /** The customer's own currency: the headline currency of behaviour metrics. */
  currency: string;
  creditLimit: ArMoney | null;
  /** Org-wide typical delay in days after the due date, the fallback for thin history. */
  orgTypicalDelayDays: number;
  /** Org-wide extra days disputed invoices take (see orgPaymentNorms); 0 when absent. */
  orgDisputeDelayDays?: number;
  /** Org-wide trend in days late per day (see orgPaymentNorms); 0 when absent. */
  orgTrendPerDay?: number;
}

export interface AgingBuckets {
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d91_plus: number;
}

/** Totals for one currency: amounts of different currencies are never added together. */
export interface CurrencyTotals {
  currency: string;
  outstanding: number;
  overdue: number;
  aging: AgingBuckets;
  /** Payments received but not allocated to any invoice. */
  unallocatedCash: number;
  /** Days sales outstanding over 90 days; null when nothing was invoiced in the last 90 days. */
  dso90: number | null;
  /** outstanding ÷ credit limit, only when the credit limit is in this currency. */
  creditUsed: number | null;
}

export interface OpenInvoiceStatus {
  invoiceId: string;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: number;
  currency: string;
  balance: number;
  /** as-of − due date when positive, else 0. */
  daysPastDue: number;
  bucket: keyof AgingBuckets;
  predictedPayDate: IsoDate;
  /** One sentence: how the prediction was made. */
  predictionBasis: string;
}

export interface PaidInvoiceStatus {
  invoiceId: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: number;
  currency: string;
  paidDate: IsoDate;
  daysToPay: number;
  /** Signed: negative is early. */
  daysLate: number;
  disputed: boolean;
}

export type PayDayPattern =
  | { kind: 'day-of-month'; day: number; share: number; text: string }
  | { kind: 'weekday'; weekday: number; share: number; text: string };

export type BehaviourLabel = 'new' | 'reliable' | 'pays-late-predictably' | 'slipping' | 'at-risk';

export interface Behaviour {
  label: BehaviourLabel;
  /** Always present: why this label, in one sentence a collector understands. */
  reason: string;
}

export interface LastPayment {
  date: IsoDate;
  /** One total per currency received that day: customer currency first, then by code. */
  amounts: Array<{ amount: number; currency: string }>;
}

export interface ArStatus {
  asOf: IsoDate;
  /** One entry per currency with any open balance, unallocated cash or recent invoicing; customer currency first. */
  totals: CurrencyTotals[];
  openInvoices: OpenInvoiceStatus[];
  /** The latest payment day on or before asOf and the total received that day, per currency (customer currency first). */
  lastPayment: LastPayment | null;
  /** Amount-weighted mean days late over invoices paid in the last 365 days (headline currency); null without any. */
  averageDaysLate: number | null;
  /** Share (0..1) of invoices paid in the last 365 days with days late ≤ 0; null without any. */
  onTimeRate: number | null;
  paidInLast365: number;
  payDayPattern: PayDayPattern | null;
  behaviour: Behaviour;
  /** Promise statuses re-evaluated against payments as of `asOf`. */
  promises: Array<{ id: string; status: ArPromise['status']; coveredAmount: number }>;
}
