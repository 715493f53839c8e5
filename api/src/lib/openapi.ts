/** Helpers that keep route definitions short: bodies, responses, roles, errors. */
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { ZProblem, type TRole } from '@shared/schemas';
import type { Context } from 'hono';
import type { z } from 'zod';
import { authenticate, requireRole, tenantScope } from '../auth/middleware';
import { AppError } from './errors';
import { fieldErrors } from './problem';
import { findUnstorableText } from './unstorable-text';
import type { AppEnv, ServiceContext } from './types';

const problemContent = { 'application/problem+json': { schema: ZProblem } };
const problemResponses = {
  400: { description: 'Malformed request', content: problemContent },
  401: { description: 'Missing or invalid token', content: problemContent },
  403: { description: 'Role not allowed', content: problemContent },
  404: { description: 'Not found (also for ids of another organisation)', content: problemContent },
  413: { description: 'Body too large', content: problemContent },
  422: { description: 'Validation failed; `errors` names the fields', content: problemContent },
} as const;

/** A JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** A JSON response. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

type RouteSpec = Omit<RouteConfig, 'responses' | 'middleware' | 'security'> & {
  /** The least role allowed to call it. */
  role: TRole;
  responses: RouteConfig['responses'];
};

/** A documented, role-checked route; every route also documents the problem responses. */
export function defineRoute<const S extends RouteSpec>(spec: S) {
  const { role, responses, ...rest } = spec;
  return createRoute({
    ...rest,
    security: [{ bearer: [] }],
    description: `${rest.description ?? ''}\n\nRequires role: **${role}** or higher.`.trim(),
    'x-payside-role': role,
    middleware: [authenticate(), requireRole(role), tenantScope()] as const,
    responses: { ...responses, ...problemResponses },
  } as unknown as S & { middleware: [ReturnType<typeof authenticate>, ReturnType<typeof requireRole>, ReturnType<typeof tenantScope>]; security: Array<Record<string, string[]>> });
}

/** An OpenAPIHono whose validation failures become 422 problems naming the fields. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      const target = (result as { target?: string }).target;
      const prefix = target && target !== 'json' ? target : undefined;
      if (!result.success) throw new AppError('validation_failed', 'The request has invalid fields', fieldErrors(result.error as z.ZodError, prefix));
      const unstorable = findUnstorableText(result.data);
      if (unstorable !== undefined) {
        const field = [prefix, unstorable].filter(Boolean).join('.') || '(body)';
        throw new AppError('validation_failed', 'The request has invalid fields', [{ field, message: 'contains a NUL character or an unpaired UTF-16 surrogate' }]);
      }
    },
  });
}

/** The service context of the authenticated caller. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const principal = c.get('principal');
  return {
    db: c.get('db'),
    orgId: principal.orgId,
    actor: { userId: principal.userId, label: principal.email },
    requestId: c.get('requestId'),
  };
}
