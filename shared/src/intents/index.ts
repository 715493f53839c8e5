export { detectIntents } from './detect-intents';
export { findAmounts, normaliseNumber } from './amounts';
export { findDate, findDates } from './dates';
export { splitNewText, MAX_NEW_TEXT } from './strip-quoted';
export type { IntentContext, IntentMessage, ContextInvoice, ContextContact } from './types';
