/** out_of_office: an automatic reply about the recipient's absence, its return date and stand-in. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import type { Lang } from './dates';
import { addDays } from './calendar';
import { findAddresses, nameBefore } from './people';
import { dateIn, evidenceOf } from './reading';
import type { Reading } from './types';

type OutOfOffice = Extract<TIntentSuggestion, { intent: 'out_of_office' }>;

const ABSENT: Array<[Lang, RegExp]> = [
  ['en', ub(/\b(?:out of (?:the )?office|on (?:annual |parental |maternity |paternity |sick )?leave|on holiday|on vacation|away from (?:the office|my desk)|not checking (?:my )?e-?mail|limited access to e-?mail|no access to e-?mail|(?:office|department) (?:is|will be) closed|closed for the|back on|automatic reply|auto-?reply)\b/iu)],
  ['de', ub(/\b(?:abwesend|nicht im (?:büro|haus)|außer haus|im urlaub|urlaubsbedingt|abwesenheitsnotiz|automatische antwort|wieder (?:für sie )?erreichbar|wieder im (?:haus|büro)|geschlossen)\b/iu)],
  ['fr', ub(/\b(?:absente?|en congé|en vacances|hors du bureau|de retour|réponse automatique|fermée?)\b/iu)],
  ['es', ub(/\b(?:fuera de la oficina|de vacaciones|ausente|de baja|respuesta automática|regreso el|cerrad[oa])\b/iu)],
  ['nl', ub(/\b(?:afwezig|niet aanwezig|met vakantie|op vakantie|niet op kantoor|automatisch antwoord|weer bereikbaar|weer aanwezig|gesloten)\b/iu)],
];
const RETURN = ub(/\b(?:back (?:on|in the office on)?|returning(?: on)?|return(?: on)?|reopens?(?: on)?|until|till|after|wieder|zurück|bis(?: einschließlich)?|ab dem|ab|de retour|retour|jusqu'au|dès le|à partir du|regreso|vuelvo|hasta|a partir del|tot(?: en met)?|t\/m|vanaf)\b/iu);
const INCLUSIVE = ub(/\b(?:inclusive|inclusief|einschließlich|inclus|incluido|tot en met|t\/m)\b/iu);
/** Subjects clients put on automatic replies (an autoreply is recognised by its subject or its first sentence). */
export const AUTO_REPLY_SUBJECT = ub(/^(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|auto:|out of (?:the )?office|abwesen\w*|automatische antwort|betriebsferien|urlaub|réponse automatique|absence|absent|respuesta automática|fuera de la oficina|ausencia|absència|automatisch antwoord|afwezig\w*|autosvar|autoreply)/iu);
const FIRST_PERSON_ABSENT = ub(/^(?:(?:hello|hi|dear|hallo|bonjour|hola|beste|goedendag)\b[^.]{0,40})?\b(?:I am|I'm|I will be|we are|ich bin|wir sind|je suis|nous sommes|estoy|me encuentro|estamos|ik ben|wij zijn|we zijn)\b[^.]{0,30}\b(?:out of (?:the )?office|away|on (?:annual )?leave|on holiday|on vacation|abwesend|im urlaub|nicht im büro|absente?|en congé|en vacances|fuera de la oficina|de vacaciones|ausente|afwezig|met vakantie|op vakantie)\b/iu);
const NO_LONGER = ub(/\b(?:no longer|nicht mehr|ne (?:fait|travaille) plus|ya no|niet meer)\b/iu);

/** One per message: the first absence sentence; the return date and stand-in from the new text. */
export function detectOutOfOffice(reading: Reading): OutOfOffice[] {
  if (NO_LONGER.test(reading.newText)) return [];
  const subjectAuto = AUTO_REPLY_SUBJECT.test(reading.message.subject);
  const firstBody = reading.segments.find((s) => s.field === 'body');
  if (!subjectAuto && !(firstBody && FIRST_PERSON_ABSENT.test(firstBody.text))) return [];
  const segments = [...reading.segments.filter((s) => s.field === 'body'), ...reading.segments.filter((s) => s.field === 'subject')];
  for (const segment of segments) {
    const rule = ABSENT.find(([, re]) => re.test(segment.text));
    if (!rule || (!subjectAuto && /\b(?:we|I) (?:will|'ll) pay\b/i.test(segment.text))) continue;
    return [
      {
        intent: 'out_of_office',
        returnDate: returnDate(reading, rule[0]),
        alternateContact: alternateContact(reading),
        evidence: evidenceOf(segment),
        confidence: subjectAuto ? 0.95 : 0.8,
        source: `rule:out_of_office.${rule[0]}`,
        explanation: 'An automatic reply about an absence.',
      },
    ];
  }
  return [];
}

function returnDate(reading: Reading, lang: Lang): string | null {
  for (const segment of reading.segments) {
    if (segment.field !== 'body') continue;
    const m = RETURN.exec(segment.text);
    if (!m) continue;
    const found = dateIn(segment.text.slice(m.index), reading, 'future', lang);
    if (!found || found.kind === 'relative' || found.kind === 'offset') continue;
    return INCLUSIVE.test(segment.text) ? addDays(found.date, 1) : found.date;
  }
  return null;
}

function alternateContact(reading: Reading): OutOfOffice['alternateContact'] {
  const own = reading.message.from.address.toLowerCase();
  const text = reading.newText;
  const found = findAddresses(text).find((a) => a.address !== own && !(reading.context.orgDomains ?? []).some((d) => a.address.endsWith(`@${d}`)));
  if (!found) return null;
  return { name: nameBefore(text, found.index), address: found.address };
}
