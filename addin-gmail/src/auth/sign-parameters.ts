/**
 * Button parameters travel through Google and back in `commonEventObject.parameters`.
 * They are signed (HMAC-SHA256 over the endpoint, the user, an expiry and every
 * parameter), so a changed id, a button replayed by another user or at another
 * endpoint, or a stale card is refused before anything runs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../api/src/lib/errors';

const SIG = '_sig';
const EXP = '_exp';
/** A card's buttons work for a week; reopening the message renders fresh ones. */
export const PARAMETER_TTL_SECONDS = 7 * 24 * 3600;

export interface SignatureScope {
  secret: string;
  /** The endpoint path the button posts to. */
  path: string;
  userId: string;
}

const mac = (scope: SignatureScope, exp: string, params: Record<string, string>) =>
  createHmac('sha256', scope.secret)
    .update(JSON.stringify([scope.path, scope.userId, exp, Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .digest('base64url');

/** The action parameters for a button: the given ones plus expiry and signature. */
export function signParameters(scope: SignatureScope, params: Record<string, string>, now = Date.now()): Array<{ key: string; value: string }> {
  const exp = String(Math.floor(now / 1000) + PARAMETER_TTL_SECONDS);
  const all = { ...params, [EXP]: exp, [SIG]: mac(scope, exp, params) };
  return Object.entries(all).map(([key, value]) => ({ key, value }));
}

/** The parameters without expiry and signature; `forbidden` when they were altered, replayed elsewhere or expired. */
export function verifyParameters(scope: SignatureScope, received: Record<string, string> | undefined, now = Date.now()): Record<string, string> {
  const { [SIG]: sig, [EXP]: exp, ...params } = received ?? {};
  const stale = new AppError('bad_request', 'This button has expired or was altered. Reopen the message to get a fresh card.');
  if (!sig || !exp || !/^\d+$/.test(exp)) throw stale;
  const expected = Buffer.from(mac(scope, exp, params));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw stale;
  if (Number(exp) * 1000 < now) throw stale;
  return params;
}
