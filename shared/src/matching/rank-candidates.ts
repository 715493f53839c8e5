import { describeEvidence } from './describe-evidence';
import { MATCH_SCORES, evidenceKey, evidenceRule, scoreEvidence, type MatchRule } from './score-evidence';
import type { MatchCandidate, MatchEvidence, MatchRanking, MatchReason } from './types';

/** Second-best at or above this share of the best score means the user must pick. */
export const AMBIGUITY_RATIO = 0.8;

/** Ranks the customers the evidence points to; a logged thread decides, close scores are ambiguous. */
export function rankCandidates(evidence: MatchEvidence[]): MatchRanking {
  const candidates = [...distinctEvidenceByCustomer(evidence)]
    .map(([customerId, items]) => toCandidate(customerId, items))
    .sort((a, b) => b.score - a.score || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const [top, second] = candidates;
  const decided = evidence.some((e) => e.kind === 'thread');
  const ambiguous = !decided && top !== undefined && second !== undefined && second.score >= AMBIGUITY_RATIO * top.score;
  return { candidates, bestCustomerId: top && !ambiguous ? top.customerId : null, ambiguous };
}

// Per customer, the strongest sighting of each distinct piece of evidence.
function distinctEvidenceByCustomer(evidence: MatchEvidence[]): Map<string, MatchEvidence[]> {
  const byCustomer = new Map<string, Map<string, MatchEvidence>>();
  for (const item of evidence) {
    const items = byCustomer.get(item.customerId) ?? new Map<string, MatchEvidence>();
    byCustomer.set(item.customerId, items);
    const key = evidenceKey(item);
    const seen = items.get(key);
    if (!seen || scoreEvidence(item) > scoreEvidence(seen)) items.set(key, item);
  }
  return new Map([...byCustomer].map(([customerId, items]) => [customerId, [...items.values()]]));
}

function toCandidate(customerId: string, items: MatchEvidence[]): MatchCandidate {
  const strongestFirst = [...items].sort((a, b) => scoreEvidence(b) - scoreEvidence(a));
  const scoredRules = new Set<MatchRule>();
  let score = 0;
  let bonus = 0;
  for (const item of strongestFirst) {
    const rule = evidenceRule(item);
    if (scoredRules.has(rule)) {
      bonus += MATCH_SCORES.extraEvidenceBonus;
    } else {
      scoredRules.add(rule);
      score += scoreEvidence(item);
    }
  }
  const reasons: MatchReason[] = [];
  for (const reason of strongestFirst.map(describeEvidence)) {
    if (!reasons.some((r) => r.text === reason.text)) reasons.push(reason);
  }
  return { customerId, score: score + Math.min(bonus, MATCH_SCORES.maxBonus), reasons };
}
