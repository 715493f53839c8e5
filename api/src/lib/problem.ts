/** Writes every error as application/problem+json (RFC 9457) with the request id. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldError, statusOf, titleOf } from './errors';
import { describeError } from './request-log';

const codeForStatus = (status: number): ErrorCode =>
  (Object.entries(statusOf).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ??
  (status >= 500 ? 'internal' : 'bad_request');

/** Renders a problem response. */
export function problem(c: Context, code: ErrorCode, detail: string, fields?: FieldError[], extensions?: Record<string, string>) {
  const status = statusOf[code];
  const body = {
    type: `https://payside.dev/problems/${code.replace(/_/g, '-')}`,
    title: titleOf[code],
    status,
    detail,
    code,
    requestId: (c.get('requestId') as string | undefined) ?? '',
    ...(fields?.length ? { errors: fields } : {}),
    ...extensions,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}

/** zod issues → field errors ("messages.0.from": "Invalid email address"). */
export function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: [prefix, path].filter(Boolean).join('.') || '(body)', message: issue.message };
  });
}

/** Postgres error codes that mean bad input rather than a bug. */
const pgInputErrors: Record<string, ErrorCode> = {
  '23505': 'conflict',
  '23503': 'conflict',
  '22003': 'validation_failed',
  '22P02': 'bad_request',
  '22007': 'bad_request',
  '22008': 'bad_request',
  '22001': 'validation_failed',
};

/** The app's onError: known errors become their problem, anything else a logged 500. */
export function handleError(err: Error, c: Context, log: (line: Record<string, unknown>) => void) {
  if (err instanceof AppError) return problem(c, err.code, err.message, err.fields, err.extensions);
  if (err instanceof HTTPException) {
    const code = codeForStatus(err.status);
    return problem(c, code, err.message || titleOf[code]);
  }
  const known = inputErrorOf(err);
  if (known) return problem(c, known.code, known.message);
  log({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), error: describeError(err) });
  return problem(c, 'internal', 'Something went wrong on our side; the request id identifies it in our logs');
}

/** The AppError a database error stands for when bad input or the deadline caused it (not a bug), else undefined. */
export function inputErrorOf(err: unknown): AppError | undefined {
  const pgCode = findPgCode(err);
  if (pgCode === '57014') return new AppError('service_unavailable', 'The request took too long and was cancelled; nothing was changed');
  // character_not_in_repertoire / untranslatable_character: a NUL in text or in JSON stored as jsonb.
  if (pgCode === '22021' || pgCode === '22P05') return new AppError('validation_failed', 'Text may not contain NUL (\\u0000) characters');
  // check_violation: a ledger invariant the database enforces (migration 0006) names what it refused.
  if (pgCode === '23514') return new AppError('validation_failed', `The ledger would break an invariant; nothing was changed: ${findPgError(err)?.message ?? 'check failed'}`);
  if (pgCode && pgInputErrors[pgCode]) return new AppError(pgInputErrors[pgCode], 'The request conflicts with stored data or is out of range');
  return undefined;
}

function findPgCode(err: unknown): string | undefined {
  return findPgError(err)?.code;
}

/** The database error in a chain of causes (drizzle wraps the driver's). */
function findPgError(err: unknown): { code: string; message?: string } | undefined {
  for (let e = err as { code?: unknown; message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, message: e.message };
  }
  return undefined;
}
