import type { MatchEvidence } from './types';

/** Points per evidence, ordered by PRODUCT.md's rules: thread ≫ contact > domain > reference numbers. */
export const MATCH_SCORES = {
  thread: 1000,
  contact: { from: 100, to: 80, cc: 80 },
  domain: { from: 60, to: 40, cc: 40 },
  reference: { subject: 50, body: 35 },
  /** Per extra distinct piece of evidence beyond the best one of each rule. */
  extraEvidenceBonus: 2,
  /** Cap on all bonuses of one customer: 20 body tokens must not outrank a contact. */
  maxBonus: 8,
} as const;

/** The four rules of PRODUCT.md; invoice and PO numbers are one rule. */
export type MatchRule = 'thread' | 'contact' | 'domain' | 'reference';

/** The points one piece of evidence is worth on its own. */
export function scoreEvidence(evidence: MatchEvidence): number {
  switch (evidence.kind) {
    case 'thread':
      return MATCH_SCORES.thread;
    case 'contact':
      return MATCH_SCORES.contact[evidence.field];
    case 'domain':
      return MATCH_SCORES.domain[evidence.field];
    case 'invoice':
    case 'po':
      return MATCH_SCORES.reference[evidence.where];
  }
}

/** The rule a piece of evidence belongs to; a customer scores the best of each rule once. */
export function evidenceRule(evidence: MatchEvidence): MatchRule {
  return evidence.kind === 'invoice' || evidence.kind === 'po' ? 'reference' : evidence.kind;
}

/** What makes evidence distinct: the same contact seen in both to and cc is one piece. */
export function evidenceKey(evidence: MatchEvidence): string {
  switch (evidence.kind) {
    case 'thread':
      return 'thread';
    case 'contact':
      return `contact:${evidence.email.toLowerCase()}`;
    case 'domain':
      return `domain:${evidence.domain.toLowerCase()}`;
    case 'invoice':
    case 'po':
      return `${evidence.kind}:${evidence.number.toUpperCase()}`;
  }
}
