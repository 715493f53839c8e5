/**
 * The phases of a bench run against one database: generate (or reuse) the organisation,
 * explain the hot queries and time the Gmail card in this process, then load the server in
 * its own process.
 */
import { count, eq } from 'drizzle-orm';
import type { Database } from '../api/src/db/client';
import { customers, invoices, messages, payments } from '../api/src/db/schema';
import { findOrganizationBySlug } from '../api/src/services/orgs/create-organization';
import { createToken } from '../api/src/services/tokens/create-token';
import { explainHotQueries, type QueryPlan } from './explain';
import { generateOrganisation, type GeneratedOrg } from './generate';
import { measureGmailCard } from './gmail-card';
import { runLoad, type LoadResult } from './load';
import type { Results } from './report';
import { contextBodies, cycle, searchRequests, searchTerms, threadRequests, type Samples } from './scenarios';
import type { ServerProcess } from './server-process';

export interface LoadSettings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

/** The organisation to load: generated now, or (with `reuse`) the one already there with a fresh token. */
export async function prepareOrganisation(database: Database, scale: number, reuse: boolean, log: (line: string) => void): Promise<{ org: GeneratedOrg; generated: boolean }> {
  if (reuse) {
    const found = await findOrganizationBySlug(database.db, 'bench').catch(() => null);
    if (found) {
      const collectorEmail = 'collector@bench.payside-bench.example';
      const { secret } = await createToken(database.db, { orgId: found.id, email: collectorEmail, role: 'collector' }, 'bench');
      return { org: { orgId: found.id, slug: 'bench', token: secret, collectorEmail, counts: {} as GeneratedOrg['counts'], seconds: 0 }, generated: false };
    }
  }
  log(`Generating the organisation at scale ${scale}…`);
  const org = await generateOrganisation(database, { scale, log });
  log(`  generated in ${org.seconds.toFixed(1)} s`);
  return { org, generated: true };
}

/** Row counts of the bench organisation, for the report. */
export async function countRows(database: Database, orgId: string): Promise<Results> {
  const n = async (table: typeof customers | typeof invoices | typeof payments | typeof messages) => (await database.db.select({ n: count() }).from(table).where(eq(table.orgId, orgId)))[0]!.n;
  return { customers: await n(customers), invoices: await n(invoices), payments: await n(payments), messages: await n(messages) };
}

/** EXPLAIN of the queries one request of each kind runs, and the Gmail card's time (PostgreSQL database open in this process). */
export async function inProcessMeasures(database: Database, url: string | undefined, org: GeneratedOrg, samples: Samples, gmailTimes: number): Promise<{ plans: QueryPlan[]; gmailMs: number }> {
  const bodies = contextBodies(samples, 20);
  const first = (needle: string) => bodies.find((b) => b.body!.includes(needle))!;
  const [word, domain, email, invoice] = searchTerms(samples, 4).map((q) => ({ method: 'GET' as const, path: `/v1/customers?q=${encodeURIComponent(q)}` }));
  const requests = {
    'context: contact email': first('Remittance advice'),
    'context: domain only': first('jordan.new'),
    'context: invoice number': first('Query on invoice'),
    'context: no match': first('newvendor'),
    'search: name word': word!,
    'search: domain prefix': domain!,
    'search: contact email': email!,
    'search: invoice number': invoice!,
  };
  const plans = url ? await explainHotQueries(url, org.orgId, org.token, requests) : [];
  const from = samples.contacts[0]!.email;
  const gmailMs = await measureGmailCard(database.db, { userEmail: org.collectorEmail, from, subject: `Remittance for ${samples.invoiceNumbers[0]}`, times: gmailTimes });
  return { plans, gmailMs };
}

const flat = (prefix: string, r: LoadResult, hello?: LoadResult): Results => ({
  [`${prefix}_rps`]: r.rps,
  [`${prefix}_p50_ms`]: r.p50Ms,
  [`${prefix}_p99_ms`]: r.p99Ms,
  [`${prefix}_server_ms`]: r.serverMs,
  [`${prefix}_server_p99_ms`]: r.serverP99Ms,
  [`${prefix}_requests`]: r.requests,
  [`${prefix}_non2xx`]: r.non2xx + r.errors,
  ...(hello ? { [`${prefix}_hello_ratio`]: Math.round((1000 * r.rps) / Math.max(hello.rps, 1)) / 1000 } : {}),
});

/** Loads the running server: context (and, unless `contextOnly`, threads and search), then the bare hello route. */
export async function loadServer(server: ServerProcess, token: string, samples: Samples, settings: LoadSettings, prefix: string, contextOnly: boolean, log: (line: string) => void): Promise<Results> {
  const run = async (label: string, next: () => { method: 'GET' | 'POST'; path: string; body?: string }, auth = true) => {
    const result = await runLoad({ baseUrl: server.baseUrl, token: auth ? token : undefined, ...settings, next });
    log(`  ${label.padEnd(16)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  server ${result.serverMs ?? '—'} ms${result.non2xx + result.errors ? `  (${result.non2xx} non-2xx, ${result.errors} errors)` : ''}`);
    return result;
  };
  // The first sidebar of the day works out the org's payment norms (a year of every invoice) and caches
  // them; a real server pays that once per org and day, so it is timed on its own, not inside the load.
  const [first] = contextBodies(samples, 1);
  const started = performance.now();
  const primed = await fetch(`${server.baseUrl}${first!.path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: first!.body });
  await primed.arrayBuffer();
  const firstMs = Math.round(performance.now() - started);
  log(`  ${`${prefix}first context`.padEnd(16)} ${firstMs} ms (status ${primed.status}; computes and caches the org's payment norms)`);
  const context = await run(`${prefix}context`, cycle(contextBodies(samples)));
  const threads = contextOnly ? null : await run(`${prefix}threads`, threadRequests(samples));
  const search = contextOnly ? null : await run(`${prefix}search`, cycle(searchRequests(samples)));
  const hello = await run(`${prefix}hello`, () => ({ method: 'GET', path: '/bench/hello' }), false);
  return {
    [`${prefix}context_first_ms`]: firstMs,
    ...flat(`${prefix}context`, context, hello),
    ...(threads ? flat(`${prefix}threads`, threads, hello) : {}),
    ...(search ? flat(`${prefix}search`, search, hello) : {}),
    ...flat(`${prefix}hello`, hello),
  };
}

