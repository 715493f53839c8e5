/** remittance_advice and payment_claimed_not_received: a payment described as made. */
import { ub } from './word-boundary';
import type { TIntentSuggestion, TSuggestedAmount } from '../schemas/intents';
import { findAmounts } from './amounts';
import { addDays } from './calendar';
import { CLAIM, FUTURE, NOT_YET, PAST, matchRule } from './payment-language';
import { amountIn, dateIn, evidenceOf, invoicesFor, invoicesIn } from './reading';
import type { Reading } from './types';

type Past = Extract<TIntentSuggestion, { intent: 'remittance_advice' | 'payment_claimed_not_received' }>;

const HEADING = ub(
  /^\W*(?:remittance advice|payment advice|payment notification|remittance|zahlungsavis|avis de (?:paiement|virement|règlement)|aviso de (?:pago|transferencia)|comprobante de pago|betaalspecificatie|betalingsadvies|betaaladvies|payment (?:confirmation|notice|remittance|sent)|remittance notification|zahlungsbestätigung|zahlungsanzeige|confirmation de (?:paiement|virement)|notification de paiement|confirmación de (?:pago|transferencia)|betalingsbevestiging|bevestiging van betaling)\b/iu);
const INTRO = ub(/\b(?:please (?:see|find) (?:below|attached)?.{0,30}payment|the following payment|payment (?:details|made) (?:below|today)|folgende zahlung|le paiement suivant|el siguiente pago|de volgende betaling)\b/iu);
const TOTAL = ub(/\b(?:total|summe|gesamt(?:betrag)?|montant (?:total|payé)|importe (?:total|pagado)|totaal|amount paid|payment amount|betrag)\b/iu);
const PAID_DATE = ub(/\b(?:payment date|value date|date paid|paid on|zahlungsdatum|valuta(?:datum)?|ausführungsdatum|date (?:de paiement|de valeur|du virement)|fecha (?:de pago|valor|de la transferencia)|betaaldatum|valutadatum|datum betaling)\b/iu);
const REFERENCE = ub(
  /\b(?:payment ref(?:erence)?|ref(?:erence)?|trace(?: no\.?| number)?|check|cheque|chèque|confirmation(?: no\.?| number)?|verwendungszweck|referenz|zahlungsreferenz|référence|libellé|referencia|n\.?º de operación|concepto|kenmerk|betalingskenmerk|omschrijving|mededeling)\b\s*(?:no\.?|nr\.?|number|#)?\s*[:#]?\s*(\+{3}[\d/]+\+{3}|[A-Z0-9][\w-]*(?: [A-Z0-9][\w-]*)?)/iu);

/** At most one remittance and one claim per message. */
export function detectPastPayments(reading: Reading): Past[] {
  const out: Past[] = [];
  const advice = detectAdvice(reading);
  if (advice) out.push(advice);
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    const past = matchRule(segment.text, PAST);
    if (!past || NOT_YET.test(segment.text)) continue;
    const future = matchRule(segment.text, FUTURE);
    if (future && future.index < past.index + past.text.length) continue;
    if (/^(?:if|wenn|falls|si|als)\b/i.test(segment.text) || QUESTION.test(segment.text)) continue;
    const clause = future ? segment.text.slice(0, future.index) : segment.text;
    const found = dateIn(clause, reading, 'past', past.lang);
    const date = found && found.date <= reading.today ? found.date : JUST_NOW.test(clause) ? reading.today : null;
    const intent = isClaim(clause, past.text, date, reading) ? 'payment_claimed_not_received' : 'remittance_advice';
    if (out.some((p) => p.intent === intent || (intent === 'remittance_advice' && p.intent === 'payment_claimed_not_received'))) continue;
    // An announcement's amount may sit in the next line ("Total: …") rather than in the sentence.
    const amount = amountIn(clause, reading) ?? (intent === 'remittance_advice' ? totalIn(reading) : null);
    const fields = { date, amount, invoices: invoicesFor(clause, reading) };
    const common = { evidence: evidenceOf(segment), confidence: 0.8, source: `rule:${intent}.${past.lang}` };
    if (intent === 'remittance_advice') {
      out.push({ intent, ...fields, reference: referenceIn(reading.content), ...common, explanation: 'A payment described as made.' });
    } else {
      out.push({ intent, ...fields, ...common, explanation: 'The customer says this was already paid.' });
    }
  }
  return out;
}

/** A payment advice (heading or table introduction): totals, invoices and reference from the whole new text. */
function detectAdvice(reading: Reading): Past | null {
  const segment = reading.segments.find((s) => s.field === 'body' && (HEADING.test(s.text) || INTRO.test(s.text))) ?? reading.segments.find((s) => s.field === 'subject' && HEADING.test(s.text));
  if (!segment) return null;
  const text = reading.content;
  const totalLine = text.split('\n').find((line) => TOTAL.test(line) && findAmounts(line, reading.dollarCurrency).length > 0);
  const amounts = findAmounts(text, reading.dollarCurrency);
  const amount = totalLine ? amountIn(totalLine, reading) : (amounts.sort((a, b) => Number(b.amount.value) - Number(a.amount.value))[0]?.amount ?? null);
  const dateLine = text.split('\n').find((line) => PAID_DATE.test(line)) ?? segment.text;
  const date = dateIn(dateLine, reading, 'past', 'en')?.date ?? null;
  return {
    intent: 'remittance_advice',
    date: date && date <= reading.today ? date : null,
    amount,
    invoices: invoicesIn(text, reading),
    reference: referenceIn(text),
    evidence: evidenceOf(segment),
    confidence: 0.9,
    source: 'rule:remittance_advice.advice',
    explanation: 'A payment advice listing what was paid.',
  };
}

/**
 * A rebuttal of a chase rather than an announcement: "already" words, the invoice as the subject of a
 * passive ("INV-1 was paid on …", "a été réglée", "se abonó", "ist … bezahlt"), or a payment dated
 * more than a week before the message.
 */
function isClaim(clause: string, verb: string, date: string | null, reading: Reading): boolean {
  if (CLAIM.some((re) => re.test(clause))) return true;
  if (date && date < addDays(reading.today, -7)) return true;
  return PASSIVE.test(verb) && !FIRST_PERSON.test(clause.slice(0, clause.indexOf(verb) + verb.length)) && !/\b(?:today|heute|aujourd'hui|ce jour|hoy|vandaag)\b/iu.test(clause);
}

/** A question about a payment ("did you receive…?", "have you paid…?") states none. */
const QUESTION = ub(/^(?:did|do|does|have|has|could|can|would|will|is|are|was|were|hast|haben|hat|ist|avez|a-t-il|est-ce|han|ha|habéis|hebben|heeft|is|zijn)\b.*\?\s*$/iu);
const PASSIVE = ub(/^(?:was|were|been|has been|have been|a|ont|est|sont|ist|sind|wurde|wurden|is|zijn|werd|werden|fue|fueron|ha sido|han sido|se)\b/iu);
const FIRST_PERSON = ub(/\b(?:we|I|wir|ich|nous|je|hemos|he|wij|ik)\b/iu);

/** The amount on a total line, or the only amount of the new text. */
function totalIn(reading: Reading): TSuggestedAmount | null {
  const totalLine = reading.content.split('\n').find((line) => TOTAL.test(line) && findAmounts(line, reading.dollarCurrency).length > 0);
  if (totalLine) return amountIn(totalLine, reading);
  const all = findAmounts(reading.content, reading.dollarCurrency);
  return all.length === 1 ? all[0]!.amount : null;
}

const JUST_NOW = ub(/\b(?:now|just now|jetzt|soeben|gerade|maintenant|à l'instant|ahora|acabamos de|zojuist|zonet)\b/iu);

function referenceIn(text: string): string | null {
  const m = REFERENCE.exec(text);
  const value = m?.[1]?.trim().replace(/[.,;:]+$/, '');
  return value && /\d/.test(value) ? value : null;
}
