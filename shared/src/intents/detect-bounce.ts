/** bounce: a permanent delivery failure (DSN) and the address that failed. */
import { ub } from './word-boundary';
import type { TIntentSuggestion } from '../schemas/intents';
import { domainOf, findAddresses } from './people';
import type { Reading, Segment } from './types';

type Bounce = Extract<TIntentSuggestion, { intent: 'bounce' }>;

const SUBJECT = ub(/\b(?:undeliverable|undelivered|delivery status notification \(failure\)|failure notice|mail delivery (?:failed|failure|system)|returned mail|delivery failure|unzustellbar|nicht zustellbar|unzustellbare|non remis|non distribuable|échec de (?:la )?remise|no se puede entregar|no entregado|devuelto|onbestelbaar|niet afgeleverd|bezorging mislukt)\b/iu);
const FROM = ub(/^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|microsoftexchange[0-9a-f]*)@/i);
const PERMANENT = ub(/\b5\.\d{1,3}\.\d{1,3}\b|\b55\d\b/);
const DELAY = ub(/\b4\.\d{1,3}\.\d{1,3}\b|\b(?:will (?:retry|keep trying)|delayed|delay|verzögert|retardé|retrasad[oa]|vertraagd|wird erneut versucht|nouvelle tentative|volverá a intentar|opnieuw proberen)\b/iu);
const FAILURE_LINE = ub(/\b(?:wasn't delivered|couldn't be delivered|could not be delivered|delivery (?:has )?failed|failed|undeliverable|not be delivered|konnte nicht|fehlgeschlagen|nicht zugestellt|n'a pas pu être|échec|no se pudo|error al entregar|niet (?:worden )?afgeleverd|mislukt|no mailbox|does not exist|unknown user|user unknown|rejected|address not found)\b|^<[^>]+@[^>]+>:/iu);

/** A bounce when the sender or subject is a delivery system and the failure is permanent. */
export function detectBounce(reading: Reading): Bounce[] {
  const { message } = reading;
  const text = reading.newText;
  const systemSender = FROM.test(message.from.address) || SUBJECT.test(message.subject);
  if (!systemSender) return [];
  if (!PERMANENT.test(text) && DELAY.test(`${message.subject}\n${text}`)) return [];
  const own = new Set((reading.context.orgDomains ?? []).map((d) => d.toLowerCase()));
  const candidates = findAddresses(text).filter((a) => !FROM.test(a.address) && !own.has(domainOf(a.address)) && a.address !== message.from.address.toLowerCase());
  const failed = candidates[0] ?? null;
  const segment = evidenceSegment(reading, failed?.index ?? null);
  return [
    {
      intent: 'bounce',
      failedAddress: failed?.address ?? null,
      evidence: { field: segment.field, start: segment.start, end: segment.start + segment.text.length, text: segment.text },
      confidence: failed ? 0.95 : 0.7,
      source: 'rule:bounce',
      explanation: 'A delivery failure notice: the address did not receive our message.',
    },
  ];
}

function evidenceSegment(reading: Reading, addressAt: number | null): Segment {
  const text = reading.newText;
  if (addressAt !== null) {
    const start = text.lastIndexOf('\n', addressAt) + 1;
    const endAt = text.indexOf('\n', addressAt);
    return { field: 'body', start, text: text.slice(start, endAt < 0 ? text.length : endAt) };
  }
  const line = text.split('\n').find((l) => FAILURE_LINE.test(l));
  if (line) return { field: 'body', start: text.indexOf(line), text: line };
  return { field: 'subject', start: 0, text: reading.message.subject };
}
