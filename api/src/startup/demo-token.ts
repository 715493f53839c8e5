import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { hashToken } from '../auth/api-token';
import type { Db } from '../db/client';
import { apiTokens, users } from '../db/schema';
import { createToken } from '../services/tokens/create-token';

/**
 * A demo organisation token (the admin's unless `email` names another user), kept
 * in the data folder so every `npm start` prints the same one (a hash alone cannot be shown again).
 */
export async function ensureDemoToken(
  db: Db,
  orgId: string,
  dataDir: string,
  options: { file?: string; email?: string; tokenName?: string } = {},
): Promise<string> {
  const file = join(dataDir, options.file ?? 'demo-token');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    const [live] = await db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)));
    if (live) return secret;
  }
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), options.email ? eq(users.email, options.email) : eq(users.role, 'admin')))
    .orderBy(asc(users.createdAt))
    .limit(1);
  const { secret } = await createToken(
    db,
    { orgId, email: user?.email ?? options.email ?? 'admin@example.com', role: user?.role ?? 'admin', userName: user?.name, tokenName: options.tokenName ?? 'demo (npm start)' },
    'system',
  );
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
