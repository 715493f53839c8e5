import type { ReferenceKind } from './types';

const MIN_REFERENCE_LENGTH = 4;
const MAX_REFERENCE_LENGTH = 24;
const MIN_TAIL_DIGITS = 4;
const MONTH = '(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*';

// Shapes that carry digits but are never invoice or PO numbers. Tested on the uppercase
// token as written (separators kept), so 12/03/2024 and 1.234,56 are still recognisable.
const NOT_A_REFERENCE: readonly RegExp[] = [
  /^(?:19|20)\d{2}$/, // a year alone
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/, // 2024-01-15, 15/01/2024, 1.5.24
  /^\d{4}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{4}$/, // 2024-01, 01/2024
  new RegExp(`^\\d{1,2}[-/.]?${MONTH}[-/.]?\\d{2,4}$|^${MONTH}[-/.]?\\d{2,4}$`), // 15-JAN-2024, JAN-2024
  /^(?:Q[1-4]|H[12]|FY|CY)[-/.]?\d{2,4}$/, // Q3-2024, FY2025
  /^\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{1,2})?$|^\d+[.,]\d{1,2}$/, // 1,234.56, 1.234,56, 99.90
  /^(?:USD|EUR|GBP|CHF|AUD|CAD|NZD|JPY|SEK|NOK|DKK|PLN|INR|ZAR)\d[\d.,]*$/, // USD1234.56
  /^\d{3}[-.]\d{3}[-.]\d{4}$|^0\d{2,4}[-.]\d{3,4}[-.]\d{3,4}$/, // 555-123-4567, 020-7946-0958
  /^X\d+$/, // phone extension x1234
  /^V\d+(?:\.\d+)+$/, // version v1.2.3
  /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, // IBAN
];

/** Uppercase with separators removed: the loose form for comparing "INV-10423" with "inv 10423". */
export function compactReference(reference: string): string {
  return reference.toUpperCase().replace(/[\s\-_/.#:]+/g, '');
}

/** False for tokens that only look like references: too short, no digit, dates, amounts, phones, years. */
export function isPlausibleReference(token: string): boolean {
  const upper = token.toUpperCase();
  const compact = compactReference(upper);
  if (compact.length < MIN_REFERENCE_LENGTH || compact.length > MAX_REFERENCE_LENGTH) return false;
  if (!/\d/.test(compact)) return false;
  return !NOT_A_REFERENCE.some((shape) => shape.test(upper));
}

/** The kind implied by a token's own prefix: INV… → invoice, PO… → po, else any. */
export function prefixKind(token: string): ReferenceKind {
  if (/^INV[-_/.]?\d/i.test(token)) return 'invoice';
  if (/^PO[-_/.]?\d/i.test(token)) return 'po';
  return 'any';
}

/**
 * The lookup variants of one mention, uppercase: as written, without separators, and
 * with an INV/PO prefix stripped or added (stored numbers differ in exactly those ways).
 * `prefix` is the INV/PO abbreviation written before a bare number ("INV 10423").
 */
export function referenceVariants(token: string, prefix?: 'INV' | 'PO'): string[] {
  const upper = token.toUpperCase();
  const variants = [upper, compactReference(upper)];
  if (prefix && /^\d+$/.test(upper)) variants.push(`${prefix} ${upper}`, `${prefix}${upper}`, `${prefix}-${upper}`);
  const tail = /^(?:INV|PO)[-_/.]?(\d+)$/.exec(upper)?.[1];
  if (tail && tail.length >= MIN_TAIL_DIGITS) variants.push(tail);
  return [...new Set(variants)];
}
