/** The compose sidebar: the recipients' customer at a glance and "insert open-invoice statement". */
import type { TContextResponse, TCustomerPanel } from '@shared/schemas';
import type { ActionLinker, Card } from './card-types';
import { BEHAVIOUR_LABELS, formatMoney } from './format';
import { noMatchCard, pickerCard } from './navigation-cards';
import { holdBanners } from './people-sections';
import { button, buttons, decorated, section, sections } from './widgets';

/** The statement button and the summary a collector needs while writing. */
function composeCustomerCard(panel: TCustomerPanel, link: ActionLinker): Card {
  const open = panel.openInvoices.length;
  return {
    name: 'compose',
    header: { title: panel.customer.name, subtitle: BEHAVIOUR_LABELS[panel.status.behaviour.label] },
    sections: sections(
      section(null, [
        ...holdBanners(panel),
        ...panel.status.totals.map((t) =>
          decorated(formatMoney(t.outstanding, t.currency), { top: `Outstanding (${t.currency})`, bottom: `Overdue ${formatMoney(t.overdue, t.currency)}` }),
        ),
        decorated(panel.status.behaviour.reason, { top: 'Behaviour' }),
        panel.promises.length ? decorated(`${panel.promises.length} open ${panel.promises.length === 1 ? 'promise' : 'promises'} to pay`, { top: 'Promises' }) : null,
        panel.disputes.length ? decorated(`${panel.disputes.length} open ${panel.disputes.length === 1 ? 'dispute' : 'disputes'}`, { top: 'Disputes' }) : null,
      ]),
      section('Statement', [
        decorated(open ? `${open} open ${open === 1 ? 'invoice' : 'invoices'}` : 'No open invoices', { bottom: 'Inserted at the cursor as a table, oldest due first, totals per currency' }),
        buttons(button('Insert open-invoice statement', link('insertStatement', { customerId: panel.customer.id }), { primary: true, disabled: open === 0 })),
      ]),
    ),
  };
}

/** The compose card for a context built from the draft's recipients. */
export function composeCard(context: TContextResponse, link: ActionLinker): Card {
  if (context.match.ambiguous) return pickerCard(context.match.candidates, link, 'compose', null);
  if (!context.panel) return noMatchCard(link, 'compose', null);
  return composeCustomerCard(context.panel, link);
}
