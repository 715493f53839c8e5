/**
 * Per-caller rate limiting: one in-memory token bucket per authenticated user, and one
 * per client IP for requests without a valid credential (so guessing tokens is slow too).
 * Answers 429 problem+json with Retry-After; every limited response carries RateLimit-*.
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
 */
import type { Context } from 'hono';
import { AppError } from './errors';
import type { AppEnv, Principal } from './types';

export interface RateLimitOptions {
  /** Sustained requests per minute per caller. */
  perMinute: number;
  /** Requests a caller may make at once (the bucket's size). */
  burst: number;
  /** Use the last X-Forwarded-For hop as the client IP (only behind a trusted reverse proxy). */
  trustProxy?: boolean;
  /** Milliseconds clock; injectable so tests never sleep. */
  now?: () => number;
  /** Buckets kept at most; full buckets are forgotten first. */
  maxKeys?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until one request is allowed again (0 when allowed now). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A token-bucket limiter keyed by any string; `peek` looks without spending. */
export function createRateLimiter(options: RateLimitOptions) {
  const now = options.now ?? Date.now;
  const capacity = options.burst;
  const perMs = options.perMinute / 60_000;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, Bucket>();

  const refill = (key: string, t: number): Bucket => {
    const b = buckets.get(key);
    if (!b) return { tokens: capacity, at: t };
    return { tokens: Math.min(capacity, b.tokens + Math.max(0, t - b.at) * perMs), at: t };
  };
  const decide = (b: Bucket, allowed: boolean): RateLimitDecision => ({
    allowed,
    limit: capacity,
    remaining: Math.max(0, Math.floor(b.tokens)),
    resetSeconds: Math.ceil((capacity - b.tokens) / perMs / 1000),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)),
  });
  const forgetIdle = (t: number) => {
    if (buckets.size < maxKeys) return;
    for (const [key] of buckets) if (refill(key, t).tokens >= capacity) buckets.delete(key);
    for (const [key] of buckets) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    /** Spends one request of `key`'s budget if there is one. */
    take(key: string): RateLimitDecision {
      const t = now();
      const b = refill(key, t);
      const allowed = b.tokens >= 1;
      if (allowed) b.tokens -= 1;
      if (!buckets.has(key)) forgetIdle(t);
      buckets.delete(key);
      buckets.set(key, b);
      return decide(b, allowed);
    },
    /** What `take` would say, without spending. */
    peek(key: string): RateLimitDecision {
      const b = refill(key, now());
      return decide(b, b.tokens >= 1);
    },
    /** How many callers are remembered. */
    size: () => buckets.size,
    trustProxy: options.trustProxy ?? false,
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** The client address: the socket's peer, or the proxy-appended last X-Forwarded-For hop when trusted. */
export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = c.req.header('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean);
    if (hops?.length) return hops[hops.length - 1]!;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function apply(c: Context<AppEnv>, d: RateLimitDecision) {
  c.header('RateLimit-Limit', String(d.limit));
  c.header('RateLimit-Remaining', String(d.remaining));
  c.header('RateLimit-Reset', String(d.resetSeconds));
  if (d.allowed) return;
  c.header('Retry-After', String(d.retryAfterSeconds));
  throw new AppError('rate_limited', `Too many requests; try again in ${d.retryAfterSeconds} s`);
}

/** Spends one request of the authenticated caller's budget; 429 when it is used up. */
export function limitPrincipal(c: Context<AppEnv>, principal: Principal): void {
  const limiter = c.get('rateLimiter');
  if (limiter) apply(c, limiter.take(`user:${principal.userId}`));
}

/** Before a credential is checked: 429 when this client has used up its budget of failed attempts. */
export function guardAnonymous(c: Context<AppEnv>): void {
  const limiter = c.get('rateLimiter');
  if (!limiter) return;
  const d = limiter.peek(`ip:${clientIp(c, limiter.trustProxy)}`);
  if (!d.allowed) apply(c, d);
}

/** Spends one request of the client IP's budget for a request without a valid credential. */
export function limitAnonymous(c: Context<AppEnv>): void {
  const limiter = c.get('rateLimiter');
  if (limiter) apply(c, limiter.take(`ip:${clientIp(c, limiter.trustProxy)}`));
}
