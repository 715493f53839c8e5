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
  const tails = new Map<string, string[]>();
  for (const invoice of invoices) {
    const tail = /(\d{4,})$/.exec(invoice.number)?.[1];
    if (tail && tail !== invoice.number) tails.set(tail, [...(tails.get(tail) ?? []), invoice.number]);
  }
  for (const invoice of invoices) {
    const exact = new RegExp(BOUNDARY_BEFORE + escape(invoice.number) + BOUNDARY_AFTER, 'giu');
    let m = exact.exec(text);
    if (!m) {
      const tail = /(\d{4,})$/.exec(invoice.number)?.[1];
      if (tail && tail !== invoice.number && tails.get(tail)?.length === 1) m = new RegExp(BOUNDARY_BEFORE + tail + BOUNDARY_AFTER, 'gu').exec(text);
    }
    if (m) out.push({ number: invoice.number, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
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
