/** detectIntents(message, context): the rule-based reading of a customer's e-mail into suggestions with evidence. */
import { detectBounce } from './detect-bounce';
import { detectContactChanges } from './detect-contact-change';
import { detectCopyRequest } from './detect-copy-request';
import { detectDispute } from './detect-dispute';
import { detectOutOfOffice } from './detect-out-of-office';
import { detectPastPayments } from './detect-past-payment';
import { detectPaymentDifficulty } from './detect-payment-difficulty';
import { detectProcessRequirements } from './detect-process-requirement';
import { detectPromises } from './detect-promise';
import { domainOf } from './people';
import { readMessage } from './reading';
import type { Detector, IntentContext, IntentMessage, TIntentSuggestion } from './types';

const CONVERSATIONAL: Detector[] = [detectPromises, detectPastPayments, detectDispute, detectCopyRequest, detectContactChanges, detectProcessRequirements, detectPaymentDifficulty];

/** Suggestions for a message; none for messages written by the org itself. */
export function detectIntents(message: IntentMessage, context: IntentContext): TIntentSuggestion[] {
  const sender = domainOf(message.from.address ?? '');
  if ((context.orgDomains ?? []).some((d) => sender === d.toLowerCase() || sender.endsWith(`.${d.toLowerCase()}`))) return [];
  const reading = readMessage(message, context);
  const bounce = detectBounce(reading);
  if (bounce.length > 0) return bounce;
  const absence = detectOutOfOffice(reading);
  if (absence.length > 0 && isAutoReply(message)) return [...absence, ...detectContactChanges(reading)];
  return [...absence, ...CONVERSATIONAL.flatMap((detect) => detect(reading))];
}

function isAutoReply(message: IntentMessage): boolean {
  return /^(?:automatic reply|auto(?:matische)?[- ]?(?:reply|antwort)|abwesenheit|réponse automatique|respuesta automática|automatisch antwoord|out of office)/iu.test(message.subject);
}
