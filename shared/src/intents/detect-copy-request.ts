/** invoice_copy_request: copies of named invoices, or a statement of account. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { evidenceOf, invoicesIn } from './reading';
import type { Reading } from './types';

type CopyRequest = Extract<TIntentSuggestion, { intent: 'invoice_copy_request' }>;

const STATEMENT = ub(/\b(?:statement(?: of account)?|account statement|kontoauszug|saldenbestätigung|op-liste|offene[- ]posten[- ]liste|kontenblatt|relevé(?: de compte)?|extrait de compte|estado de cuenta|extracto|rekeningoverzicht|saldo-?overzicht|overzicht (?:van )?(?:de |alle )?openstaande posten|saldobevestiging)\b/iu);
const COPY = ub(/\b(?:cop(?:y|ies)|duplicates?|pdfs?|xml|re-?send|resend|re-?issue|kopie(?:n)?|duplikat|rechnungskopie|copie|duplicata|copia|duplicado|reenviar|nog een keer sturen|opnieuw (?:sturen|toesturen))\b/iu);
const ASK =
  /\b(?:please|pls|could you|can you|would you|kindly|need|send|forward|require|bitte|können sie|könnten sie|benötigen|brauchen|schicken|senden|merci de|pourriez-vous|pouvez-vous|transmettre|faire parvenir|envoyer|besoin|podría|podrían|puede|pueden|me (?:manda|envía)|mandáis|enviar|necesitamos|kun je|kunt u|kunnen jullie|graag|sturen|toesturen|nodig)\b|[?]/iu;
const HAVE = ub(/\b(?:already have|have received|haben (?:den|die|das) (?:[^.]|\.(?=\S)|(?<=\d)\.){0,20} (?:erhalten|bekommen)|avons bien reçu|ya tenemos|hemos recibido|hebben (?:[^.]|\.(?=\S)|(?<=\d)\.){0,20} ontvangen)\b/iu);

/** One request per message: invoices named in the asking sentence, statement when one is asked for. */
export function detectCopyRequest(reading: Reading): CopyRequest[] {
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    const statement = STATEMENT.test(segment.text);
    if (!(statement || COPY.test(segment.text)) || !ASK.test(segment.text) || HAVE.test(segment.text)) continue;
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
