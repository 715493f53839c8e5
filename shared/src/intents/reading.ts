/** Builds the shared reading of a message once, and the small helpers every detector uses. */
import type { TEvidence, TSuggestedAmount } from '../schemas/intents';
import { findAmounts, dollarCurrencyFor } from './amounts';
import { dayInZone } from './calendar';
import { findDate, type Direction, type FoundDate, type Lang } from './dates';
import { findInvoices, uniqueNumbers } from './invoice-refs';
import { splitSegments } from './segments';
import { splitNewText } from './strip-quoted';
import type { IntentContext, IntentMessage, Reading, Segment } from './types';

/** Reads the message once: new text, segments, invoices named, received day. */
export function readMessage(message: IntentMessage, context: IntentContext): Reading {
  const body = message.bodyText ?? '';
  const { end, signatureStart } = splitNewText(body);
  const newText = body.slice(0, end);
  const content = body.slice(0, signatureStart);
  const subject = (message.subject ?? '').slice(0, 1000);
  const invoices = context.customer?.invoices;
  const subjectInvoices = uniqueNumbers(findInvoices(subject, invoices));
  return {
    message,
    context,
    today: dayInZone(message.receivedAt, context.timeZone),
    newText,
    content,
    segments: [...splitSegments(subject, 'subject'), ...splitSegments(content, 'body')],
    subjectInvoices,
    messageInvoices: uniqueNumbers([...findInvoices(subject, invoices), ...findInvoices(content, invoices)]),
    dollarCurrency: dollarCurrencyFor(context.customer?.currency),
  };
}

/** The evidence for a segment (or a part of it). */
export function evidenceOf(segment: Segment, from = 0, to = segment.text.length): TEvidence {
  return { field: segment.field, start: segment.start + from, end: segment.start + to, text: segment.text.slice(from, to) };
}

/** Invoices named in `text`. */
export const invoicesIn = (text: string, reading: Reading) => uniqueNumbers(findInvoices(text, reading.context.customer?.invoices));

const WHOLE_BALANCE = /\b(?:balance|all (?:the |our )?(?:open |outstanding )?invoices|everything|outstanding amount|saldo|solde|openstaande|gesamten?|alle (?:offenen )?rechnungen|toutes les factures|todas las facturas|alle facturen)\b/iu;

/** Invoices a clause is about: its own, else the subject's ("this invoice"), else the only ones the message names. */
export function invoicesFor(text: string, reading: Reading): string[] {
  const own = invoicesIn(text, reading);
  if (own.length > 0) return own;
  if (WHOLE_BALANCE.test(text)) return [];
  if (reading.subjectInvoices.length > 0) return reading.subjectInvoices;
  return reading.messageInvoices.length <= 2 ? reading.messageInvoices : [];
}

/** The first amount in `text`. */
export const amountIn = (text: string, reading: Reading): TSuggestedAmount | null => findAmounts(text, reading.dollarCurrency)[0]?.amount ?? null;

/** `text` with invoice numbers and amounts blanked out, so their digits are not read as dates. */
export function maskNumbers(text: string, reading: Reading): string {
  let out = text;
  const blank = (from: number, length: number) => (out = out.slice(0, from) + '_'.repeat(length) + out.slice(from + length));
  for (const a of findAmounts(text, reading.dollarCurrency)) blank(a.index, a.length);
  for (const invoice of reading.context.customer?.invoices ?? []) {
    let at = out.toLowerCase().indexOf(invoice.number.toLowerCase());
    while (at >= 0) {
      blank(at, invoice.number.length);
      at = out.toLowerCase().indexOf(invoice.number.toLowerCase(), at + 1);
    }
  }
  out = out.replace(/\b(?:[A-Z]{1,5}[-/])?\d{4}[-/]\d{3,}\b|\b[A-Z]{1,5}-\d{3,}\b/g, (m) => '_'.repeat(m.length));
  return out;
}

/** The date a clause names, resolved for the direction it speaks in. */
export function dateIn(text: string, reading: Reading, direction: Direction, lang: Lang): FoundDate | null {
  const monthFirst = lang === 'en' && /^America\//.test(reading.context.timeZone);
  return findDate(maskNumbers(text, reading), { today: reading.today, direction, lang, monthFirst });
}

/** The part of the reading's content a segment sits in, for looking at neighbours. */
export function segmentsAround(reading: Reading, segment: Segment, before: number, after: number): Segment[] {
  const i = reading.segments.indexOf(segment);
  return reading.segments.slice(Math.max(0, i - before), i + after + 1).filter((s) => s.field === segment.field);
}
