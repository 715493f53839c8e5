/**
 * Structured request logs that cannot leak what callers send: one line per request
 * with ids only (request, actor, organisation), never headers, query strings or
 * bodies; error lines carry the error's name, code and stack frames, and a message
 * with quoted input, email addresses and credentials masked.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './types';

export type LogSink = (line: Record<string, unknown>) => void;

const EMAIL = /[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+/g;
const CREDENTIAL = /\b(?:(?:Bearer|Basic)\s+[^\s"',;]+|psk_[A-Za-z0-9_-]+|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?|ya29\.[A-Za-z0-9._-]+)/gi;
const QUOTED = /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g;
/** drizzle's "Failed query: … params: <the values>" */
const PARAMS = /\n?params:[\s\S]*$/;

/** Text with email addresses and tokens replaced by placeholders. */
export function maskSecrets(text: string): string {
  return text.replace(CREDENTIAL, '[credential]').replace(EMAIL, '[email]');
}

/** An error as it may be logged: name, database code, masked message, stack frames (no input). */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => maskSecrets(line.trim()));
  return {
    name: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: maskSecrets(err.message.replace(PARAMS, '').replace(QUOTED, '"…"')).slice(0, 300),
    ...(err.cause instanceof Error ? { cause: maskSecrets(err.cause.message.replace(QUOTED, '"…"')).slice(0, 300) } : {}),
    frames,
  };
}

/** One `request` line per request: method, masked path, status, time, and who asked (ids only). */
export function requestLogger(log: LogSink) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    const principal = c.get('principal') as { userId?: string; orgId?: string } | undefined;
    log({
      level: 'info',
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: maskSecrets(safeDecode(c.req.path)).slice(0, 300),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(principal ? { actorId: principal.userId, orgId: principal.orgId } : {}),
    });
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
