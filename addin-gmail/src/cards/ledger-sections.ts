/** Open invoices (oldest due first, with predicted pay dates), open disputes and open promises. */
import type { TCustomerPanel } from '@shared/schemas';
import type { ActionLinker, CardSection } from './card-types';
import { DISPUTE_REASONS, formatDate, formatDue, formatMoney } from './format';
import { button, decorated, section } from './widgets';

/** Gmail cards hold 100 widgets; the pane shows the oldest invoices and says how many more. */
const MAX_INVOICES = 15;

/** One row per open invoice: number and balance, due state, predicted pay date and its basis. */
export function invoicesSection(panel: TCustomerPanel): CardSection | null {
  const { openInvoices, status } = panel;
  const shown = openInvoices.slice(0, MAX_INVOICES).map((i) =>
    decorated(`${i.number} · ${formatMoney(i.balance, i.currency)}`, {
      top: `Due ${formatDate(i.dueDate)} · ${formatDue(i.daysPastDue, i.dueDate, status.asOf)}${i.disputed ? ' · disputed' : ''}`,
      bottom: `Predicted payment ${formatDate(i.predictedPayDate)} (${i.predictionBasis})`,
    }),
  );
  const more = openInvoices.length > MAX_INVOICES ? decorated(`and ${openInvoices.length - MAX_INVOICES} more open invoices`) : null;
  return section(`Open invoices (${openInvoices.length})`, [...shown, more], { collapseAfter: 3 });
}

/** Open disputes with a Resolve button for collectors. */
export function disputesSection(panel: TCustomerPanel, link: ActionLinker, canChange: boolean): CardSection | null {
  return section(
    `Open disputes (${panel.disputes.length})`,
    panel.disputes.slice(0, 10).map((d) =>
      decorated(`${d.invoices.map((i) => i.number).join(', ')} · ${formatMoney(d.amount, d.currency)}`, {
        top: `${DISPUTE_REASONS[d.reason]} · opened ${formatDate(d.openedAt)}${d.owner ? ` · owner ${d.owner.name}` : ''}`,
        bottom: d.description ?? undefined,
        button: canChange ? button('Resolve', link('showForm', { form: 'resolve', customerId: panel.customer.id, disputeId: d.id })) : undefined,
      }),
    ),
  );
}

/** Open promises to pay, soonest first. */
export function promisesSection(panel: TCustomerPanel): CardSection | null {
  return section(
    `Promises to pay (${panel.promises.length})`,
    panel.promises.slice(0, 10).map((p) =>
      decorated(`${formatMoney(p.amount, p.currency)} by ${formatDate(p.promisedDate)}`, {
        top: `Made ${formatDate(p.madeOn)}${p.createdBy ? ` · recorded by ${p.createdBy.name}` : ''}`,
        bottom: [p.coveredAmount > 0 ? `${formatMoney(p.coveredAmount, p.currency)} received so far` : null, p.note].filter(Boolean).join(' · ') || undefined,
      }),
    ),
  );
}
