/** Personal API tokens: `psk_` + 32 random bytes; only a SHA-256 hash is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, organizations, users } from '../db/schema';
import { AppError } from '../lib/errors';
import { orgSettingsColumns } from '../services/org/get-org-settings';
import type { Verifier } from './verifier';

export const TOKEN_PREFIX = 'psk_';

/** A new random token secret. */
export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form of a token secret. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Recognises `Bearer psk_…` and resolves it to the token's user and organisation (with its settings). */
export const apiTokenVerifier: Verifier = async ({ bearer, db }) => {
  if (!bearer?.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: users.id,
      orgId: users.orgId,
      email: users.email,
      name: users.name,
      role: users.role,
      org: orgSettingsColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(apiTokens.tokenHash, hashToken(bearer)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) throw new AppError('unauthorized', 'The API token is not valid or has been revoked');
  return { userId: row.userId, orgId: row.orgId, email: row.email, name: row.name, role: row.role, via: 'api-token', org: row.org };
};
