import type { AddressField, MatchEvidence, MatchReason } from './types';

const DOMAIN_OWNER: Record<AddressField, string> = {
  from: "Sender's domain",
  to: "Recipient's domain",
  cc: "Cc'd recipient's domain",
};

/** The sentence the sidebar shows for one piece of evidence, e.g. "ap@acme.com is a contact (from)". */
export function describeEvidence(evidence: MatchEvidence): MatchReason {
  return { kind: evidence.kind, text: reasonText(evidence) };
}

function reasonText(evidence: MatchEvidence): string {
  switch (evidence.kind) {
    case 'thread':
      return 'This thread is logged to this customer';
    case 'contact': {
      const who = evidence.contactName ? `${evidence.contactName} (${evidence.email})` : evidence.email;
      return `${who} is a contact (${evidence.field})`;
    }
    case 'domain':
      return `${DOMAIN_OWNER[evidence.field]} ${evidence.domain} belongs to this customer`;
    case 'invoice':
      return `Invoice ${evidence.number} is mentioned in the ${evidence.where}`;
    case 'po':
      return `PO ${evidence.number} is mentioned in the ${evidence.where}`;
  }
}
