/** Plain-text formatting for cards: day counts and labels. Money and dates go through the shared formatters (en-GB). */
import { formatDate, formatLateness } from '@shared/ar/format';
import { formatMoney } from '@shared/money';
import type { TArStatus } from '@shared/schemas';

/** "114 days overdue", "due today", "due in 5 days". */
export function formatDue(daysPastDue: number, dueDate: string, asOf: string): string {
  if (daysPastDue > 0) return `${daysPastDue} ${daysPastDue === 1 ? 'day' : 'days'} overdue`;
  const until = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
  if (until <= 0) return 'due today';
  return `due in ${until} ${until === 1 ? 'day' : 'days'}`;
}

/** The behaviour label as people say it. */
export const BEHAVIOUR_LABELS: Record<TArStatus['behaviour']['label'], string> = {
  new: 'New customer',
  reliable: 'Reliable payer',
  'pays-late-predictably': 'Pays late, predictably',
  slipping: 'Slipping',
  'at-risk': 'At risk',
};

/** Dispute reason codes as shown in forms and cards. */
export const DISPUTE_REASONS = {
  pricing: 'Pricing',
  quantity: 'Quantity',
  quality: 'Quality',
  not_received: 'Not received',
  duplicate: 'Duplicate',
  tax: 'Tax',
  terms: 'Terms',
  other: 'Other',
} as const;

/** Contact roles as shown in forms and cards. */
export const CONTACT_ROLES = { payer: 'Payer', ap: 'Accounts payable', approver: 'Approver', billing: 'Billing', other: 'Other' } as const;

/** `0.62` → `62%`. */
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

export { formatDate, formatLateness, formatMoney };
