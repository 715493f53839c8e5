/**
 * Hostile Google add-on events for every /gmail endpoint: Google's envelope with odd
 * message ids, recipients, form inputs and button parameters (validly signed, so they
 * reach the handlers), mutated envelopes, and bodies that are not events at all.
 */
import fc from 'fast-check';
import { signParameters } from '../../addin-gmail/src/auth/sign-parameters';
import { applyMutation, bogusDate, hostileString, hostileValue, mutation, rawHostileBody, toJsonText } from './fuzz-hostile';

export interface GmailFuzzWorld {
  secret: string;
  userId: string;
  userIdToken: string;
  /** Real ids the buttons carry (customers, disputes) and a message the fake Gmail knows. */
  ids: string[];
  messageId: string;
}

export interface GmailCase {
  body: string;
  kind: string;
  /** Send Google's system token (else none, or a forged one). */
  auth: 'valid' | 'none' | 'garbage';
}

const FORM_FIELDS = ['name', 'email', 'phone', 'role', 'amount', 'currency', 'until', 'promisedDate', 'reason', 'note', 'body', 'description', 'invoiceIds', 'status', 'q', 'primary'];
const PARAM_KEYS = ['customerId', 'disputeId', 'form', 'surface', 'senderEmail', 'senderName'];

/** `usual` nine times in ten, else one of the others. */
const often = <T>(usual: T, ...others: T[]) => fc.oneof({ arbitrary: fc.constant(usual), weight: 9 }, { arbitrary: fc.constantFrom(...others), weight: 1 });

const text = () => fc.oneof({ arbitrary: hostileString().filter((s) => s.length < 20_000), weight: 3 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 }, { arbitrary: bogusDate(), weight: 1 });

/** Mostly the shape Google sends, with odd contents; sometimes not that shape at all. */
const formInput = () =>
  fc.oneof(
    { arbitrary: fc.array(text(), { minLength: 1, maxLength: 3 }).map((value) => ({ stringInputs: { value } })), weight: 8 },
    { arbitrary: fc.oneof(fc.constantFrom('-8640000000000001', '8640000000000001', '99999999999999999999', '0', '-1'), fc.integer({ min: -1e15, max: 1e15 }).map(String)).map((ms) => ({ dateInput: { msSinceEpoch: ms } })), weight: 2 },
    { arbitrary: hostileValue(), weight: 1 },
  );

/** One hostile event for the endpoint at `path`. */
export function gmailCases(path: string, world: GmailFuzzWorld): fc.Arbitrary<GmailCase> {
  const paramValue = fc.oneof({ arbitrary: fc.constantFrom(...world.ids), weight: 3 }, { arbitrary: fc.constantFrom('contact', 'dispute', 'promise', 'hold', 'note', 'home', 'message', 'compose'), weight: 2 }, { arbitrary: text(), weight: 2 });
  const envelope = fc.record({
    params: fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom(...PARAM_KEYS), weight: 9 }, { arbitrary: fc.constantFrom('__proto__', '_sig', '_exp'), weight: 1 }), paramValue, { maxKeys: 4 }),
    signed: often(true, false),
    formInputs: fc.dictionary(fc.constantFrom(...FORM_FIELDS), formInput(), { maxKeys: 4 }),
    messageId: fc.oneof(fc.constant(world.messageId), text()),
    threadId: fc.oneof(fc.constant(world.messageId), text()),
    to: fc.array(text(), { maxLength: 3 }),
    hostApp: often('GMAIL', 'DOCS', '', '\u0000'),
    userIdToken: often(world.userIdToken, '', 'eyJhbGciOiJub25lIn0.eyJlbWFpbCI6ImFAYi5jIn0.', 'x'.repeat(10_000)),
  }).map((e) => ({
    commonEventObject: {
      hostApp: e.hostApp,
      platform: 'WEB',
      userLocale: 'en-GB',
      timeZone: { id: 'Europe/London', offset: 0 },
      formInputs: e.formInputs,
      parameters: Object.fromEntries((e.signed ? signParameters({ secret: world.secret, path, userId: world.userId }, e.params) : Object.entries(e.params).map(([key, value]) => ({ key, value }))).map((p) => [p.key, p.value])),
    },
    authorizationEventObject: { userOAuthToken: 'ya29.fuzz', userIdToken: e.userIdToken },
    gmail: { messageId: e.messageId, threadId: e.threadId, accessToken: 'fuzz-access-token', toRecipients: e.to, ccRecipients: [] },
  }));
  const body = fc.oneof(
    { arbitrary: envelope.map((ev) => ({ body: toJsonText(ev), kind: 'event' })), weight: 6 },
    { arbitrary: fc.tuple(envelope, mutation()).map(([ev, m]) => ({ body: toJsonText(applyMutation(ev, m)), kind: `mutated event (${m.kind})` })), weight: 3 },
    { arbitrary: hostileValue().map((v) => ({ body: toJsonText(v), kind: 'hostile root' })), weight: 1 },
    { arbitrary: rawHostileBody().map((b) => ({ body: b, kind: 'raw text' })), weight: 1 },
  );
  return fc.record({ b: body, auth: often<GmailCase['auth']>('valid', 'none', 'garbage') }).map(({ b, auth }) => {
    const c: GmailCase = { ...b, auth };
    return Object.assign(c, { [fc.toStringMethod]: () => `${path} [${c.kind}, auth ${auth}] ${c.body.length > 600 ? `${c.body.slice(0, 600)}… (${c.body.length} chars)` : c.body}` });
  });
}
