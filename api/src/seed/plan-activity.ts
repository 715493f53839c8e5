/** Disputes, promises to pay and holds that tell each designed customer's story. */
import { addDays } from '@shared/ar';
import { DEMO_CAST, demoCustomer } from './demo-directory';
import type { PlannedDispute, PlannedHold, PlannedLedger, PlannedPromise } from './demo-plan.types';
import { toBusinessDay } from './payment-habits';
import { balanceOf, invoicesOf, openInvoicesOf, paymentsOf, required, shortDate, timestampOn } from './plan-helpers';

/** The invoice Initech disputes: its latest overdue open invoice (else its latest open one). */
export function initechDisputedInvoice(ledger: PlannedLedger, asOf: string) {
  const open = openInvoicesOf(ledger, DEMO_CAST.slipping);
  return required(open.filter((invoice) => invoice.dueDate < asOf).at(-1) ?? open.at(-1), 'open Initech invoice');
}

/** Two open disputes, one resolved with a credit note, one rejected after proof of delivery. */
export function planDisputes(ledger: PlannedLedger, asOf: string): PlannedDispute[] {
  const initech = initechDisputedInvoice(ledger, asOf);
  const meridian = openInvoicesOf(ledger, DEMO_CAST.partialPayments).slice(-2);
  const vektorCredit = required(ledger.creditNotes.find((c) => c.customerRef === demoCustomer(DEMO_CAST.creditNote).ref), 'credit note');
  const vektor = required(invoicesOf(ledger, DEMO_CAST.creditNote).find((i) => i.key === vektorCredit.invoiceKey), 'credited invoice');
  const globexPaid = invoicesOf(ledger, DEMO_CAST.paysLatePredictably).filter((i) => i.paidDate !== null);
  const globex = required(globexPaid.find((i) => i.dueDate >= addDays(asOf, -170)) ?? globexPaid[0], 'paid Globex invoice');
  const notAfterAsOf = (date: string) => (date > asOf ? asOf : date);

  return [
    {
      customerRef: initech.customerRef, invoiceKeys: [initech.key], reason: 'quantity',
      description: `Goods receipt shows 40 units delivered against 48 invoiced on ${initech.number}; Initech is holding the whole invoice until it is corrected.`,
      amount: Math.round(initech.amount * 0.15), currency: initech.currency, status: 'open', owner: 'priya', openedBy: 'priya',
      openedAt: timestampOn(notAfterAsOf(addDays(initech.issueDate, 9)), '10:42'), resolutionNote: null, resolvedBy: null, resolvedAt: null,
    },
    {
      customerRef: demoCustomer(DEMO_CAST.partialPayments).ref, invoiceKeys: meridian.map((i) => i.key), reason: 'pricing',
      description: `Billed at list price instead of the 2026 rate card (5% lower) on ${meridian.map((i) => i.number).join(' and ')}.`,
      amount: Math.round(meridian.reduce((sum, i) => sum + i.amount, 0) * 0.05), currency: 'USD', status: 'open',
      owner: 'priya', openedBy: 'priya', openedAt: timestampOn(notAfterAsOf(addDays(meridian[0]?.issueDate ?? asOf, 6)), '15:05'),
      resolutionNote: null, resolvedBy: null, resolvedAt: null,
    },
    {
      customerRef: vektor.customerRef, invoiceKeys: [vektor.key], reason: 'pricing',
      description: `Katrin Vogel: the 8% volume discount agreed for 2026 is missing from ${vektor.number}.`,
      amount: vektorCredit.amount, currency: vektor.currency, status: 'resolved', owner: 'priya', openedBy: 'priya',
      openedAt: timestampOn(addDays(vektor.issueDate, 12), '09:30'),
      resolutionNote: `Confirmed with sales: discount was missing. Credit note ${vektorCredit.number} issued; Vektor pays the balance.`,
      resolvedBy: 'priya', resolvedAt: timestampOn(vektorCredit.issueDate, '16:10'),
    },
    {
      customerRef: globex.customerRef, invoiceKeys: [globex.key], reason: 'not_received',
      description: `Rachel Kim says the pallets on ${globex.number} never reached the Newark warehouse.`,
      amount: globex.amount, currency: globex.currency, status: 'rejected', owner: 'priya', openedBy: 'priya',
      openedAt: timestampOn(addDays(globex.dueDate, 3), '14:20'),
      resolutionNote: 'Proof of delivery signed at Globex Newark dock; sent to Rachel, who withdrew the claim and paid.',
      resolvedBy: 'priya', resolvedAt: timestampOn(addDays(globex.dueDate, 9), '11:00'),
    },
  ];
}

/** Open promises (Oakridge, Tidewater), a kept one (Globex) and a broken one (Tidewater). */
export function planPromises(ledger: PlannedLedger, asOf: string): PlannedPromise[] {
  const globexPayments = paymentsOf(ledger, DEMO_CAST.paysLatePredictably);
  const target = addDays(asOf, -60);
  const kept = required(
    [...globexPayments].sort((a, b) => Math.abs(Date.parse(a.receivedDate) - Date.parse(target)) - Math.abs(Date.parse(b.receivedDate) - Date.parse(target)))[0],
    'Globex payment',
  );
  const tidewaterOpen = openInvoicesOf(ledger, DEMO_CAST.brokenPromise);
  const brokenMadeOn = addDays(asOf, -45);
  const brokenBy = toBusinessDay(addDays(asOf, -31));
  const brokenInvoices = tidewaterOpen.filter((i) => i.issueDate <= brokenMadeOn);
  required(brokenInvoices[0], 'Tidewater invoice issued before the broken promise');
  const tidewaterTotal = tidewaterOpen.reduce((sum, i) => sum + balanceOf(i), 0);
  const oakridge = required(openInvoicesOf(ledger, DEMO_CAST.atRisk)[0], 'open Oakridge invoice');
  const tidewaterRef = demoCustomer(DEMO_CAST.brokenPromise).ref;

  return [
    {
      customerRef: kept.customerRef, amount: kept.amount, currency: kept.currency, madeOn: addDays(kept.receivedDate, -7),
      promisedDate: addDays(kept.receivedDate, 1), status: 'kept', note: 'Rachel: in next week’s run once Sandra approves.',
      invoiceKeys: kept.allocations.map((a) => a.invoiceKey), createdBy: 'priya',
      createdAt: timestampOn(addDays(kept.receivedDate, -7), '16:45'), statusChangedAt: timestampOn(kept.receivedDate, '07:00'),
    },
    {
      customerRef: tidewaterRef, amount: brokenInvoices.reduce((sum, i) => sum + balanceOf(i), 0), currency: 'USD',
      madeOn: brokenMadeOn, promisedDate: brokenBy, status: 'broken',
      note: `Derek: wire by ${shortDate(brokenBy)} once the charter receivable lands.`, invoiceKeys: brokenInvoices.map((i) => i.key),
      createdBy: 'priya', createdAt: timestampOn(brokenMadeOn, '17:20'), statusChangedAt: timestampOn(addDays(brokenBy, 1), '07:00'),
    },
    {
      customerRef: tidewaterRef, amount: Math.round(tidewaterTotal / 2), currency: 'USD', madeOn: addDays(asOf, -2),
      promisedDate: addDays(asOf, 5), status: 'open', note: 'Half of the overdue balance now, the rest by month end. Second promise — escalate if missed.',
      invoiceKeys: tidewaterOpen.map((i) => i.key), createdBy: 'priya', createdAt: timestampOn(addDays(asOf, -2), '15:35'), statusChangedAt: null,
    },
    {
      customerRef: oakridge.customerRef, amount: balanceOf(oakridge), currency: oakridge.currency, madeOn: addDays(asOf, -3),
      promisedDate: addDays(asOf, 7), status: 'open', note: `Steve Barlow on the phone: ${oakridge.number} cleared next week when the Riverside stage payment arrives.`,
      invoiceKeys: [oakridge.key], createdBy: 'marcus', createdAt: timestampOn(addDays(asOf, -3), '11:05'), statusChangedAt: null,
    },
  ];
}

/** One active hold (set by sales), one that expired, one cleared early. */
export function planHolds(asOf: string): PlannedHold[] {
  const until = addDays(asOf, 21);
  return [
    {
      customerRef: demoCustomer(DEMO_CAST.activeHold).ref, until, setBy: 'tom', createdAt: timestampOn(addDays(asOf, -4), '11:20'),
      reason: `Renewal in negotiation — don't chase until ${shortDate(until)}. Julia Brandt is reviewing the 3-year terms.`,
      clearedBy: null, clearedAt: null,
    },
    {
      customerRef: demoCustomer('Marlow Brewing Co.').ref, until: addDays(asOf, -40), setBy: 'elena',
      createdAt: timestampOn(addDays(asOf, -62), '09:50'), reason: 'Owner off sick; agreed to pause reminders for a few weeks.',
      clearedBy: null, clearedAt: null,
    },
    {
      customerRef: demoCustomer('Castellan Retail SAS').ref, until: addDays(asOf, 10), setBy: 'tom',
      createdAt: timestampOn(addDays(asOf, -20), '14:00'), reason: 'Store refit project under discussion — please pause chasing.',
      clearedBy: 'priya', clearedAt: timestampOn(addDays(asOf, -12), '10:15'),
    },
  ];
}
