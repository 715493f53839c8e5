/** Invoice references in a text: the matched customer's own numbers, or (without a customer) numbers as written. */
import type { ContextInvoice } from './types';

export interface InvoiceRef {
  number: string;
  index: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\d/-])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\d]|[-/.]\d)`;

/** The customer's invoices named in `text` (exactly, case-insensitively, or by their distinctive trailing number). */
export function findCustomerInvoices(text: string, invoices: ContextInvoice[]): InvoiceRef[] {
  const out: InvoiceRef[] = [];
  const lower = text.toLowerCase();
  for (const matcher of matchersFor(invoices)) {
    // A plain substring test first: most invoices are not in most sentences.
    const m = (lower.includes(matcher.needle) && matcher.exact.exec(text)) || (matcher.tail && text.includes(matcher.tail.source.slice(BOUNDARY_BEFORE.length, -BOUNDARY_AFTER.length)) ? matcher.tail.exec(text) : null);
    if (m) out.push({ number: matcher.number, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

interface Matcher {
  number: string;
  needle: string;
  exact: RegExp;
  /** The distinctive trailing digits ("00411" of "INV-2026-00411") when no other invoice shares them. */
  tail: RegExp | null;
}
const MATCHERS = new WeakMap<ContextInvoice[], Matcher[]>();

/** Compiled once per invoice list. */
function matchersFor(invoices: ContextInvoice[]): Matcher[] {
  let matchers = MATCHERS.get(invoices);
  if (matchers) return matchers;
  const tails = new Map<string, number>();
  for (const invoice of invoices) {
    const tail = /(\d{4,})$/.exec(invoice.number)?.[1];
    if (tail && tail !== invoice.number) tails.set(tail, (tails.get(tail) ?? 0) + 1);
  }
  matchers = invoices.slice(0, 5_000).map((invoice) => {
    const tail = /(\d{4,})$/.exec(invoice.number)?.[1];
    return {
      number: invoice.number,
      needle: invoice.number.toLowerCase(),
      exact: new RegExp(BOUNDARY_BEFORE + escape(invoice.number) + BOUNDARY_AFTER, 'iu'),
      tail: tail && tail !== invoice.number && tails.get(tail) === 1 ? new RegExp(BOUNDARY_BEFORE + tail + BOUNDARY_AFTER, 'u') : null,
    };
  });
  MATCHERS.set(invoices, matchers);
  return matchers;
}

const KEYWORD = String.raw`(?:invoices?|inv\.?|rechnung(?:en)?|rg\.?|factures?|factura[s]?|fact\.?|fac\.?|facturen|factuur|fattura)`;
const RE_AFTER_KEYWORD = new RegExp(
  String.raw`\b${KEYWORD}\s*(?:no\.?|nr\.?|n°|nº|num(?:ber|mer|éro|ero|ro)?\.?|#)?\s*[:#]?\s*([A-Z]{0,5}[-/]?\d[\dA-Z/-]*\d|\d{3,})(?:\s*(?:and|und|et|y|en|,|&)\s*([A-Z]{0,5}[-/]?\d[\dA-Z/-]*\d|\d{3,}))*`,
  'giu',
);
const RE_PREFIXED = /(?<![\p{L}\d/-])(?:INV|RE|FAC|FA|FV|F|RG|NR)[-/]?\d{2,}(?:[-/]\d+)*(?![\p{L}\d])|#\d{3,}\b/gu;

/** Invoice-like numbers as written, for messages without a matched customer. */
export function findWrittenInvoices(text: string): InvoiceRef[] {
  const seen = new Map<string, number>();
  const capped = text.slice(0, 20_000);
  for (const m of capped.matchAll(RE_AFTER_KEYWORD)) {
    for (const token of m[0].matchAll(/[A-Z]{0,5}[-/]?\d[\dA-Z/-]*\d|\d{3,}/giu)) {
      if (/^(19|20)\d\d$/.test(token[0])) continue;
      if (!seen.has(token[0])) seen.set(token[0], (m.index ?? 0) + (token.index ?? 0));
    }
  }
  for (const m of capped.matchAll(RE_PREFIXED)) {
    const number = m[0].replace(/^#/, '');
    if (!seen.has(number)) seen.set(number, m.index ?? 0);
  }
  return [...seen].map(([number, index]) => ({ number, index })).sort((a, b) => a.index - b.index);
}

/** Invoices in `text`: the customer's when there is one, else as written. */
export function findInvoices(text: string, invoices: ContextInvoice[] | null | undefined): InvoiceRef[] {
  return invoices ? findCustomerInvoices(text, invoices) : findWrittenInvoices(text);
}

/** Unique numbers in order of first mention. */
export const uniqueNumbers = (refs: InvoiceRef[]) => [...new Set(refs.map((r) => r.number))];
