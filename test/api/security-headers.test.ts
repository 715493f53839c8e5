/** Security headers: strict CSP on JSON, a CSP fit for each HTML page, nosniff, no referrer, CORS by allow-list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { readEnv } from '../../api/src/env';
import { OUTLOOK_FRAME_ANCESTORS } from '../../api/src/lib/security-headers';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { repoRoot } from '../helpers/spawn';

let database: TestDatabase;
let org: SeededOrg;
let app: ReturnType<typeof createApp>;
const paneDir = `${repoRoot}addin-outlook/dist`;
const ALLOWED = 'https://payside.example.com';

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  app = createApp({
    db: database.db,
    paneDir,
    corsOrigins: [ALLOWED],
    sandbox: { paneDir, token: org.tokens.viewer, user: { name: 'Viewer', email: org.users.viewer.email }, items: [], gmailPreview: true },
  });
});
afterAll(() => database.close());

/** The CSP as directive → sources. */
const csp = (res: { headers: Headers }) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  ) as Record<string, string[]>;

const expectBaseline = (res: { headers: Headers }) => {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-powered-by')).toBeNull();
};

describe('JSON API', () => {
  it('answers, and errs, with nothing loadable or frameable', async () => {
    for (const res of [await client(app, org.tokens.viewer).get('/v1/me'), await client(app).get('/v1/me'), await client(app).get('/v1/nope'), await client(app).get('/v1/openapi.json')]) {
      expectBaseline(res);
      expect(csp(res)).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('Outlook task pane', () => {
  it('allows Office.js, MSAL, framing by Outlook and TLS images (for "Show remote images"), but no plain-http images, plugins, forms or base changes', async () => {
    const res = await app.request('/outlook/taskpane.html');
    expect(res.status).toBe(200);
    expectBaseline(res);
    const policy = csp(res);
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy['connect-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'https:']); // srcdoc email frames inherit this and block remote images themselves until asked
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'self'", ...OUTLOOK_FRAME_ANCESTORS]);
    expect(policy['frame-ancestors']).toEqual(expect.arrayContaining(['https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com']));
    expect(res.headers.get('x-frame-options')).toBeNull(); // Outlook frames it
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull(); // MSAL's popup reports back
  });

  it('lets Outlook show the add-in icons from another origin', async () => {
    const res = await app.request('/outlook/assets/icon-32.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('serves the sandbox copy of the pane with the same policy', async () => {
    const [pane, copy] = [await app.request('/outlook/taskpane.html'), await app.request('/sandbox/pane')];
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-security-policy')).toBe(pane.headers.get('content-security-policy'));
  });
});

describe('other pages', () => {
  it('runs only the /sandbox page’s own scripts, by a fresh nonce', async () => {
    const [a, b] = [await app.request('/sandbox'), await app.request('/sandbox')];
    const nonce = csp(a)['script-src']?.[0]?.match(/^'nonce-(.+)'$/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp(b)['script-src']).not.toEqual(csp(a)['script-src']);
    const html = await a.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toBe(`<script nonce="${nonce}">`);
    expect(csp(a)['frame-src']).toEqual(["'self'"]);
    expect(csp(a)['frame-ancestors']).toEqual(["'none'"]);
  });

  it('lets the API reference style itself but run nothing', async () => {
    const res = await app.request('/docs');
    expectBaseline(res);
    expect(csp(res)['script-src']).toBeUndefined();
    expect(csp(res)['default-src']).toEqual(["'none'"]);
  });

  it('keeps the Gmail card preview’s own policy', async () => {
    const res = await app.request('/sandbox/gmail');
    expect(csp(res)['img-src']).toEqual(['https:', 'data:']);
    expect(csp(res)['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    app.request('/v1/me', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

  it('answers allowed origins, with the Authorization header and without credentials', async () => {
    const res = await preflight(ALLOWED);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const get = await client(app, org.tokens.viewer).call('GET', '/v1/me', undefined, { origin: ALLOWED });
    expect(get.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(get.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('gives other origins no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'https://payside.example.com.evil.example', 'null']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
      const get = await client(app, org.tokens.viewer).call('GET', '/v1/me', undefined, { origin });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('reads PAYSIDE_CORS_ORIGINS as a comma-separated list of origins', () => {
    expect(readEnv({ PAYSIDE_CORS_ORIGINS: 'https://a.example/, https://b.example:8443' }).PAYSIDE_CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(readEnv({}).PAYSIDE_CORS_ORIGINS).toBeUndefined();
    expect(() => readEnv({ PAYSIDE_CORS_ORIGINS: 'not a url' })).toThrow(/PAYSIDE_CORS_ORIGINS/);
  });
});
