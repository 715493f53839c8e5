/**
 * The plans of the hot queries, whatever the services run today: a few sidebar requests
 * (one of each match kind, and a search) go through the real app in this process on a
 * connection whose `debug` hook records every statement, then each distinct SELECT is run
 * again under EXPLAIN (ANALYZE, BUFFERS) — as the tenant role with the org set, as the
 * request ran it (or as the owner, for the token look-up that precedes the tenant scope).
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createApp } from '../api/src/app';
import type { Db } from '../api/src/db/client';
import * as schema from '../api/src/db/schema';
import { APP_ROLE } from '../api/src/lib/transaction';
import type { BenchRequest } from './scenarios';

/** One hot query and its plan. */
export interface QueryPlan {
  sql: string;
  asTenant: boolean;
  /** The request that first ran it. */
  during: string;
  plan: string;
  executionMs: number | null;
  /** Tables read by a sequential scan (worth a look when large). */
  seqScans: string[];
}

interface Captured {
  sql: string;
  params: unknown[];
  asTenant: boolean;
  during: string;
}

/** Sends `requests` (label → request) through the app and explains every distinct SELECT they ran. */
export async function explainHotQueries(url: string, orgId: string, token: string, requests: Record<string, BenchRequest>): Promise<QueryPlan[]> {
  const captured = new Map<string, Captured>();
  let tenant = false;
  let during = '';
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    debug: (_connection, query, params) => {
      const text = query.trim();
      if (/set_config\('role'|set_config\(\$1/.test(text) || /^select set_config/i.test(text)) tenant = true;
      if (/^(commit|rollback)\b/i.test(text)) tenant = false;
      // The driver's own catalogue look-ups (pg_type) are not the app's.
      if (/^(select|with)\b/i.test(text) && !/set_config|pg_catalog\./.test(text) && !captured.has(text)) captured.set(text, { sql: text, params: [...params], asTenant: tenant, during });
    },
  });
  try {
    const app = createApp({ db: drizzle(client, { schema }) as unknown as Db });
    for (const [label, request] of Object.entries(requests)) {
      during = label;
      tenant = false;
      const res = await app.request(request.path, { method: request.method, body: request.body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    }
    const plans: QueryPlan[] = [];
    for (const query of captured.values()) {
      const rows = await client.begin(async (tx) => {
        if (query.asTenant) await tx.unsafe(`select set_config('role', '${APP_ROLE}', true), set_config('app.org_id', '${orgId}', true)`);
        return tx.unsafe(`explain (analyze, buffers) ${query.sql}`, query.params as never[]);
      });
      const plan = rows.map((r) => String(Object.values(r)[0])).join('\n');
      plans.push({
        sql: query.sql,
        asTenant: query.asTenant,
        during: query.during,
        plan,
        executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN) || null,
        seqScans: [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!),
      });
    }
    return plans;
  } finally {
    await client.end({ timeout: 5 });
  }
}
