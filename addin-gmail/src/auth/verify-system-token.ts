/**
 * Proves a request comes from Google on behalf of this add-on deployment: the
 * `Authorization: Bearer` system ID token is signed by Google, issued for the exact
 * URL that was called, and names the deployment's service account.
 * @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes#validate-requests
 */
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../../api/src/lib/errors';

/** Google signs ID tokens with either spelling of its issuer. */
export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

export interface SystemTokenCheck {
  keys: JWTVerifyGetKey;
  /** The public URL of the endpoint that was called. */
  audience: string;
  serviceAccount: string;
}

/** Throws `unauthorized` (401) unless the bearer is a valid system ID token for this endpoint. */
export async function verifySystemToken(bearer: string | undefined, check: SystemTokenCheck): Promise<void> {
  if (!bearer) throw new AppError('unauthorized', 'Send the Google system ID token as "Authorization: Bearer <token>"');
  const payload = await verifyGoogleIdToken(bearer, check.keys, check.audience, 'system ID token');
  if (payload.email_verified !== true || String(payload.email ?? '').toLowerCase() !== check.serviceAccount) {
    throw new AppError('unauthorized', "The system ID token is not from this add-on's service account");
  }
}

/** Verifies a Google-signed ID token (RS256, Google issuer, audience, expiry); 401 with the reason otherwise. */
export async function verifyGoogleIdToken(token: string, keys: JWTVerifyGetKey, audience: string, what: string) {
  try {
    const { payload } = await jwtVerify(token, keys, { issuer: GOOGLE_ISSUERS, audience, algorithms: ['RS256'], clockTolerance: 30 });
    return payload;
  } catch (err) {
    throw new AppError('unauthorized', `The ${what} is not valid: ${describeJoseError(err)}`);
  }
}

function describeJoseError(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'it has expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `claim "${err.claim}" is wrong`;
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return 'it is not signed by Google';
  if (err instanceof errors.JOSEError) return err.code;
  return 'Google\'s signing keys could not be read';
}
