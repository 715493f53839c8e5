/**
 * Microsoft Entra access tokens (Outlook SSO): signed locally with generated RSA
 * keys, served as a JWKS by a local HTTP server, verified through the real app.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../helpers/app';
import { apiTokenVerifier } from '../../api/src/auth/api-token';
import { entraVerifier } from '../../api/src/auth/entra';
import { organizations } from '../../api/src/db/schema';
import { createOrganization } from '../../api/src/services/orgs/create-organization';
import { setEntraTenant } from '../../api/src/services/orgs/set-entra-tenant';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedOrg, type SeededOrg } from '../helpers/factories';
import { client } from '../helpers/http';
import { childEnv, runCli } from '../helpers/spawn';

const CLIENT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0d1f2e3c-4b5a-4968-8776-a5b4c3d2e1f0';
const KID = 'payside-test-key';

let database: TestDatabase;
let org: SeededOrg;
let outsider: SeededOrg;
let jwks: Server;
let jwksUrl: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let app: ReturnType<typeof createApp>;

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedOrg(database.db);
  outsider = await seedOrg(database.db);
  await setEntraTenant(database.db, { slug: org.slug, tenantId: TENANT.toUpperCase() }, 'test');

  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  jwks = createServer((req, res) => {
    res.writeHead(req.url === '/discovery/v2.0/keys' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.url === '/discovery/v2.0/keys' ? JSON.stringify({ keys: [publicJwk] }) : '{}');
  });
  jwksUrl = `http://127.0.0.1:${await listen(jwks)}/discovery/v2.0/keys`;
  app = createApp({ db: database.db, verifiers: [apiTokenVerifier, entraVerifier({ clientId: CLIENT_ID, jwksUrl })] });
});
afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve));
  await database.close();
});

/** A v2.0 access token for the API, as Entra issues it through nested app authentication; `claims` override or (undefined) remove. */
function tokenClaims(claims: Record<string, unknown> = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const base: Record<string, unknown> = {
    aud: CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    azp: randomUUID(),
    name: 'Colette Collector',
    oid: randomUUID(),
    preferred_username: org.users.collector.email.toUpperCase(),
    scp: 'access_as_user',
    sub: 'pairwise-subject',
    tid: TENANT,
    ver: '2.0',
  };
  for (const [k, v] of Object.entries(claims)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base as JWTPayload;
}

const sign = (claims: Record<string, unknown> = {}, key: CryptoKey | Uint8Array = signingKey, header: { alg: string; kid?: string } = { alg: 'RS256', kid: KID }) =>
  new SignJWT(tokenClaims(claims)).setProtectedHeader({ typ: 'JWT', ...header }).sign(key);

const expect401 = async (token: string, message?: RegExp) => {
  const res = await client(app, token).get('/v1/me');
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe('unauthorized');
  if (message) expect(res.body.detail).toMatch(message);
  return res;
};

describe('Entra access tokens: accepted', () => {
  it('maps a good v2.0 token to the organisation of its tenant and the user of its email', async () => {
    const res = await client(app, await sign()).get('/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: org.users.collector.id, email: org.users.collector.email, role: 'collector' });
    expect(res.body.organization).toMatchObject({ id: org.orgId, slug: org.slug });
  });

  it('falls back to the email claim, then upn, and says the principal came through Entra', async () => {
    const verify = entraVerifier({ clientId: CLIENT_ID, jwksUrl });
    const viaEmail = await verify({ bearer: await sign({ preferred_username: undefined, email: org.users.viewer.email }), headers: new Headers(), db: database.db });
    expect(viaEmail).toMatchObject({ userId: org.users.viewer.id, orgId: org.orgId, role: 'viewer', via: 'entra' });
    const viaUpn = await verify({ bearer: await sign({ preferred_username: undefined, upn: org.users.admin.email }), headers: new Headers(), db: database.db });
    expect(viaUpn).toMatchObject({ userId: org.users.admin.id, via: 'entra' });
  });

  it('still accepts personal API tokens beside it', async () => {
    const res = await client(app, org.tokens.admin).get('/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(org.users.admin.email);
  });

  it('leaves non-JWT and non-Microsoft bearers to the other verifiers', async () => {
    const verify = entraVerifier({ clientId: CLIENT_ID, jwksUrl });
    const input = (bearer: string) => ({ bearer, headers: new Headers(), db: database.db });
    expect(await verify(input(org.tokens.admin))).toBeNull();
    expect(await verify(input('not.a.jwt!'))).toBeNull();
    expect(await verify(input(await sign({ iss: 'https://accounts.google.com' })))).toBeNull();
    await expect401(await sign({ iss: 'https://accounts.google.com' }), /not recognised/);
  });
});

describe('Entra access tokens: rejected with 401', () => {
  it('rejects a token for another audience, including the api:// form v2.0 tokens never carry', async () => {
    await expect401(await sign({ aud: randomUUID() }), /"aud" claim/);
    await expect401(await sign({ aud: `api://payside.example.com/${CLIENT_ID}` }), /"aud" claim/);
  });

  it('rejects a valid token of a tenant no organisation is connected to', async () => {
    await expect401(await sign({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), /tenant .* is not connected to Payside/);
  });

  it("rejects an issuer that is not the token's own tenant", async () => {
    await expect401(await sign({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), /issuer/);
    await expect401(await sign({ iss: 'https://login.microsoftonline.com/common/v2.0' }), /issuer/);
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect401(await sign({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }), /expired/);
  });

  it('rejects a v1.0 token', async () => {
    await expect401(await sign({ ver: '1.0', iss: `https://sts.windows.net/${TENANT}/` }), /v1\.0 token/);
    await expect401(await sign({ ver: undefined }), /v\? token/);
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part(tokenClaims())}.`;
    await expect401(unsigned, /RS256/);
  });

  it('rejects an HS256 token signed with a guessed secret', async () => {
    await expect401(await sign({}, new TextEncoder().encode('access_as_user-guessed-shared-secret-0123456789'), { alg: 'HS256', kid: KID }), /RS256/);
  });

  it('rejects a token without the required scope', async () => {
    await expect401(await sign({ scp: 'User.Read openid profile' }), /access_as_user/);
    await expect401(await sign({ scp: undefined, roles: ['access_as_user'] }), /access_as_user/);
  });

  it('rejects a token signed by a key that is not in the key set', async () => {
    await expect401(await sign({}, strangerKey, { alg: 'RS256', kid: 'unknown-key' }), /not signed by one of Microsoft's keys/);
    await expect401(await sign({}, strangerKey, { alg: 'RS256', kid: KID }), /signature/);
  });

  it('rejects a user of the tenant who is not a Payside user of its organisation', async () => {
    await expect401(await sign({ preferred_username: outsider.users.admin.email }), new RegExp(`Microsoft 365 account \\(${outsider.users.admin.email}\\) is not a Payside user of this organisation`));
  });

  it('rejects a token without a tenant id', async () => {
    await expect401(await sign({ tid: undefined }), /"tid" claim/);
  });
});

describe('Microsoft key set unreachable', () => {
  it('answers 503, not 401, so the pane retries instead of signing out', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const offline = createApp({ db: database.db, verifiers: [apiTokenVerifier, entraVerifier({ clientId: CLIENT_ID, jwksUrl: `http://127.0.0.1:${port}/keys` })] });
    const res = await client(offline, await sign()).get('/v1/me');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('service_unavailable');
  });
});

describe('connecting an organisation to its tenant', () => {
  it('stores the tenant id lower-cased and refuses one already connected elsewhere', async () => {
    const [row] = await database.db.select({ entraTenantId: organizations.entraTenantId }).from(organizations).where(eq(organizations.id, org.orgId));
    expect(row?.entraTenantId).toBe(TENANT);
    await expect(setEntraTenant(database.db, { slug: outsider.slug, tenantId: TENANT })).rejects.toThrow(/already connected to organisation/);
    await expect(setEntraTenant(database.db, { slug: outsider.slug, tenantId: 'contoso.onmicrosoft.com' })).rejects.toThrow(/is not a tenant id/);
    await expect(setEntraTenant(database.db, { slug: 'no-such-org', tenantId: OTHER_TENANT })).rejects.toThrow(/No organisation with slug/);
  });

  it('connects a new organisation at creation, unless the tenant is taken', async () => {
    const created = await createOrganization(database.db, { slug: `fabrikam-${Date.now()}`, name: 'Fabrikam', entraTenantId: ` ${OTHER_TENANT.toUpperCase()} ` }, 'test');
    expect(created.entraTenantId).toBe(OTHER_TENANT);
    await expect(createOrganization(database.db, { slug: `fabrikam-2-${Date.now()}`, name: 'Fabrikam 2', entraTenantId: OTHER_TENANT }, 'test')).rejects.toThrow(
      new RegExp(`Tenant ${OTHER_TENANT} is already connected to organisation "${created.slug}"`),
    );
    await setEntraTenant(database.db, { slug: created.slug, tenantId: null }, 'test');
  });
});

// Each CLI run opens and migrates the database in a child process: slow under a loaded machine, hence the timeout.
describe('npm run payside -- org … (Entra tenant)', { timeout: 120_000 }, () => {
  let dataDir: string;
  let pgDatabase: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'payside-entra-cli-'));
    if (process.env.DATABASE_URL) pgDatabase = await createTestDatabase();
    env = childEnv({ PAYSIDE_DATA_DIR: dataDir, DATABASE_URL: pgDatabase?.url });
  });
  afterAll(async () => {
    await pgDatabase?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an organisation connected to a tenant (the id normalised to lower case)', async () => {
    const created = await runCli(['org', 'create', '--slug', 'contoso-ar', '--name', 'Contoso AR', '--entra-tenant', TENANT.toUpperCase()], env);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Organisation "contoso-ar" created');
  });

  it('validates, connects and disconnects a tenant with org set-entra-tenant', async () => {
    const bad = await runCli(['org', 'set-entra-tenant', '--org', 'contoso-ar', '--tenant', 'contoso.onmicrosoft.com'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a tenant id');
    const set = await runCli(['org', 'set-entra-tenant', '--org', 'contoso-ar', '--tenant', OTHER_TENANT.toUpperCase()], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`Organisation "contoso-ar" is connected to Entra tenant ${OTHER_TENANT}.`);
    const cleared = await runCli(['org', 'set-entra-tenant', '--org', 'contoso-ar', '--clear'], env);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain('no longer connected');
  });
});
