/**
 * The server under load, run as its own process so the load generator does not share its
 * event loop: the real app (createApp, rate limiting off) on an ephemeral loopback port, plus
 * the bench-only bare route GET /bench/hello on the same server, the baseline results are
 * divided by. Prints `{"port":…}` once listening.
 *
 *   tsx bench/server.ts --url postgres://…/payside_bench | --pglite <dir>
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../api/src/app';
import { openDatabase } from '../api/src/db/client';

const { values } = parseArgs({ options: { url: { type: 'string' }, pglite: { type: 'string' }, connections: { type: 'string', default: '10' } } });
if (!values.url && !values.pglite) throw new Error('usage: server.ts --url <postgres url> | --pglite <dir>');

const database = await openDatabase({ url: values.url, dataDir: values.pglite, maxConnections: Number(values.connections) });
// As main.ts configures it, minus the rate limit (50 connections of one user would be throttled).
const app = createApp({ db: database.db, requestTimeoutMs: 10_000 });
const hello = new Hono().get('/bench/hello', (c) => c.json({ ok: true }));

const server = serve({ fetch: (request) => (request.url.endsWith('/bench/hello') ? hello.fetch(request) : app.fetch(request)), port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});

const stop = async () => {
  server.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
