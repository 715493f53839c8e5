/** A year of invoices, payments and credit notes for every demo customer, as plain values. */
import { addDays, daysBetween } from '@shared/ar';
import { DEMO_CUSTOMERS, type DemoCustomerSpec } from './demo-directory';
import type { PlannedCreditNote, PlannedInvoice, PlannedLedger, PlannedPayment } from './demo-plan.types';
import { planInstalments, toBusinessDay } from './payment-habits';
import { createRng, type Rng } from './prng';

const METHODS: Record<string, readonly string[]> = {
  GBP: ['BACS', 'BACS', 'Faster Payments'],
  USD: ['ACH', 'ACH', 'Wire'],
  EUR: ['SEPA', 'SEPA', 'SEPA Instant'],
};
/** Export orders of the two-currency customer are billed in dollars at roughly this rate. */
const USD_PER_GBP = 1.27;
const CREDIT_NOTE_SHARE = 0.08;
const VOID_SURCHARGE = 1.12;

/**
 * Issue dates from `historyDays` ago to asOf, invoiced as orders ship: roughly monthly (every
 * 24–36 days) or fortnightly (11–17 days), so due dates drift through the month.
 */
function issueDates(spec: DemoCustomerSpec, asOf: string, rng: Rng): string[] {
  const [minGap, maxGap] = spec.invoicesPerMonth === 2 ? [11, 17] : [24, 36];
  const dates: string[] = [];
  for (let date = addDays(asOf, rng.int(0, 5) - (spec.historyDays ?? 365)); date <= asOf; date = addDays(date, rng.int(minGap, maxGap))) {
    dates.push(date);
  }
  return dates;
}

/** Index of the item whose date is closest to `target` (the earlier one on a tie). */
function closestTo<T>(items: readonly T[], date: (item: T) => string, target: string): number {
  let best = 0;
  items.forEach((item, i) => {
    const current = items[best];
    if (current && Math.abs(daysBetween(date(item), target)) < Math.abs(daysBetween(date(current), target))) best = i;
  });
  return best;
}

/** One customer's invoices, payments (with allocations) and credit notes; numbers are filled in later. */
function planCustomerLedger(spec: DemoCustomerSpec, asOf: string): PlannedLedger {
  const rng = createRng(`${asOf}|ledger|${spec.ref}`);
  const extras = new Set(spec.extras ?? []);
  const perInvoice = spec.monthly / (spec.invoicesPerMonth ?? 1);
  const invoices: PlannedInvoice[] = issueDates(spec, asOf, rng).map((issueDate, i) => {
    const export_ = extras.has('second-currency') && i % 3 === 2;
    const amount = Math.round(perInvoice * (0.7 + 0.6 * rng.next()) * 100 * (export_ ? USD_PER_GBP : 1));
    const hasPo = spec.tier !== 'standard' || rng.chance(0.3);
    return {
      key: `${spec.ref}:i${i}`,
      customerRef: spec.ref,
      number: '',
      externalRef: '',
      issueDate,
      dueDate: addDays(issueDate, spec.termsDays),
      amount,
      currency: export_ ? 'USD' : spec.currency,
      poNumber: hasPo ? `PO-${rng.int(10000, 99999)}` : null,
      void: false,
      paidDate: null,
      settled: 0,
    };
  });

  const creditNotes: PlannedCreditNote[] = [];
  const credited = new Map<string, number>();
  if (extras.has('credit-note')) {
    const target = invoices[closestTo(invoices, (inv) => inv.dueDate, addDays(asOf, -120))];
    if (target) {
      const amount = Math.round(target.amount * CREDIT_NOTE_SHARE);
      credited.set(target.key, amount);
      creditNotes.push({
        customerRef: spec.ref, invoiceKey: target.key, number: '', issueDate: toBusinessDay(addDays(target.dueDate, -10)),
        amount, currency: target.currency, reason: 'Volume discount (8%) missing from the agreed price list',
      });
    }
  }

  const payments: PlannedPayment[] = [];
  const byDate = new Map<string, PlannedPayment>();
  for (const invoice of invoices) {
    const due = invoice.amount - (credited.get(invoice.key) ?? 0);
    for (const { date, amount } of planInstalments(spec.habit, invoice.dueDate, due, asOf, rng)) {
      // A payment run pays everything due in one transfer.
      const batch = spec.habit.kind === 'payment-run' ? byDate.get(`${date}|${invoice.currency}`) : undefined;
      if (batch) {
        batch.amount += amount;
        batch.allocations.push({ invoiceKey: invoice.key, amount });
        continue;
      }
      const payment = newPayment(spec, payments.length, date, amount, invoice.currency, rng);
      payment.allocations.push({ invoiceKey: invoice.key, amount });
      byDate.set(`${date}|${invoice.currency}`, payment);
      payments.push(payment);
    }
  }

  if (extras.has('partial-payment')) {
    // Something on account of the oldest unpaid invoice, long after payments stopped.
    const paidKeys = new Set(payments.flatMap((p) => p.allocations.map((a) => a.invoiceKey)));
    const oldest = invoices.find((invoice) => !paidKeys.has(invoice.key) && invoice.dueDate < addDays(asOf, -100));
    if (oldest) {
      const amount = Math.round(oldest.amount * 0.4);
      const payment = newPayment(spec, payments.length, toBusinessDay(addDays(asOf, -100)), amount, oldest.currency, rng);
      payment.allocations.push({ invoiceKey: oldest.key, amount });
      payments.push(payment);
    }
  }
  if (extras.has('cash-on-account')) {
    payments.push(newPayment(spec, payments.length, toBusinessDay(addDays(asOf, -6)), 125_000, spec.currency, rng));
  }
  if (extras.has('void-invoice')) {
    // Issued with the wrong unit price, voided and reissued three days later.
    const reissued = invoices[closestTo(invoices, (inv) => inv.issueDate, addDays(asOf, -200))];
    if (reissued) {
      const issueDate = addDays(reissued.issueDate, -3);
      invoices.push({
        ...reissued, key: `${spec.ref}:void`, issueDate, dueDate: addDays(issueDate, spec.termsDays),
        amount: Math.round(reissued.amount * VOID_SURCHARGE), void: true,
      });
    }
  }
  return { invoices, payments, creditNotes };
}

function newPayment(spec: DemoCustomerSpec, n: number, date: string, amount: number, currency: string, rng: Rng): PlannedPayment {
  return {
    key: `${spec.ref}:p${n}`, customerRef: spec.ref, amount, currency, receivedDate: date,
    method: rng.pick(METHODS[currency] ?? ['Wire']), reference: '', externalRef: '', allocations: [],
  };
}

const byDateThenKey = <T extends { key?: string; customerRef: string }>(date: (item: T) => string) => (a: T, b: T) =>
  date(a).localeCompare(date(b)) || a.customerRef.localeCompare(b.customerRef) || (a.key ?? '').localeCompare(b.key ?? '');

/** `PREFIX-YYYY-000123`, counting per year in date order; the first (partial) year starts mid-sequence. */
function numberInOrder<T>(items: T[], date: (item: T) => string, prefix: string, width: number, assign: (item: T, number: string) => void) {
  const counters = new Map<string, number>();
  for (const item of items) {
    const year = date(item).slice(0, 4);
    const next = counters.get(year) ?? 1 + 2 * daysBetween(`${year}-01-01`, date(item));
    counters.set(year, next + 1);
    assign(item, `${prefix}-${year}-${String(next).padStart(width, '0')}`);
  }
}

/** The whole org's ledger for an as-of date: numbered, referenced and with each invoice's settled amount. */
export function planLedger(asOf: string, customers: readonly DemoCustomerSpec[] = DEMO_CUSTOMERS): PlannedLedger {
  const parts = customers.map((spec) => planCustomerLedger(spec, asOf));
  const invoices = parts.flatMap((p) => p.invoices).sort(byDateThenKey((i) => i.issueDate));
  const payments = parts.flatMap((p) => p.payments).sort(byDateThenKey((p) => p.receivedDate));
  const creditNotes = parts.flatMap((p) => p.creditNotes).sort(byDateThenKey((c) => c.issueDate));

  numberInOrder(invoices, (i) => i.issueDate, 'INV', 5, (invoice, number) => (invoice.number = number));
  invoices.forEach((invoice, i) => (invoice.externalRef = `SI-${240_001 + i}`));
  numberInOrder(creditNotes, (c) => c.issueDate, 'CN', 4, (note, number) => (note.number = number));
  numberInOrder(payments, (p) => p.receivedDate, 'RCPT', 5, (payment, number) => (payment.externalRef = number));

  const byKey = new Map(invoices.map((invoice) => [invoice.key, invoice]));
  const names = new Map(customers.map((spec) => [spec.ref, spec.name.toUpperCase().replace(/[^A-Z ]/g, '').slice(0, 14).trim()]));
  const settlements = [
    ...payments.flatMap((p) => p.allocations.map((a) => ({ invoiceKey: a.invoiceKey, amount: a.amount, date: p.receivedDate }))),
    ...creditNotes.map((c) => ({ invoiceKey: c.invoiceKey ?? '', amount: c.amount, date: c.issueDate })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  for (const { invoiceKey, amount, date } of settlements) {
    const invoice = byKey.get(invoiceKey);
    if (!invoice) continue;
    invoice.settled += amount;
    if (invoice.paidDate === null && invoice.settled >= invoice.amount) invoice.paidDate = date;
  }
  for (const payment of payments) {
    const numbers = payment.allocations.map((a) => byKey.get(a.invoiceKey)?.number ?? '');
    const what = numbers.length === 0 ? 'ON ACCOUNT' : numbers.length === 1 ? numbers[0] : `PAYRUN ${payment.receivedDate.replace(/-/g, '')}`;
    payment.reference = `${names.get(payment.customerRef) ?? ''} ${what}`;
  }
  return { invoices, payments, creditNotes };
}
