import { isPlausibleReference, prefixKind, referenceVariants } from './reference-tokens';
import type { ExtractedReference, ReferenceKind, ReferenceWhere } from './types';

/** Only the start of the body is scanned: references sit near the top, and bodies can be megabytes. */
export const MAX_BODY_CHARS = 20_000;
/** Subjects are short; anything longer is not a real subject line. */
export const MAX_SUBJECT_CHARS = 1_000;
/** At most this many tokens are returned, which keeps the API's look-up one small query. */
export const MAX_REFERENCES = 50;

// Subject first, so a token's `where` is the most significant place it appears.
interface FoundToken {
  kinds: Set<ReferenceKind>;
  where: ReferenceWhere;
}

interface Mention {
  index: number;
  token: string;
  kind: ReferenceKind;
  prefix?: 'INV' | 'PO';
}

// A run of letters/digits joined by single separators; the lookahead keeps trailing
// punctuation out ("INV-10423." → "INV-10423") without any backtracking.
const TOKEN = String.raw`[A-Za-z0-9](?:[A-Za-z0-9]|[-_/.](?=[A-Za-z0-9]))*`;
// After a keyword, only a token with a digit counts, so "Invoice PO 4500012345" still
// reaches the PO: a digitless word must not be consumed as the invoice's number.
const NUMBERED_TOKEN = String.raw`(?=[A-Za-z]{0,10}(?:[-_/.][A-Za-z]{0,10})?\d)${TOKEN}`;
const KEYWORD_REFERENCE = new RegExp(
  String.raw`\b(purchase[\s-]+orders?\b|p\.\s?o\b|po\b|invoices?\b|inv\b|ref(?:erence)?\b)\.?` +
    String.raw`(?:\s{0,3}(?:nos?|nr|num(?:ber)?s?)\b\.?)?[\s:#]{0,6}(${NUMBERED_TOKEN})`,
  'gi',
);
// "invoices 10423, 10424 and 10425": later items inherit the keyword's kind.
const LIST_CONTINUATION = new RegExp(String.raw`\s{0,3}(?:,|&|\band\b|\bor\b)\s{0,3}#?\s?(${NUMBERED_TOKEN})`, 'iy');
// Bare references need a letter prefix (INV10423, SI-000123, AC-7781): bare numbers are
// too often quantities, postcodes or phone fragments to look up without a keyword.
const PREFIXED_TOKEN = new RegExp(String.raw`\b[A-Za-z]{1,6}[-_/.]?\d(?:[A-Za-z0-9]|[-_/.](?=[A-Za-z0-9]))*`, 'g');
const MIN_BARE_DIGITS = 3;
// "#10423"; the leading group stands in for a lookbehind, which older webviews lack.
const HASH_NUMBER = /(^|[^\w&])#\s?(\d(?:\d|[-/.](?=\d))*)/g;
// Labels in signatures and footers whose values must not be looked up.
const NON_REFERENCE_LABEL =
  /\b(?:vat|tax|tin|ein|gst|abn|company|reg(?:istration|istered)?|tel(?:ephone)?|phone|ph|fax|mob(?:ile)?|cell|iban|bic|swift|sort\s?code|acc(?:oun)?t|a\/c|ext(?:ension)?|zip|post\s?code|suite|unit|room|box|tracking)\b\.?(?:\s{0,3}(?:no|nr|num(?:ber)?|id)\b\.?)?[\s:#.]*$/i;
const LABEL_WINDOW = 32;

/** Candidate invoice / PO number tokens mentioned in an email, for exact look-up by the API. */
export function extractReferences(subject: string, bodyText: string): ExtractedReference[] {
  const found = new Map<string, FoundToken>();
  const texts: [ReferenceWhere, string][] = [
    ['subject', subject.slice(0, MAX_SUBJECT_CHARS)],
    ['body', bodyText.slice(0, MAX_BODY_CHARS)],
  ];
  scan: for (const [where, text] of texts) {
    for (const mention of findMentions(withoutAddresses(text))) {
      if (!addMention(found, mention, where)) break scan;
    }
  }
  return [...found.entries()].map(([token, { kinds, where }]) => ({ token, kind: settleKind(kinds), where }));
}

// Emails and URLs are dropped whole: "ap2024@acme.com" or a tracking id is not a reference.
function withoutAddresses(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => !word.includes('@') && !/^\W*(?:https?:|www\.)/i.test(word))
    .join(' ');
}

function findMentions(text: string): Mention[] {
  const mentions = [...keywordMentions(text), ...prefixedMentions(text), ...hashMentions(text)];
  return mentions.sort((a, b) => a.index - b.index);
}

function keywordMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(KEYWORD_REFERENCE)) {
    const keyword = match[1]!.toLowerCase();
    const kind: ReferenceKind = keyword.startsWith('inv') ? 'invoice' : keyword.startsWith('ref') ? 'any' : 'po';
    const prefix = keyword === 'inv' ? 'INV' : keyword === 'po' ? 'PO' : undefined;
    const token = match[2]!;
    mentions.push({ index: match.index, token, kind: kind === 'any' ? prefixKind(token) : kind, prefix });
    LIST_CONTINUATION.lastIndex = match.index + match[0].length;
    for (let item = LIST_CONTINUATION.exec(text); item; item = LIST_CONTINUATION.exec(text)) {
      // Only like-shaped items continue the list: in "P.O. 12345, INV10423" the second is not a PO.
      if (letterPrefix(item[1]!) !== letterPrefix(token)) break;
      mentions.push({ index: item.index, token: item[1]!, kind: kind === 'any' ? prefixKind(item[1]!) : kind });
    }
  }
  return mentions;
}

function letterPrefix(token: string): string {
  return /^[A-Za-z]*/.exec(token)![0].toUpperCase();
}

function prefixedMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(PREFIXED_TOKEN)) {
    const token = match[0];
    if ((token.match(/\d/g)?.length ?? 0) < MIN_BARE_DIGITS || isLabelled(text, match.index)) continue;
    mentions.push({ index: match.index, token, kind: prefixKind(token) });
  }
  return mentions;
}

function hashMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(HASH_NUMBER)) {
    const index = match.index + match[1]!.length;
    if (!isLabelled(text, index)) mentions.push({ index, token: match[2]!, kind: 'any' });
  }
  return mentions;
}

function isLabelled(text: string, index: number): boolean {
  return NON_REFERENCE_LABEL.test(text.slice(Math.max(0, index - LABEL_WINDOW), index));
}

// Returns false once the cap is reached, so the caller stops scanning.
function addMention(found: Map<string, FoundToken>, mention: Mention, where: ReferenceWhere): boolean {
  if (!isPlausibleReference(mention.token)) return true;
  for (const token of referenceVariants(mention.token, mention.prefix)) {
    if (!isPlausibleReference(token)) continue;
    const existing = found.get(token);
    if (existing) {
      existing.kinds.add(mention.kind);
      continue;
    }
    if (found.size >= MAX_REFERENCES) return false;
    found.set(token, { kinds: new Set([mention.kind]), where });
  }
  return true;
}

// One specific kind wins over 'any'; a token seen as both invoice and PO is looked up as both.
function settleKind(kinds: Set<ReferenceKind>): ReferenceKind {
  const specific = [...kinds].filter((kind) => kind !== 'any');
  return specific.length === 1 ? specific[0]! : 'any';
}
