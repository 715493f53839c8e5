import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { openDatabase, type Database } from '../../api/src/db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { client } from '../helpers/http';
import { childEnv, runCli } from '../helpers/spawn';

let dataDir: string;
let pgDatabase: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'payside-cli-'));
  if (process.env.DATABASE_URL) {
    pgDatabase = await createTestDatabase();
  }
  env = childEnv({ PAYSIDE_DATA_DIR: dataDir, DATABASE_URL: pgDatabase?.url });
});
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens the same database the CLI wrote to. */
const openSame = (): Promise<Database> => (pgDatabase ? Promise.resolve(pgDatabase) : openDatabase({ dataDir: join(dataDir, 'pglite') }));

describe('npm run payside', { timeout: 120_000 }, () => {
  it('lists its commands', async () => {
    const res = await runCli(['help'], env);
    expect(res.code).toBe(0);
    for (const command of ['migrate', 'seed-demo', 'org create', 'token create']) expect(res.stdout).toContain(command);
  });

  it('creates an organisation and a token that the API accepts', async () => {
    const created = await runCli(['org', 'create', '--slug', 'acme-ar', '--name', 'Acme AR', '--time-zone', 'Europe/Berlin', '--own-domain', 'acme-ar.example'], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('acme-ar');

    const dup = await runCli(['org', 'create', '--slug', 'acme-ar', '--name', 'Again'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already exists');

    const token = await runCli(['token', 'create', '--org', 'acme-ar', '--email', 'Jo.Miller@acme-ar.example', '--role', 'collector'], env);
    expect(token.code).toBe(0);
    const lastLine = token.stdout.trim().split('\n').at(-1)!;
    expect(lastLine).toMatch(/^psk_[A-Za-z0-9_-]{40,}$/);

    const database = await openSame();
    try {
      const me = await client(createApp({ db: database.db }), lastLine).get('/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ email: 'jo.miller@acme-ar.example', name: 'Jo Miller', role: 'collector' });
      expect(me.body.organization).toMatchObject({ slug: 'acme-ar', timeZone: 'Europe/Berlin' });
    } finally {
      if (!pgDatabase) await database.close();
    }
  });

  it('explains bad arguments and exits non-zero', async () => {
    const role = await runCli(['token', 'create', '--org', 'acme-ar', '--email', 'x@acme-ar.example', '--role', 'owner'], env);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('--role must be admin, collector or viewer');
    const org = await runCli(['token', 'create', '--org', 'nope', '--email', 'x@y.example', '--role', 'viewer'], env);
    expect(org.code).toBe(1);
    expect(org.stderr).toContain('No organisation with slug "nope"');
    const unknown = await runCli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
  });
});
