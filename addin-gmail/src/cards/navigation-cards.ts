/** Cards around the customer card: homepage, candidate picker, no match, search results, errors. */
import type { TCustomerSearchResponse, TMatchCandidate, TRole } from '@shared/schemas';
import { roleAllows } from '../../../api/src/auth/middleware';
import type { ActionLinker, Card, CardSection } from './card-types';
import { button, buttons, decorated, paragraph, section, sections, textInput } from './widgets';

/** Where a search or a pick should lead back to. */
export type Surface = 'message' | 'compose' | 'home';

/** The sender of the open message, offered as a new contact of a found customer. */
export interface Sender {
  email: string;
  name: string | null;
}

const senderParams = (sender: Sender | null): Record<string, string> => (sender ? { senderEmail: sender.email, senderName: sender.name ?? '' } : {});

/** A search box; the results keep the surface and the sender. */
export function searchSection(link: ActionLinker, surface: Surface, sender: Sender | null, query = ''): CardSection | null {
  return section('Find a customer', [
    textInput('q', 'Search customers', { hint: 'Name, domain, contact email, invoice or PO number', value: query || undefined }),
    buttons(button('Search', link('search', { surface, ...senderParams(sender) }))),
  ]);
}

/** The homepage: who is signed in, and search. */
export function homepageCard(user: { name: string; organization: string }, link: ActionLinker): Card {
  return {
    name: 'home',
    header: { title: 'Payside', subtitle: `${user.name} · ${user.organization}` },
    sections: sections(section(null, [paragraph("Open an email to see the customer's payment relationship beside it: what they owe, how late they pay, disputes, promises and who to write to.")]), searchSection(link, 'home', null)),
  };
}

/** Several customers match equally well: the user picks, seeing why each matched. */
export function pickerCard(candidates: TMatchCandidate[], link: ActionLinker, surface: Surface, sender: Sender | null): Card {
  return {
    name: 'picker',
    header: { title: 'Which customer is this?', subtitle: 'Several customers match this email' },
    sections: sections(
      section(
        'Candidates',
        candidates.slice(0, 10).map((c) =>
          decorated(c.customer.name, { bottom: c.reasons.map((r) => r.text).join('; '), button: button('Choose', link('pickCustomer', { customerId: c.customer.id, surface })) }),
        ),
      ),
      searchSection(link, surface, sender),
    ),
  };
}

/** Nothing matched: search, then add the sender as a contact of the right customer. */
export function noMatchCard(link: ActionLinker, surface: Surface, sender: Sender | null): Card {
  const who = sender ? `${sender.name ? `${sender.name} <${sender.email}>` : sender.email}` : 'the recipients';
  return {
    name: 'no-match',
    header: { title: 'No customer matched', subtitle: who },
    sections: sections(
      section(null, [paragraph(`Nothing in Payside matches ${who}.${sender ? ' Search for the customer, then add the sender as one of its contacts.' : ''}`)]),
      searchSection(link, surface, sender),
    ),
  };
}

/** Search results: open a customer, or add the sender to it as a contact. */
export function searchResultsCard(input: { query: string; result: TCustomerSearchResponse; link: ActionLinker; role: TRole; surface: Surface; sender: Sender | null }): Card {
  const { query, result, link, surface, sender } = input;
  const canAdd = sender !== null && roleAllows(input.role, 'collector');
  const hits = result.items.slice(0, 20).flatMap((hit) => [
    decorated(hit.customer.name, {
      top: `Matched on ${hit.matchedOn.replace('_', ' ')}: ${hit.matchedText}`,
      bottom: hit.customer.domains.join(', ') || undefined,
      button: button('Open', link('pickCustomer', { customerId: hit.customer.id, surface })),
    }),
    canAdd ? buttons(button(`Add ${sender.email} as contact`, link('showForm', { form: 'contact', customerId: hit.customer.id, ...senderParams(sender) }))) : null,
  ]);
  return {
    name: 'search',
    header: { title: 'Search results', subtitle: query ? `“${query}”` : 'All customers' },
    sections: sections(section(`${result.items.length} ${result.items.length === 1 ? 'customer' : 'customers'}`, hits.length ? hits : [paragraph('No customer matches. Try a domain, an invoice number or part of the name.')]), searchSection(link, surface, sender, query)),
  };
}

/** A clear message instead of a broken sidebar. */
export function errorCard(title: string, message: string, requestId?: string): Card {
  return {
    name: 'error',
    header: { title: 'Payside', subtitle: title },
    sections: sections(section(null, [paragraph(message), requestId ? decorated(requestId, { top: 'Request id' }) : null])),
  };
}
