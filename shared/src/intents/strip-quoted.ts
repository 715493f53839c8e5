/**
 * Separates the new message from what it quotes: replies in the common clients' formats,
 * forwarded messages, the copy of the original inside a bounce, and the sender's sign-off,
 * signature and disclaimer. Crisp's email-reply-parser is a second opinion on reply headers.
 */
import EmailReplyParser from 'email-reply-parser';

/** Longest new text we read: beyond it a "message" is a pasted document, and the work stays bounded. */
export const MAX_NEW_TEXT = 20_000;

const QUOTE_LINE = [
  /^>/,
  /^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht|Original message)\s*-{2,}/i,
  /^-{3,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht)/i,
  /^(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|Inicio del mensaje reenviado|Begin doorgestuurd bericht)\s*:/i,
  /^(?:On|Am|Le|El|Op)\s.{4,200}\s(?:wrote|schrieb|a écrit|escribió|schreef)\s?.{0,80}:\s*$/i,
  /^(?:Original message headers|Reporting-MTA|--- Below this line is a copy of the message|-{3,} This is a copy of the message)/i,
];
const HEADER_FROM = /^\*?(?:From|Von|De|Van|Da)\s?:/i;
const HEADER_NEXT = /^\*?(?:Sent|Gesendet|Envoyé|Enviado|Verzonden|Date|Datum|Fecha|Inviato)\s?:/i;

const SIGN_OFF =
  /^(?:(?:kind|best|warm|many|with)?\s*(?:regards|wishes|thanks)|thank you|thanks(?: again| so much)?|cheers|best|br|rgds|yours(?: sincerely| faithfully)?|sincerely|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|beste grüße|liebe grüße|herzliche grüße|gruß|grüße|mfg|lg|cordialement|bien cordialement|sincères salutations|salutations|bien à vous|meilleures salutations|merci(?: d'avance| beaucoup)?|saludos(?: cordiales)?|un saludo(?: cordial)?|atentamente|cordiales saludos|gracias|muchas gracias|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|groet(?:en|jes)?|mvg|alvast bedankt|bedankt|dank je wel|dank u wel)[\s,.!]*$/iu;
const SIGNATURE_START = /^(?:--\s*$|__+\s*$|sent from my|envoyé de mon|von meinem .* gesendet|enviado desde mi|verzonden vanaf mijn|get outlook for)/i;

export interface NewText {
  /** Length of the new text: it is bodyText.slice(0, end). */
  end: number;
  /** Where the sign-off / signature starts (≤ end). */
  signatureStart: number;
}

/** Finds where the new text ends and where its signature starts; both are offsets in `body`. */
export function splitNewText(body: string): NewText {
  const limit = Math.min(body.length, MAX_NEW_TEXT);
  let end = limit;
  let offset = 0;
  const lines = body.slice(0, limit).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = (lines[i + 1] ?? '').trim();
    if (QUOTE_LINE.some((re) => re.test(line)) || (HEADER_FROM.test(line) && HEADER_NEXT.test(next))) {
      end = offset;
      break;
    }
    offset += lines[i]!.length + 1;
  }
  // Only when no known marker was found: the library's wider list of reply headers is the fallback.
  if (end === limit) end = Math.min(end, replyParserEnd(body.slice(0, end)));
  return { end, signatureStart: findSignatureStart(body.slice(0, end)) };
}

/** Where Crisp's parser sees the first quoted fragment (a reply header it knows that we do not). */
function replyParserEnd(text: string): number {
  try {
    const fragments = new EmailReplyParser().read(text).getFragments();
    let at = 0;
    for (const fragment of fragments) {
      const content = fragment.getContent();
      const found = content ? text.indexOf(content.split('\n')[0]!, at) : -1;
      if (fragment.isQuoted() && found >= 0) return found;
      if (found >= 0) at = found + 1;
    }
  } catch {
    // The parser is a second opinion only.
  }
  return text.length;
}

/** The first sign-off or signature line after some content, else the end. */
function findSignatureStart(text: string): number {
  let offset = 0;
  let seenContent = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (seenContent && (SIGN_OFF.test(line) || SIGNATURE_START.test(line))) return offset;
    if (line.length > 0 && !/^(?:hi|hello|dear|hallo|guten tag|bonjour|hola|buenos días|beste|goedemiddag|goedemorgen)\b/i.test(line)) seenContent = true;
    offset += raw.length + 1;
  }
  return text.length;
}
