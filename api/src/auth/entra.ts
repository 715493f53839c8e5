/**
 * Microsoft Entra access tokens from the Outlook add-in (MSAL nested app
 * authentication): v2.0 tokens for our API only, mapped to a Payside user by
 * tenant (organizations.entra_tenant_id) and email.
 */
import { and, eq, sql } from 'drizzle-orm';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { organizations, users } from '../db/schema';
import { AppError } from '../lib/errors';
import type { Verifier } from './verifier';

export interface EntraConfig {
  /** The API's application (client) id: the `aud` of every v2.0 access token for it. */
  clientId: string;
  /** Microsoft's signing keys; a local key set in tests. */
  jwksUrl?: string;
  /** The delegated scope the add-in must have been granted (`scp`). */
  scope?: string;
  clockToleranceSeconds?: number;
}

export const ENTRA_DEFAULT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
export const ENTRA_DEFAULT_SCOPE = 'access_as_user';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Issuers Microsoft's identity platform uses (v2.0 and v1.0): tokens we recognise, to accept or reject. */
const MICROSOFT_ISSUER = /^https:\/\/(login\.microsoftonline\.com|sts\.windows\.net)\//;

/** One remote key set per URL per process: jose caches the keys and refetches on an unknown `kid`. */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const keySetFor = (url: string) => {
  let keySet = keySets.get(url);
  if (!keySet) keySets.set(url, (keySet = createRemoteJWKSet(new URL(url))));
  return keySet;
};

const reject = (reason: string) => new AppError('unauthorized', `The Microsoft access token was rejected: ${reason}`);

/** Accepts Microsoft Entra v2.0 access tokens for this API and resolves their Payside user. */
export function entraVerifier(config: EntraConfig): Verifier {
  const scope = config.scope ?? ENTRA_DEFAULT_SCOPE;
  const keySet = keySetFor(config.jwksUrl ?? ENTRA_DEFAULT_JWKS_URL);
  return async ({ bearer, db }) => {
    if (!bearer || !JWT_SHAPE.test(bearer) || !isMicrosoftToken(bearer)) return null;
    const claims = await verifyEntraToken(bearer, keySet, config.clientId, scope, config.clockToleranceSeconds ?? 60);

    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.entraTenantId, claims.tid));
    if (!org) throw new AppError('unauthorized', `Your Microsoft 365 organisation (tenant ${claims.tid}) is not connected to Payside; an administrator runs "payside org set-entra-tenant"`);
    const [user] = await db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.orgId, org.id), eq(sql`lower(${users.email})`, claims.email)));
    if (!user) throw new AppError('unauthorized', `Your Microsoft 365 account (${claims.email}) is not a Payside user of this organisation`);
    return { userId: user.id, orgId: org.id, email: user.email, name: user.name, role: user.role, via: 'entra' };
  };
}

/** Whether an (unverified) JWT claims a Microsoft issuer; others are left to the next verifier. */
function isMicrosoftToken(bearer: string): boolean {
  try {
    const iss = decodeJwt(bearer).iss;
    return typeof iss === 'string' && MICROSOFT_ISSUER.test(iss);
  } catch {
    return false;
  }
}

interface EntraClaims {
  tid: string;
  email: string;
}

/**
 * Signature (RS256 only, so `alg: none` and HMAC tokens fail), audience, expiry,
 * then the v2.0-specific checks jose cannot express: `ver`, the issuer of the
 * token's own tenant (multi-tenant), and the delegated scope.
 * @see https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 * @see https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference (v2.0 `aud` is always the API's client id)
 */
async function verifyEntraToken(
  bearer: string,
  keySet: ReturnType<typeof createRemoteJWKSet>,
  clientId: string,
  scope: string,
  clockTolerance: number,
): Promise<EntraClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(bearer, keySet, { algorithms: ['RS256'], audience: clientId, clockTolerance, requiredClaims: ['exp', 'iss', 'tid'] }));
  } catch (error) {
    throw describeJoseFailure(error);
  }
  if (payload.ver !== '2.0') throw reject(`it is a v${String(payload.ver ?? '?')} token; the API accepts v2.0 access tokens only`);
  const tid = String(payload.tid).toLowerCase();
  if (!GUID.test(tid)) throw reject('the tenant id (tid) is not a GUID');
  if (payload.iss !== `https://login.microsoftonline.com/${tid}/v2.0`) throw reject("the issuer is not the token's own tenant");
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(scope)) throw reject(`it lacks the "${scope}" scope`);
  const email = [payload.preferred_username, payload.email, payload.upn].find((v): v is string => typeof v === 'string' && v.includes('@'));
  if (!email) throw reject('it names no email address (preferred_username, email or upn)');
  return { tid, email: email.trim().toLowerCase() };
}

/** Maps jose's failures to a 401 naming the reason, or a 503 when Microsoft's key set cannot be fetched. */
function describeJoseFailure(error: unknown): AppError {
  // jose throws a generic JOSEError for a non-200 key-set response and passes network errors through.
  const unreachable = !(error instanceof errors.JOSEError) || error.code === 'ERR_JOSE_GENERIC' || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
  if (unreachable) {
    return new AppError('service_unavailable', "Microsoft's signing keys could not be fetched to check the sign-in; try again shortly");
  }
  if (error instanceof errors.JWTExpired) return reject('it has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return reject(`the "${error.claim}" claim is not valid for this API`);
  if (error instanceof errors.JOSEAlgNotAllowed) return reject('it is not signed with RS256');
  if (error instanceof errors.JWKSNoMatchingKey) return reject("it is not signed by one of Microsoft's keys");
  if (error instanceof errors.JWSSignatureVerificationFailed) return reject('the signature does not verify');
  return reject('it is not a valid signed JWT');
}
