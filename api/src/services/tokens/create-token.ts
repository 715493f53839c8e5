import type { TRole } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiTokens, auditLog, users } from '../../db/schema';
import { generateTokenSecret, hashToken } from '../../auth/api-token';

export interface CreateTokenInput {
  orgId: string;
  email: string;
  role: TRole;
  userName?: string;
  tokenName?: string;
}

/**
 * Creates a personal API token for a user of the organisation, adding the user
 * (or updating their role) first. Returns the secret once; only its hash is stored.
 */
export async function createToken(db: Db, input: CreateTokenInput, actorLabel = 'cli') {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(and(eq(users.orgId, input.orgId), eq(users.email, email)));
    let user = existing;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ orgId: input.orgId, email, name: input.userName ?? nameFromEmail(email), role: input.role })
        .returning();
      if (!user) throw new Error('insert returned nothing');
      await tx.insert(auditLog).values({ orgId: input.orgId, actorLabel, action: 'user.created', entityType: 'user', entityId: user.id, after: { email, role: input.role } });
    } else if (user.role !== input.role) {
      await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id));
      await tx.insert(auditLog).values({ orgId: input.orgId, actorLabel, action: 'user.role_changed', entityType: 'user', entityId: user.id, before: { role: user.role }, after: { role: input.role } });
      user = { ...user, role: input.role };
    }
    const secret = generateTokenSecret();
    const [token] = await tx
      .insert(apiTokens)
      .values({ orgId: input.orgId, userId: user.id, name: input.tokenName ?? 'personal token', tokenHash: hashToken(secret), prefix: secret.slice(0, 10) })
      .returning({ id: apiTokens.id });
    if (!token) throw new Error('insert returned nothing');
    await tx.insert(auditLog).values({ orgId: input.orgId, actorId: user.id, actorLabel, action: 'token.created', entityType: 'api_token', entityId: token.id, after: { name: input.tokenName ?? 'personal token', prefix: secret.slice(0, 10) } });
    return { secret, tokenId: token.id, user };
  });
}

/** "jane.doe@acme.com" → "Jane Doe". */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join(' ');
}
