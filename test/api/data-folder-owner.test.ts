/**
 * The embedded database has one owner. While `npm start` runs on a PGlite data folder, CLI
 * commands run inside it (what they report is what the API serves, then and after restarts); a
 * second server, or a CLI run while another CLI holds the folder, refuses with what to do; a
 * SIGKILLed server's lock does not block the next start; with no server the CLI holds the folder.
 */
import { watch, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/src/db/client';
import { acquireDataFolderLock, lockFileOf, readDataFolderHolder } from '../../api/src/db/data-folder-lock';
import { crashableServer, freePort } from '../helpers/crash-harness';
import { childEnv, runCli, startServer } from '../helpers/spawn';

let dataDir: string;
let folder: string;
let env: NodeJS.ProcessEnv;
let server: ReturnType<typeof crashableServer>;
let base: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'payside-owner-'));
  folder = join(dataDir, 'pglite');
  const port = await freePort();
  base = `http://127.0.0.1:${port}/v1`;
  env = childEnv({ PORT: String(port), HOST: '127.0.0.1', PAYSIDE_DATA_DIR: dataDir, DATABASE_URL: undefined, PUBLIC_URL: undefined, PAYSIDE_RATE_LIMIT_PER_MINUTE: '0' });
  server = crashableServer(env);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string, token: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

/** The invoice the import brought in, as the API shows it. */
async function importedInvoice(token: string): Promise<string | undefined> {
  const found = await get('/customers?q=Lockwood', token).then((r) => r.json());
  const id = found.items[0]?.customer.id;
  if (!id) return undefined;
  const panel = await get(`/customers/${id}`, token).then((r) => r.json());
  return panel.openInvoices.map((i: { number: string }) => i.number).join(',');
}

// Only the embedded database has a data folder to own; on PostgreSQL several processes share one server.
describe.skipIf(Boolean(process.env.DATABASE_URL))('one owner of the PGlite data folder', { timeout: 400_000 }, () => {
  let token: string;

  it('runs CLI commands inside the running server: org, token and import are served at once', async () => {
    await server.start();
    expect(readDataFolderHolder(folder)).toMatchObject({ kind: 'server', command: 'npm start' });

    const org = await runCli(['org', 'create', '--slug', 'lockwood', '--name', 'Lockwood AR', '--currency', 'GBP'], env);
    expect(org.stderr).toBe('');
    expect(org.code).toBe(0);
    const created = await runCli(['token', 'create', '--org', 'lockwood', '--email', 'ana@lockwood.example', '--role', 'admin'], env);
    expect(created.code).toBe(0);
    token = lastLine(created.stdout);
    const me = await get('/me', token);
    expect(me.status).toBe(200);
    expect((await me.json()).organization.slug).toBe('lockwood');

    // Relative file names are read from the operator's working directory, not the server's.
    writeFileSync(join(dataDir, 'customers.csv'), 'externalRef,name,currency\nC-1,Lockwood Ltd,GBP\n');
    writeFileSync(join(dataDir, 'invoices.csv'), 'externalRef,customerRef,number,issueDate,dueDate,amount,currency\nI-1,C-1,LW-1001,2026-11-01,2026-12-01,120.50,GBP\n');
    const customers = await runCli(['import', 'customers', 'customers.csv', '--org', 'lockwood'], env, dataDir);
    expect(customers.stderr).toBe('');
    expect(customers.stdout).toContain('1 created');
    const invoices = await runCli(['import', 'invoices', 'invoices.csv', '--org', 'lockwood'], env, dataDir);
    expect(invoices.code).toBe(0);
    expect(invoices.stdout).toContain('invoices.csv: 1 rows of invoices: 1 created');
    expect(await importedInvoice(token)).toBe('LW-1001');

    // Errors come back as the CLI prints them, with its exit code.
    const dup = await runCli(['org', 'create', '--slug', 'lockwood', '--name', 'Again'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe('payside: An organisation with slug "lockwood" already exists\n');
    const missing = await runCli(['import', 'invoices', 'nope.csv', '--org', 'lockwood'], env, dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No such file: ${join(dataDir, 'nope.csv')}`);
  });

  it('answers a malformed control request with an error, and keeps serving', async () => {
    const socketPath = readDataFolderHolder(folder)!.controlSocket!;
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = createConnection(socketPath, () => socket.write('{"argv": "not a list"}\n'));
      socket.on('data', (d) => (text += d));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    expect(answer).toContain('malformed control request');
    expect(answer).toContain('{"type":"exit","code":2}');
    expect((await get('/me', token)).status).toBe(200);
  });

  it('refuses a second server on the same folder and leaves the first serving', async () => {
    const port = await freePort();
    const second = startServer({ ...env, PORT: String(port) });
    await expect(second).rejects.toThrow(/server exited with 1/);
    const message = await second.catch((e: Error) => e.message);
    expect(message).toContain(`Payside cannot start: the data folder ${folder} is in use by \`npm start\``);
    expect(message).toContain('PAYSIDE_DATA_DIR=');
    expect((await get('/me', token)).status).toBe(200);
    expect(readDataFolderHolder(folder)?.pid).toBe(server.pid());
  });

  it('keeps everything the commands reported after a clean restart and after a SIGKILL', async () => {
    await server.stop();
    expect(existsSync(lockFileOf(folder))).toBe(false);
    await server.start();
    expect((await get('/me', token)).status).toBe(200);
    expect(await importedInvoice(token)).toBe('LW-1001');

    // SIGKILL runs no exit hook: the dead server's lock stays behind, and the restart takes it over.
    await server.crashAndRestart();
    expect((await get('/me', token)).status).toBe(200);
    expect(await importedInvoice(token)).toBe('LW-1001');
    await server.stop();
  });

  it('with no server, the CLI opens the folder itself and holds it while it runs', async () => {
    const seen: string[] = [];
    const watcher = watch(dataDir, (_event, name) => {
      if (name !== 'pglite.lock') return;
      try {
        seen.push(readFileSync(lockFileOf(folder), 'utf8'));
      } catch {
        // Removed again: the CLI let go.
      }
    });
    try {
      const created = await runCli(['token', 'create', '--org', 'lockwood', '--email', 'ben@lockwood.example', '--role', 'viewer'], env);
      expect(created.code).toBe(0);
      token = lastLine(created.stdout);
    } finally {
      watcher.close();
    }
    expect(seen.map((raw) => JSON.parse(raw))).toContainEqual(expect.objectContaining({ kind: 'cli', command: 'payside token create --org lockwood --email ben@lockwood.example --role viewer' }));
    expect(existsSync(lockFileOf(folder))).toBe(false);
    await server.start();
    expect((await get('/me', token)).status).toBe(200);
    await server.stop();
  });

  it('refuses, saying what to do, while another command holds the folder or the server is not answering yet', async () => {
    const database = await openDatabase({ dataDir: folder, owner: { kind: 'cli', command: 'payside import invoices big.csv --org lockwood' } });
    try {
      const res = await runCli(['org', 'create', '--slug', 'other', '--name', 'Other'], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`the data folder ${folder} is held by \`payside import invoices big.csv --org lockwood\` (pid ${process.pid}, started `);
      expect(res.stderr).toContain('Wait for it to finish, or stop it, then run the command again.');
      await expect(startServer(env)).rejects.toThrow(/in use by `payside import invoices big.csv --org lockwood`/);
    } finally {
      await database.close();
    }

    // A server that holds the folder but does not answer on its socket yet (still migrating, seeding).
    const starting = acquireDataFolderLock(folder, { kind: 'server', command: 'npm start', controlSocket: join(dataDir, 'not-yet.sock') });
    try {
      const res = await runCli(['org', 'create', '--slug', 'other', '--name', 'Other'], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('which does not answer on');
      expect(res.stderr).toContain('Wait until it prints "Payside is running"');
    } finally {
      starting.release();
    }
    const orgs = await runCli(['org', 'create', '--slug', 'other', '--name', 'Other'], env);
    expect(orgs.code).toBe(0); // nothing was created by the refused attempts
  });
});
