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
const problem = (description: string) => ({ description, content: problemContent });
/** What any operation can answer besides its own responses: the pipeline's refusals (auth, limits, deadline) and validation. */
const commonProblems = {
  400: problem('Malformed request (JSON that does not parse, a query that does not decode)'),
  401: problem('Missing or invalid token'),
  404: problem('Not found (also for ids of another organisation)'),
  413: problem('Body too large'),
  422: problem('Validation failed; `errors` names the fields'),
  429: problem('Too many requests from this caller; `Retry-After` says when to try again'),
  503: problem('The request outlived the server\'s deadline; nothing it did was kept'),
};

/** The problems an operation documents: the common ones, 403 below its role's floor, 409 and 415 where it takes a body or writes. */
function problemResponses(role: TRole, method: string, hasBody: boolean) {
  return {
    ...commonProblems,
    ...(role !== 'viewer' ? { 403: problem('Role not allowed') } : {}),
    ...(method !== 'get' ? { 409: problem('Conflicts with what is stored (a duplicate, or a state that no longer allows it); nothing changed') } : {}),
    ...(hasBody ? { 415: problem('The body is not `application/json`') } : {}),
  };
}

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
    // A route's own description of a status (e.g. a 409 with the conflicting id) wins over the common one.
    responses: { ...problemResponses(role, String(rest.method), rest.request?.body !== undefined), ...responses },
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
