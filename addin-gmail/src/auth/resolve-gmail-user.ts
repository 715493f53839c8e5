/** The Payside user behind a Gmail add-on request: the verified user ID token's email, in exactly one organisation. */
import { eq } from 'drizzle-orm';
import type { JWTVerifyGetKey } from 'jose';
import type { Db } from '../../../api/src/db/client';
import { organizations, users } from '../../../api/src/db/schema';
import { AppError } from '../../../api/src/lib/errors';
import type { Principal } from '../../../api/src/lib/types';
import { verifyGoogleIdToken } from './verify-system-token';

/** Verifies `authorizationEventObject.userIdToken` (audience: the add-on's OAuth client id) and returns its email; 401 otherwise. */
export async function verifyUserIdToken(token: string | undefined, keys: JWTVerifyGetKey, clientId: string): Promise<string> {
  if (!token) throw new AppError('unauthorized', 'The event has no userIdToken: add the userinfo.email scope to the deployment');
  const payload = await verifyGoogleIdToken(token, keys, clientId, 'user ID token');
  const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : '';
  if (!email || payload.email_verified !== true) throw new AppError('unauthorized', 'The user ID token has no verified email address');
  return email;
}

/** Maps an email to its organisation user; `forbidden` when it is nobody's, or several organisations' (ambiguous). */
export async function findGmailUser(db: Db, email: string): Promise<Principal> {
  const rows = await db
    .select({ userId: users.id, orgId: users.orgId, email: users.email, name: users.name, role: users.role, orgName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(users.email, email))
    .limit(10);
  const [row] = rows;
  if (!row) throw new AppError('forbidden', `${email} is not a Payside user. Ask your Payside admin to add you, then reopen the message.`);
  if (rows.length > 1) {
    const orgs = rows.map((r) => r.orgName).join(', ');
    throw new AppError('forbidden', `${email} belongs to several Payside organisations (${orgs}); the Gmail add-on needs exactly one. Ask an admin to remove the extra accounts.`);
  }
  return { userId: row.userId, orgId: row.orgId, email: row.email, name: row.name, role: row.role, via: 'google' };
}
