/** invoice_copy_request: copies of named invoices, or a statement of account. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { evidenceOf, invoicesIn } from './reading';
import type { Reading } from './types';

type CopyRequest = Extract<TIntentSuggestion, { intent: 'invoice_copy_request' }>;

const STATEMENT = ub(/\b(?:statement(?: of account)?|account statement|kontoauszug|saldenbestätigung|op-liste|offene[- ]posten[- ]liste|kontenblatt|relevé(?: de compte)?|extrait de compte|estado de cuenta|extracto|rekeningoverzicht|saldo-?overzicht|overzicht (?:van )?(?:de |alle )?openstaande posten|saldobevestiging|account summary|list of open items|open items (?:list|report)|saldenliste|offene posten|état de compte|balance âgée|relación de facturas pendientes|overzicht (?:van )?(?:de )?openstaande facturen)\b/iu);
const COPY = ub(/\b(?:cop(?:y|ies)|duplicates?|pdfs?|xml|re-?send|resend|kopie(?:n)?|duplikat|rechnungskopie|copie|duplicata|copia|duplicado|reenviar|renvoyer|nochmals|erneut|again|à nouveau|de nouveau|otra vez|de nuevo|nogmaals|nog een keer sturen|opnieuw (?:sturen|toesturen))\b|\b(?:can't|cannot|could not|couldn't) find\b|\bnicht (?:mehr )?finden\b|\bne (?:la|le|les) retrouve\b|\bno (?:la |lo )?encuentro\b|\bkan\b.{0,30}\bniet (?:meer )?vinden\b/iu);
const ASK = ub(
  /\b(?:send|sent|resend|forward|provide|share|e-?mail (?:me|us)|need (?:a |an |the )?(?:copy|copies|statement|pdf)|need a copy|schicken|senden|zusenden|zukommen lassen|übermitteln|benötigen|brauchen|transmettre|faire parvenir|envoyer|renvoyer|besoin d'une?|renvoyer|peux|pouvez|enviar|envíe|envíen|mandar|manda|mandáis|reenviar|necesitamos|necesito|sturen|toesturen|opsturen|nodig)\b/iu,
);
/** What is asked for must be ours: an invoice, a statement, or an invoice number. */
const INVOICE_WORD = ub(/\b(?:invoices?|inv|rechnung(?:en)?|factures?|facturas?|facturen|factuur)\b/iu);
/** "We never received invoice X": a request to send it (again). */
const NOT_RECEIVED = ub(/\b(?:never|not|haven't|have not|didn't|did not)\b.{0,15}\breceived\b.{0,20}\binvoices?\b|\b(?:rechnung|facture|factura|factuur)\b.{0,30}\b(?:nicht erhalten|nie erhalten|pas reçu|jamais reçu|no (?:hemos )?recibido|nunca recibimos|niet ontvangen|nooit ontvangen)\b/iu);
const HAVE = ub(/\b(?:already (?:have|had|got)|no need|have received|haben (?:den|die|das) .{0,20} (?:erhalten|bekommen)|avons bien reçu|ya tenemos|hemos recibido|hebben .{0,20} ontvangen)\b/iu);

/** One request per message: invoices named in the asking sentence, statement when one is asked for. */
export function detectCopyRequest(reading: Reading): CopyRequest[] {
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    if (NOT_RECEIVED.test(segment.text) && invoicesIn(segment.text, reading).length > 0) {
      return [{ intent: 'invoice_copy_request', invoices: invoicesIn(segment.text, reading), statement: false, evidence: evidenceOf(segment), confidence: 0.65, source: 'rule:invoice_copy_request.not_received', explanation: 'Says an invoice never arrived: send it again.' }];
    }
    const statement = STATEMENT.test(segment.text);
    if (!(statement || COPY.test(segment.text)) || !ASK.test(segment.text) || HAVE.test(segment.text)) continue;
    if (!statement && !INVOICE_WORD.test(segment.text) && invoicesIn(segment.text, reading).length === 0) continue;
    return [
      {
        intent: 'invoice_copy_request',
        invoices: COPY.test(segment.text) ? invoicesIn(segment.text, reading) : [],
        statement,
        evidence: evidenceOf(segment),
        confidence: 0.8,
        source: 'rule:invoice_copy_request',
        explanation: statement ? 'Asks for a statement of account.' : 'Asks for copies of invoices.',
      },
    ];
  }
  return [];
}
