/** Forms for the sidebar's actions: dispute, resolve, promise, hold, note, new contact. */
import { addDays } from '@shared/ar';
import type { TCustomerPanel, TDispute } from '@shared/schemas';
import type { ActionLinker, Card, CardWidget } from './card-types';
import { CONTACT_ROLES, DISPUTE_REASONS, formatDate, formatMoney } from './format';
import { button, buttons, datePicker, decorated, section, sections, selection, textInput } from './widgets';

const formCard = (name: string, title: string, customer: string, widgets: Array<CardWidget | null>): Card => ({
  name,
  header: { title, subtitle: customer },
  sections: sections(section(null, widgets)),
});

const invoiceItems = (panel: TCustomerPanel) =>
  panel.openInvoices.slice(0, 100).map((i) => ({ text: `${i.number} · ${formatMoney(i.balance, i.currency)} · due ${formatDate(i.dueDate)}`, value: i.id }));

/**
 * Open a dispute on selected invoices, with a reason and optionally an amount (default: their open
 * balance). An invoice already in an open dispute is not offered; its dispute is, to work on instead.
 */
export function disputeFormCard(panel: TCustomerPanel, link: ActionLinker): Card {
  const disputed = panel.disputes.filter((d) => d.status === 'open');
  const inDispute = new Set(disputed.flatMap((d) => d.invoices.map((i) => i.id)));
  const free = { ...panel, openInvoices: panel.openInvoices.filter((i) => !inDispute.has(i.id)) };
  const existing = disputed
    .filter((d) => d.invoices.some((i) => panel.openInvoices.some((o) => o.id === i.id)))
    .map((d) =>
      decorated(`${d.invoices.map((i) => i.number).join(', ')} · ${formatMoney(d.amount, d.currency)}`, {
        top: `Already in dispute · ${DISPUTE_REASONS[d.reason]} · opened ${formatDate(d.openedAt)}`,
        button: button('Open that dispute', link('showForm', { form: 'resolve', customerId: panel.customer.id, disputeId: d.id })),
      }),
    );
  return formCard('dispute-form', 'Open a dispute', panel.customer.name, [
    free.openInvoices.length ? selection('invoiceIds', 'Disputed invoices', 'CHECK_BOX', invoiceItems(free)) : decorated('Every open invoice is already in a dispute', { top: 'Disputed invoices' }),
    ...existing,
    selection('reason', 'Reason', 'DROPDOWN', Object.entries(DISPUTE_REASONS).map(([value, text], i) => ({ text, value, selected: i === 0 }))),
    textInput('amount', 'Disputed amount', { hint: 'e.g. 1250.00; leave empty for the open balance of the selected invoices' }),
    textInput('description', 'What is disputed', { multiline: true }),
    buttons(button('Open dispute', link('openDispute', { customerId: panel.customer.id }), { primary: true })),
  ]);
}

/** Resolve or reject one open dispute with a note. */
export function resolveFormCard(panel: TCustomerPanel, dispute: TDispute, link: ActionLinker): Card {
  return formCard('resolve-form', 'Resolve dispute', panel.customer.name, [
    decorated(`${dispute.invoices.map((i) => i.number).join(', ')} · ${formatMoney(dispute.amount, dispute.currency)}`, {
      top: `${DISPUTE_REASONS[dispute.reason]} · opened ${formatDate(dispute.openedAt)}`,
      bottom: dispute.description ?? undefined,
    }),
    selection('status', 'Outcome', 'RADIO_BUTTON', [
      { text: 'Resolved', value: 'resolved', selected: true },
      { text: 'Rejected', value: 'rejected' },
    ]),
    textInput('note', 'Resolution note', { hint: 'e.g. Credit note CN-12 issued', multiline: true }),
    buttons(button('Close dispute', link('resolveDispute', { customerId: panel.customer.id, disputeId: dispute.id }), { primary: true })),
  ]);
}

/** Record a promise to pay: amount, currency, date, optionally the invoices it covers. */
export function promiseFormCard(panel: TCustomerPanel, link: ActionLinker): Card {
  const currencies = [...new Set([panel.customer.currency, ...panel.status.totals.map((t) => t.currency)])];
  return formCard('promise-form', 'Record a promise to pay', panel.customer.name, [
    textInput('amount', 'Promised amount', { hint: 'e.g. 5000.00' }),
    selection('currency', 'Currency', 'DROPDOWN', currencies.map((c, i) => ({ text: c, value: c, selected: i === 0 }))),
    datePicker('promisedDate', 'Promised payment date', addDays(panel.status.asOf, 7)),
    panel.openInvoices.length ? selection('invoiceIds', 'Invoices it covers (optional)', 'CHECK_BOX', invoiceItems(panel)) : null,
    textInput('note', 'Note', { hint: 'e.g. CFO approved on the call', multiline: true }),
    buttons(button('Record promise', link('recordPromise', { customerId: panel.customer.id }), { primary: true })),
  ]);
}

/** "Don't chase until …" with a reason. */
export function holdFormCard(panel: TCustomerPanel, link: ActionLinker): Card {
  return formCard('hold-form', 'Set a hold', panel.customer.name, [
    datePicker('until', "Don't chase until", addDays(panel.status.asOf, 14)),
    textInput('reason', 'Reason', { hint: 'e.g. Renewal in negotiation', multiline: true }),
    buttons(button('Set hold', link('setHold', { customerId: panel.customer.id }), { primary: true })),
  ]);
}

/** A note on the customer's record. */
export function noteFormCard(panel: TCustomerPanel, link: ActionLinker): Card {
  return formCard('note-form', 'Add a note', panel.customer.name, [
    textInput('body', 'Note', { multiline: true }),
    buttons(button('Add note', link('addNote', { customerId: panel.customer.id }), { primary: true })),
  ]);
}

/** The sender as a new contact of the chosen customer, with a role. */
export function contactFormCard(customer: { id: string; name: string }, sender: { email: string; name: string | null }, link: ActionLinker): Card {
  return formCard('contact-form', 'Add contact', customer.name, [
    textInput('name', 'Name', { value: sender.name ?? undefined }),
    textInput('email', 'Email', { value: sender.email }),
    selection('role', 'Role', 'DROPDOWN', Object.entries(CONTACT_ROLES).map(([value, text]) => ({ text, value, selected: value === 'payer' }))),
    selection('primary', 'Primary payer', 'CHECK_BOX', [{ text: 'This is the primary payer', value: 'yes' }]),
    buttons(button('Add contact', link('addContact', { customerId: customer.id }), { primary: true })),
  ]);
}
