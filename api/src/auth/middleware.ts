/** Authentication and role checks as Hono middleware. */
import type { TRole } from '@shared/schemas';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../lib/errors';
import { guardAnonymous, limitAnonymous, limitPrincipal } from '../lib/rate-limit';
import { withTenant } from '../lib/transaction';
import type { AppEnv } from '../lib/types';
import type { Verifier } from './verifier';

const rank: Record<TRole, number> = { viewer: 0, collector: 1, admin: 2 };

/** Whether a role may do what `min` requires (viewer < collector < admin). */
export const roleAllows = (role: TRole, min: TRole) => rank[role] >= rank[min];

/**
 * Resolves the caller with the first verifier that recognises the credential; 401
 * otherwise. The caller's request budget is spent here (lib/rate-limit.ts): the user's
 * once known, else the client IP's, which is checked before any credential is.
 */
export function authenticate() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const verifiers: Verifier[] = c.get('verifiers');
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    guardAnonymous(c);
    try {
      if (!bearer) throw new AppError('unauthorized', 'Send a token as "Authorization: Bearer <token>"');
      for (const verify of verifiers) {
        const principal = await verify({ bearer, headers: c.req.raw.headers, db: c.get('db') });
        if (principal) {
          c.set('principal', principal);
          limitPrincipal(c, principal);
          return next();
        }
      }
      throw new AppError('unauthorized', 'The token is not recognised');
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthorized') limitAnonymous(c);
      throw err;
    }
  });
}

/** 403 unless the caller's role is at least `min`. */
export function requireRole(min: TRole) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.get('principal');
    if (!roleAllows(role, min)) throw new AppError('forbidden', `This needs the ${min} role; you are a ${role}`);
    return next();
  });
}

/** Thrown inside the tenant transaction to roll it back after onError already answered. */
class RollbackAfterError extends Error {}

/**
 * Runs the rest of the request in one transaction as the app role with the
 * caller's organisation set (PostgreSQL row-level security); a failed request
 * is rolled back, so it stores nothing.
 */
export function tenantScope() {
  return createMiddleware<AppEnv>(async (c, next) => {
    try {
      await withTenant(
        c.get('db'),
        c.get('principal').orgId,
        async (tx) => {
          c.set('db', tx);
          await next();
          if (c.error) throw new RollbackAfterError();
        },
        c.get('deadline'),
      );
    } catch (err) {
      if (!(err instanceof RollbackAfterError)) throw err;
    }
  });
}
