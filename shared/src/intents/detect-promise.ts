/** promise_to_pay: a commitment to pay in the future, with its date, amount and invoices. */
import type { TIntentSuggestion } from '../schemas/intents';
import type { Lang } from './dates';
import { CONDITION, FUTURE, HYPOTHETICAL, NEGATION, NOT_YET, PAST, POLICY, REST, VAGUE, matchRule } from './payment-language';
import { amountIn, dateIn, evidenceOf, invoicesFor } from './reading';
import type { Reading, Segment } from './types';
import { ub } from './word-boundary';

type Promise = Extract<TIntentSuggestion, { intent: 'promise_to_pay' }>;

/** Promises in the new text: the first commitment, plus "the rest on …" instalments. */
export function detectPromises(reading: Reading): Promise[] {
  const out: Promise[] = [];
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    const future = matchRule(segment.text, FUTURE);
    const rest = REST.exec(segment.text);
    if (out.length > 0) {
      if (rest) {
        const extra = restClause(segment, rest.index, reading, out[0]!, future?.lang ?? 'en');
        if (extra && !out.some((p) => p.date === extra.date)) out.push(extra);
      }
      continue;
    }
    if (!future) continue;
    const from = clauseStart(segment.text, future.index);
    if (isNotPromise(segment.text.slice(from), future.index - from, future.index - from + future.text.length)) continue;
    const head = rest && rest.index > future.index ? segment.text.slice(from, rest.index) : segment.text.slice(from);
    const promise = buildPromise(segment, head, reading, future.lang, from);
    out.push(promise);
    if (rest && rest.index > future.index) {
      const extra = restClause(segment, rest.index, reading, promise, future.lang);
      if (extra) out.push(extra);
    }
  }
  return out;
}

/** Where the clause of the verb at `verbAt` starts, when an earlier clause speaks of a past payment ("we paid X and will pay Y"). */
function clauseStart(text: string, verbAt: number): number {
  const past = matchRule(text, PAST);
  if (!past || past.index + past.text.length > verbAt) return 0;
  let at = 0;
  for (const m of text.slice(0, verbAt).matchAll(CLAUSE_BREAK)) if ((m.index ?? 0) >= past.index + past.text.length) at = (m.index ?? 0) + m[0].length;
  return at;
}

const CLAUSE_BREAK = ub(/[,;:–-]\s+|\s(?:and|und|et|y|en|but|aber|mais|pero|maar)\s/giu);

function isNotPromise(text: string, verbAt: number, verbEnd: number): boolean {
  if (HYPOTHETICAL.test(text) || NOT_YET.test(text) || POLICY.test(text)) return true;
  if (text.trim().endsWith('?') && !/\b(?:can|could|shall)\s+(?:you|we)\s+(?:confirm|send)/i.test(text)) return true;
  const window = text.slice(Math.max(0, verbAt - 40), verbAt + 80);
  if (NEGATION.test(window)) return true;
  // A past payment before the verb makes it a report, unless the past pattern only spanned the future clause.
  const past = matchRule(text, PAST);
  return past !== null && past.index < verbAt && past.index + past.text.length < verbEnd;
}

function buildPromise(segment: Segment, clause: string, reading: Reading, lang: Lang, from = 0): Promise {
  const found = dateIn(clause, reading, 'future', lang);
  const conditional = CONDITION.test(clause);
  const vagueWords = VAGUE.test(clause);
  let date = found?.date ?? null;
  if (date && conditional && found!.kind === 'offset') date = null;
  if (date && vagueWords && found!.kind === 'weekday') date = null;
  if (date && date < reading.today) date = null;
  const vague = date === null && (vagueWords || (conditional && found?.kind === 'offset'));
  return {
    intent: 'promise_to_pay',
    date,
    amount: amountIn(clause, reading),
    invoices: invoicesFor(clause, reading),
    conditional,
    vague,
    evidence: evidenceOf(segment, from, from + clause.length),
    confidence: date ? 0.85 : 0.7,
    source: `rule:promise.${lang}`,
    explanation: `Future payment wording${date ? ` with a date (${date})` : vague ? ' with a vague time' : ''}${conditional ? ', on a condition' : ''}.`,
  };
}

/** "… and the rest on the 18th": a second instalment of the same promise. */
function restClause(segment: Segment, at: number, reading: Reading, first: Promise, lang: Lang): Promise | null {
  const clause = segment.text.slice(at);
  const found = dateIn(clause, reading, 'future', lang);
  if (!found || found.date < reading.today) return null;
  const own = invoicesFor(clause, reading);
  return {
    ...first,
    date: found.date,
    amount: amountIn(clause, reading),
    invoices: own.length > 0 && own !== reading.subjectInvoices ? own : first.invoices,
    conditional: CONDITION.test(clause),
    vague: false,
    evidence: evidenceOf(segment, at),
    confidence: 0.75,
    source: `rule:promise.rest.${lang}`,
    explanation: `The rest of the payment is promised for ${found.date}.`,
  };
}
