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
import { AUTO_REPLY_SUBJECT } from './detect-out-of-office';
import { domainOf } from './people';
import { readMessage } from './reading';
import type { Detector, IntentContext, IntentMessage, TIntentSuggestion } from './types';

const CONVERSATIONAL: Detector[] = [detectPromises, detectPastPayments, detectDispute, detectCopyRequest, detectContactChanges, detectProcessRequirements, detectPaymentDifficulty];

/** Suggestions for a message; none for messages written by the org itself. */
export function detectIntents(message: IntentMessage, context: IntentContext): TIntentSuggestion[] {
  const reading = readMessage(message, context);
  // A bounce comes from the org's own mail server (or a mailer daemon) about the customer's address.
  const bounce = detectBounce(reading);
  if (bounce.length > 0) return bounce;
  const sender = domainOf(message.from.address ?? '');
  if ((context.orgDomains ?? []).some((d) => sender === d.toLowerCase() || sender.endsWith(`.${d.toLowerCase()}`))) return [];
  const absence = detectOutOfOffice(reading);
  if (absence.length > 0) return [...absence, ...detectContactChanges(reading).filter((c) => c.left)];
  if (isAutoReply(message)) return detectContactChanges(reading);
  return CONVERSATIONAL.flatMap((detect) => detect(reading));
}

function isAutoReply(message: IntentMessage): boolean {
  return AUTO_REPLY_SUBJECT.test(message.subject);
}
