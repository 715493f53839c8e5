/** `npm start` on a fresh data folder: migrates, seeds the demo org, prints a working token; a restart reuses both. */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { childEnv, startServer } from '../helpers/spawn';

let dataDir: string;
let pgDatabase: TestDatabase | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'payside-start-'));
  if (process.env.DATABASE_URL) pgDatabase = await createTestDatabase();
});
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const boot = () => startServer(childEnv({ PORT: '0', HOST: '127.0.0.1', PAYSIDE_DATA_DIR: dataDir, DATABASE_URL: pgDatabase?.url, PUBLIC_URL: undefined }));
const parse = (out: string) => ({
  api: out.match(/API\s+(http:\/\/\S+\/v1)/)?.[1],
  docs: out.match(/API docs\s+(http:\/\/\S+\/docs)/)?.[1],
  token: out.match(/Demo token\s+(psk_\S+)/)?.[1],
});

/** A GET through a real socket with the Host and X-Forwarded-Host a client chose. */
const getWithHost = (url: string, host: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { headers: { host, 'x-forwarded-host': host } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject).end();
  });

describe('npm start', () => {
  it('serves the demo organisation with the printed token, and keeps it across restarts', async () => {
    const first = await boot();
    const printed = parse(first.output());
    try {
      expect(printed.api).toBeDefined();
      expect(printed.token).toBeDefined();
      const auth = { authorization: `Bearer ${printed.token}` };
      const me = await fetch(`${printed.api}/me`, { headers: auth }).then((r) => r.json());
      expect(me.organization.slug).toBe('demo');
      expect(me.user.role).toBe('admin');
      const docs = await fetch(printed.docs!);
      expect(docs.status).toBe(200);
      const list = await fetch(`${printed.api}/customers?limit=50`, { headers: auth }).then((r) => r.json());
      expect(list.items.length).toBeGreaterThanOrEqual(30);
      const context = await fetch(`${printed.api}/context`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'outlook', threadId: 'start-test', from: 'someone@acme-industrial.co.uk' }),
      }).then((r) => r.json());
      expect(context.panel.customer.name).toBe('Acme Industrial Ltd');

      // Without PUBLIC_URL the manifests point at the listen address, says the banner, whatever Host a request names.
      const origin = new URL(printed.api!).origin;
      expect(first.output()).toContain(`PUBLIC_URL is not set: manifests and the Gmail descriptor point at the listen address ${origin} until it is`);
      for (const path of ['/manifest/outlook.xml', '/manifest/outlook.json', '/manifest/gmail-deployment.json']) {
        const res = await getWithHost(`${origin}${path}`, 'evil.example');
        expect(res.status, path).toBe(200);
        expect(res.text, path).toContain(origin);
        expect(res.text, path).not.toContain('evil.example');
      }
      // The demo is on (PAYSIDE_SEED_DEMO=auto): its Gmail card preview is mounted.
      expect((await fetch(`${origin}/sandbox/gmail`)).status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = await boot();
    try {
      const again = parse(second.output());
      expect(again.token).toBe(printed.token);
      const list = await fetch(`${again.api}/customers?limit=50`, { headers: { authorization: `Bearer ${again.token}` } }).then((r) => r.json());
      expect(new Set(list.items.map((i: { customer: { name: string } }) => i.customer.name)).size).toBe(list.items.length);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
