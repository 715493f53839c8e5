/** The hold banner, payer contacts and recent timeline of a customer. */
import type { TCustomerPanel } from '@shared/schemas';
import type { CardSection, CardWidget } from './card-types';
import { CONTACT_ROLES, formatDate } from './format';
import { decorated, section } from './widgets';

const MAX_CONTACTS = 6;
const MAX_TIMELINE = 6;

/** "Don't chase until …" banners, first on the card so collectors see them before writing. */
export function holdBanners(panel: TCustomerPanel): CardWidget[] {
  return panel.holds.map((h) =>
    decorated(`On hold until ${formatDate(h.until)}: don't chase`, { top: 'Hold', bottom: `${h.reason}${h.setBy ? ` (set by ${h.setBy.name})` : ''}`, icon: 'CLOCK' }),
  );
}

/** Who to write to: primary payer first. */
export function contactsSection(panel: TCustomerPanel): CardSection | null {
  return section(
    'Payer contacts',
    panel.contacts.slice(0, MAX_CONTACTS).map((c) =>
      decorated(c.name, {
        top: `${CONTACT_ROLES[c.role]}${c.isPrimaryPayer ? ' · primary payer' : ''}`,
        bottom: [c.email, c.phone].filter(Boolean).join(' · '),
        icon: 'PERSON',
      }),
    ),
    { collapseAfter: 3 },
  );
}

/** The latest emails, notes, disputes, promises, payments and holds. */
export function timelineSection(panel: TCustomerPanel): CardSection | null {
  return section(
    'Recent activity',
    panel.timeline.items.slice(0, MAX_TIMELINE).map((item) =>
      decorated(item.title, {
        top: `${formatDate(item.at)} · ${item.kind}${item.actor ? ` · ${item.actor}` : ''}`,
        bottom: item.detail ? truncate(item.detail, 160) : undefined,
      }),
    ),
    { collapseAfter: 3 },
  );
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
