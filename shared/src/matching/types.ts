/**
 * Contracts of the pure matching module. The API does the database look-ups between
 * the steps: it collects addresses and references from the email, finds contacts,
 * domains, invoices and POs that match them, and hands the hits back as evidence.
 */

/** The header an address appeared in, most significant first: from > to > cc. */
export type AddressField = 'from' | 'to' | 'cc';

/** Where a reference number was found. */
export type ReferenceWhere = 'subject' | 'body';

/** What a reference number probably is: decided by the words before it or its prefix. */
export type ReferenceKind = 'invoice' | 'po' | 'any';

/** The address headers of the email being matched, as the add-in read them. */
export interface EmailAddressContext {
  from: string;
  to: string[];
  cc: string[];
}

/** Who "we" are, so our own addresses never count as evidence. */
export interface CollectAddressesOptions {
  /** The org's email domains; subdomains are covered by comparing registrable domains. */
  ownDomains: string[];
  /** The signed-in user's own addresses (aliases included). */
  ownAddresses?: string[];
}

/** One external address of the email, ready for the contact and domain look-ups. */
export interface CollectedAddress {
  /** Normalised: trimmed, lowercase, no display name. */
  email: string;
  field: AddressField;
  /** Registrable domain (billing.acme.co.uk → acme.co.uk); null for IP literals and the like. */
  domain: string | null;
  /** False when the domain must not be matched against customer domains (free mail, own, null). */
  domainUsable: boolean;
}

/** One candidate reference token for an exact look-up in invoice and PO numbers. */
export interface ExtractedReference {
  /** Uppercase, e.g. "INV-2024-0012", "INV20240012", "10423". */
  token: string;
  /** 'invoice' → look up invoice numbers, 'po' → PO numbers, 'any' → both. */
  kind: ReferenceKind;
  where: ReferenceWhere;
}

/** A database hit that links the email to a customer. */
export type MatchEvidence =
  | { kind: 'thread'; customerId: string }
  | { kind: 'contact'; customerId: string; email: string; field: AddressField; contactName?: string | null }
  | { kind: 'domain'; customerId: string; domain: string; email: string; field: AddressField }
  | { kind: 'invoice'; customerId: string; number: string; where: ReferenceWhere }
  | { kind: 'po'; customerId: string; number: string; where: ReferenceWhere };

/** One human-readable reason shown under a candidate in the sidebar. */
export interface MatchReason {
  kind: MatchEvidence['kind'];
  text: string;
}

/** A customer the email may belong to, with its score and the reasons, strongest first. */
export interface MatchCandidate {
  customerId: string;
  score: number;
  reasons: MatchReason[];
}

/** The ranked outcome: the sidebar preselects `bestCustomerId` or asks the user to pick. */
export interface MatchRanking {
  candidates: MatchCandidate[];
  /** Null when there is no candidate or the top two are too close to call. */
  bestCustomerId: string | null;
  ambiguous: boolean;
}
