/** The server's control socket in-process: commands run on the server's database, errors and bad frames come back as messages. */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runThroughServer } from '../../api/src/cli/control-client';
import { serveControlSocket, type ControlServer } from '../../api/src/cli/control-server';
import { findOrganizationBySlug } from '../../api/src/services/orgs/create-organization';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let dir: string;
let socketPath: string;
let control: ControlServer;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'payside-control-'));
  socketPath = join(dir, 'control', 'payside.sock');
  control = await serveControlSocket(socketPath, database.db);
});
afterAll(async () => {
  await control.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a command line through the socket as the CLI does; collects what it prints. */
async function run(argv: string[], cwd = dir) {
  let stdout = '';
  let stderr = '';
  const code = await runThroughServer(socketPath, { argv, cwd, stderrIsTTY: false }, { stdout: (line) => (stdout += `${line}\n`), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** Sends raw bytes; answers everything the server wrote before closing. */
const raw = (bytes: string) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    const socket = createConnection(socketPath, () => socket.end(bytes));
    socket.on('data', (d) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });

describe('control socket', () => {
  it('is reachable by its owner only', () => {
    expect(statSync(dirname(socketPath)).mode & 0o777).toBe(0o700);
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
  });

  it("runs a command on the server's database, reading files from the client's directory", async () => {
    const org = await run(['org', 'create', '--slug', 'sockets', '--name', 'Sockets Ltd']);
    expect(org).toMatchObject({ code: 0, stderr: '' });
    expect(org.stdout).toMatch(/^Organisation "sockets" created/);
    expect((await findOrganizationBySlug(database.db, 'sockets')).name).toBe('Sockets Ltd');

    writeFileSync(join(dir, 'c.csv'), 'externalRef,name,currency\nS-1,Socket One,EUR\n');
    const imported = await run(['import', 'customers', 'c.csv', '--org', 'sockets']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('c.csv: 1 rows of customers: 1 created');
  });

  it('answers errors, usage and bad frames as the CLI prints them, and keeps serving', async () => {
    expect(await run(['org', 'create', '--slug', 'sockets', '--name', 'Again'])).toEqual({ code: 1, stdout: '', stderr: 'payside: An organisation with slug "sockets" already exists\n' });
    const bad = await run(['token', 'create', '--nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^payside: Unknown option '--nope'/);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('Usage: npm run payside');
    const local = await run(['manifest', '--url', 'https://x.example']);
    expect(local.code).toBe(1);
    expect(local.stderr).toContain('runs in the CLI itself');

    expect(await raw('not json\n')).toBe('{"type":"stderr","text":"payside: malformed control request\\n"}\n{"type":"exit","code":2}\n');
    expect(await raw(`${JSON.stringify({ argv: ['migrate'], cwd: '' , stderrIsTTY: false })}\n`)).toContain('malformed control request');
    expect(await raw('{"argv":["migrate"]')).toBe(''); // closed before a whole line: nothing run, nothing said
    expect((await run(['migrate'])).stdout).toBe('Migrations are up to date.\n');
  });
});
