/**
 * A deadline per request: past it the client gets a 503 problem at once, the work left
 * behind sees `signal` aborted, and its tenant transaction (whose statement_timeout is
 * the time left) rolls back instead of committing after the client gave up.
 */
import { createMiddleware } from 'hono/factory';
import { problem } from './problem';
import type { AppEnv } from './types';

export interface RequestDeadline {
  /** Aborted when the deadline passes. */
  signal: AbortSignal;
  /** `performance.now()` at which the request expires. */
  expiresAt: number;
}

/** Milliseconds left before the deadline (0 when it has passed). */
export const timeLeft = (deadline: RequestDeadline) => Math.max(0, Math.floor(deadline.expiresAt - performance.now()));

/** The middleware; `log` hears about abandoned work when it finally settles. */
export function requestDeadline(timeoutMs: number, log: (line: Record<string, unknown>) => void) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const controller = new AbortController();
    const started = performance.now();
    c.set('deadline', { signal: controller.signal, expiresAt: started + timeoutMs });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    const work = next().then(() => 'done' as const);
    const outcome = await Promise.race([work, expired]);
    clearTimeout(timer);
    if (outcome === 'done') return;
    controller.abort();
    const requestId = c.get('requestId');
    void work.then(
      () => log({ level: 'info', msg: 'abandoned request settled', requestId, ms: Math.round(performance.now() - started) }),
      () => log({ level: 'info', msg: 'abandoned request settled', requestId, ms: Math.round(performance.now() - started) }),
    );
    c.res = problem(c, 'service_unavailable', `The request took longer than ${timeoutMs} ms and was cancelled; nothing was changed`);
  });
}
