/**
 * One load scenario with autocannon: a short warm-up, then the measured run, reading the
 * server's own time per request from the `Server-Timing` header.
 */
import autocannon from 'autocannon';
import type { BenchRequest } from './scenarios';

/** Throughput, client-side latency and the server's own time of one scenario. */
export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Median and p99 of Server-Timing durations; null when the server sends none. */
  serverMs: number | null;
  serverP99Ms: number | null;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  baseUrl: string;
  token?: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  next: () => BenchRequest;
}

/** `app;dur=1.2, total;dur=3.4` → the app's duration, else the total, else the first. */
export function serverDuration(header: string | undefined): number | null {
  if (!header) return null;
  const durations = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.map((p) => /^\s*dur=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name && dur) durations.set(name.trim(), Number(dur));
  }
  return durations.get('app') ?? durations.get('total') ?? [...durations.values()][0] ?? null;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;

/**
 * One request sent on its own once a run ends: it queues behind whatever the server still
 * has in flight, so the next run starts on an idle server.
 */
async function drain(options: LoadOptions): Promise<void> {
  const request = options.next();
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
  await (await fetch(`${options.baseUrl}${request.path}`, { method: request.method, body: request.body, headers })).arrayBuffer();
}

/** Runs the warm-up (results discarded), then the measured run, each followed by a drain. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const durations: number[] = [];
  const run = (seconds: number, record: boolean) =>
    autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration: seconds,
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      requests: [
        {
          setupRequest: (request) => ({ ...request, ...options.next() }),
          onResponse: (_status, _body, _context, headers) => {
            if (!record || durations.length >= 200_000) return;
            const dur = serverDuration(headers['server-timing']);
            if (dur !== null) durations.push(dur);
          },
        },
      ],
    });
  if (options.warmupSeconds > 0) await run(options.warmupSeconds, false);
  await drain(options);
  const result = await run(options.seconds, true);
  await drain(options);
  durations.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.total / Math.max(result.duration, 0.001)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverMs: percentile(durations, 50),
    serverP99Ms: percentile(durations, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
