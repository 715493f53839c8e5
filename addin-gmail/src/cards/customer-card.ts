/** The sidebar for one customer: the same content as the Outlook pane, as a card. */
import type { TContextResponse, TCustomerPanel, TMatchCandidate, TRole } from '@shared/schemas';
import { roleAllows } from '../../../api/src/auth/middleware';
import { arStatusSection } from './ar-status-section';
import type { ActionLinker, Card, CardWidget } from './card-types';
import { BEHAVIOUR_LABELS, formatDate } from './format';
import { disputesSection, invoicesSection, promisesSection } from './ledger-sections';
import { contactsSection, holdBanners, timelineSection } from './people-sections';
import { button, buttons, decorated, section, sections } from './widgets';

/** Where the card is shown from an open message: its logging state and the other matches. */
export interface MessageState {
  thread: TContextResponse['thread'];
  otherCandidates: TMatchCandidate[];
}

export interface CustomerCardInput {
  panel: TCustomerPanel;
  role: TRole;
  link: ActionLinker;
  /** Null outside a message (homepage search, compose). */
  message: MessageState | null;
}

/** "Log thread" or "Logged to … by …" (plus "Add this message" when the open one is new). */
function threadWidgets({ panel, role, link, message }: CustomerCardInput): CardWidget[] {
  if (!message) return [];
  const canLog = roleAllows(role, 'collector');
  const { thread } = message;
  if (!thread) {
    const log = buttons(canLog && button(`Log thread to ${panel.customer.name}`, link('logThread', { customerId: panel.customer.id }), { primary: true }));
    return log ? [log] : [decorated('This thread is not logged', { bottom: 'A collector can log it to the customer.' })];
  }
  const by = thread.loggedBy ? ` by ${thread.loggedBy.name}` : '';
  const state = decorated(`Logged to ${thread.customer.name}${by}`, {
    top: 'Thread',
    bottom: `${thread.messageCount} ${thread.messageCount === 1 ? 'message' : 'messages'} · logged ${formatDate(thread.loggedAt)}`,
    icon: 'BOOKMARK',
  });
  const add = thread.messageLogged === false && canLog ? buttons(button('Add this message to the log', link('logThread', { customerId: thread.customer.id }))) : null;
  return add ? [state, add] : [state];
}

/** The customer card: hold banner, behaviour, thread state, AR status, invoices, disputes, promises, contacts, activity, actions. */
export function customerCard(input: CustomerCardInput): Card {
  const { panel, role, link, message } = input;
  const id = panel.customer.id;
  const canChange = roleAllows(role, 'collector');
  const form = (name: string) => link('showForm', { form: name, customerId: id });
  const behaviour = panel.status.behaviour;
  const others = message?.otherCandidates.filter((c) => c.customer.id !== id).slice(0, 5) ?? [];
  return {
    name: 'customer',
    header: { title: panel.customer.name, subtitle: BEHAVIOUR_LABELS[behaviour.label] },
    sections: sections(
      section(null, [...holdBanners(panel), decorated(BEHAVIOUR_LABELS[behaviour.label], { top: 'Behaviour', bottom: behaviour.reason }), ...threadWidgets(input)]),
      arStatusSection(panel.status),
      invoicesSection(panel),
      disputesSection(panel, link, canChange),
      promisesSection(panel),
      contactsSection(panel),
      timelineSection(panel),
      section(
        'Other matches',
        others.map((c) => decorated(c.customer.name, { bottom: c.reasons.map((r) => r.text).join('; '), button: button('Show', link('pickCustomer', { customerId: c.customer.id })) })),
      ),
      section('Actions', [
        buttons(
          canChange && panel.openInvoices.length > 0 && button('Open dispute', form('dispute')),
          canChange && button('Record promise', form('promise')),
          button('Set hold', form('hold')),
          button('Add note', form('note')),
        ),
      ]),
    ),
  };
}
