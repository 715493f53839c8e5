/**
 * Pure email → customer matching (PRODUCT.md, "Matching an email to a customer"). The
 * API calls collectAddresses and extractReferences, looks the results up in the
 * database, and passes the hits to rankCandidates.
 */
export type * from './types';
export { normalizeEmail, emailDomain, registrableDomain } from './email-address';
export { isFreeMailDomain } from './free-mail-domains';
export { collectAddresses } from './collect-addresses';
export { compactReference, isPlausibleReference } from './reference-tokens';
export { extractReferences, MAX_BODY_CHARS, MAX_REFERENCES, MAX_SUBJECT_CHARS } from './extract-references';
export { MATCH_SCORES, scoreEvidence, type MatchRule } from './score-evidence';
export { describeEvidence } from './describe-evidence';
export { rankCandidates, AMBIGUITY_RATIO } from './rank-candidates';
