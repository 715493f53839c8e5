/** `npm start`: migrate, seed the demo organisation on first start, serve the whole backend. */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, type LogLine } from './app';
import { apiTokenVerifier } from './auth/api-token';
import { entraVerifier } from './auth/entra';
import { chooseControlSocketPath, controlDirBeside } from './cli/control-protocol';
import { serveControlSocket, type ControlServer } from './cli/control-server';
import { openDatabase, type Database } from './db/client';
import { DataFolderHeldError, describeHolder } from './db/data-folder-lock';
import { readEnv } from './env';
import type { SandboxSettings } from './routes/sandbox';
import { demoMailbox } from './seed/demo-mailbox';
import { DEMO_USERS } from './seed/demo-directory';
import { seedDemo } from './seed/seed-demo';
import { serverBaseUrl } from './startup/base-url';
import { ensureDemoToken } from './startup/demo-token';
import { gmailSettingsFromEnv } from './startup/gmail-settings';

const env = readEnv();
const dataDir = resolve(env.PAYSIDE_DATA_DIR);
mkdirSync(dataDir, { recursive: true });

const levels = { silent: 0, error: 1, info: 2, debug: 3 } as const;
const log = (line: LogLine) => {
  const level = (line.level as keyof typeof levels | undefined) ?? 'info';
  if (levels[level] <= levels[env.LOG_LEVEL]) process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...line })}\n`);
};

const pgliteDir = resolve(dataDir, 'pglite');
// On PGlite this server is the data folder's one owner; CLI commands reach it through the control socket.
const controlSocket = env.DATABASE_URL ? undefined : chooseControlSocketPath(pgliteDir);
const socketInTmp = controlSocket !== undefined && dirname(controlSocket) !== controlDirBeside(pgliteDir);
const database = await openOwnDatabase();
await database.migrate();

const paneDir = fileURLToPath(new URL('../../addin-outlook/dist', import.meta.url));
let demoToken: string | null = null;
let sandbox: SandboxSettings | undefined;
if (env.PAYSIDE_SEED_DEMO === 'auto') {
  const { orgId } = await seedDemo(database.db);
  demoToken = await ensureDemoToken(database.db, orgId, dataDir);
  const collector = DEMO_USERS.find((u) => u.key === 'marcus') ?? DEMO_USERS[0]!;
  const sandboxToken = await ensureDemoToken(database.db, orgId, dataDir, { file: 'sandbox-token', email: collector.email, tokenName: 'sandbox' });
  sandbox = { paneDir, token: sandboxToken, user: { name: collector.name, email: collector.email }, items: demoMailbox(), gmailPreview: true };
}

const control: ControlServer | undefined = controlSocket
  ? await serveControlSocket(controlSocket, database.db, { removeDirOnClose: socketInTmp })
  : undefined;

const entraClientId = env.PAYSIDE_ENTRA_CLIENT_ID;
// PORT=0 takes any free port: the base URL is known once listening.
let listeningPort = env.PORT;
const baseUrl = () => serverBaseUrl({ ...env, PORT: listeningPort });
const app = createApp({
  db: database.db,
  log,
  maxBodyBytes: env.PAYSIDE_MAX_BODY_BYTES,
  verifiers: [apiTokenVerifier, ...(entraClientId ? [entraVerifier({ clientId: entraClientId, jwksUrl: env.PAYSIDE_ENTRA_JWKS_URL, scope: env.PAYSIDE_ENTRA_SCOPE })] : [])],
  outlook: { entraClientId, publicUrl: env.PUBLIC_URL, scope: env.PAYSIDE_ENTRA_SCOPE },
  paneDir,
  sandbox,
  gmail: gmailSettingsFromEnv(env, dataDir),
  rateLimit: { perMinute: env.PAYSIDE_RATE_LIMIT_PER_MINUTE, burst: env.PAYSIDE_RATE_LIMIT_BURST, trustProxy: env.PAYSIDE_TRUST_PROXY },
  requestTimeoutMs: env.PAYSIDE_REQUEST_TIMEOUT_MS,
  corsOrigins: env.PAYSIDE_CORS_ORIGINS ?? (env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : []),
  baseUrl,
});
// Slow clients (slowloris): the headers must arrive within 10 s, the whole request with its body within 30 s.
const serverOptions = { headersTimeout: 10_000, requestTimeout: 30_000 };
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST, serverOptions }, (info) => {
  listeningPort = info.port;
  const base = baseUrl();
  const where = database.kind === 'pglite' ? `embedded PGlite in ${pgliteDir}` : `PostgreSQL (${redact(env.DATABASE_URL ?? '')})`;
  process.stdout.write(
    [
      '',
      'Payside is running.',
      `  API          ${base}/v1`,
      `  API docs     ${base}/docs   (OpenAPI 3.1: ${base}/v1/openapi.json)`,
      sandbox ? `  Sandbox      ${base}/sandbox   (demo mailbox beside the real Outlook pane; Gmail cards at ${base}/sandbox/gmail)` : '',
      `  Outlook      ${base}/outlook/taskpane.html   (manifests: ${base}/manifest/outlook.xml, ${base}/manifest/outlook.json)`,
      `  Gmail        ${base}/manifest/gmail-deployment.json   (the add-on's deployment descriptor)`,
      env.PUBLIC_URL ? '' : `  Note         PUBLIC_URL is not set: manifests and the Gmail descriptor point at the listen address ${base} until it is`,
      `  Database     ${where}`,
      control ? '  CLI          `npm run payside -- …` runs its commands in this server while it runs' : '',
      demoToken ? `  Demo token   ${demoToken}   (organisation "demo", admin)` : '  Demo data    off (PAYSIDE_SEED_DEMO=never)',
      '',
      demoToken ? `Try: curl -H "Authorization: Bearer ${demoToken}" ${base}/v1/customers?q=acme` : '',
      '',
    ].join('\n'),
  );
});

/** The database; on PGlite, refuses (exit 1) without touching the folder when another process holds it. */
async function openOwnDatabase(): Promise<Database> {
  try {
    return await openDatabase({ url: env.DATABASE_URL, dataDir: pgliteDir, owner: { kind: 'server', command: 'npm start', controlSocket } });
  } catch (error) {
    if (!(error instanceof DataFolderHeldError)) throw error;
    if (socketInTmp) rmSync(dirname(controlSocket!), { recursive: true, force: true });
    process.stderr.write(
      [
        `Payside cannot start: the data folder ${error.folder} is in use by ${describeHolder(error.holder)}.`,
        'Two processes must never open one embedded database. Stop that process first, or start this one on another folder and port:',
        `  PAYSIDE_DATA_DIR=${dataDir}-2 PORT=${env.PORT === 0 ? 0 : env.PORT + 1} npm start`,
        `(If no such process is running, delete ${error.lockFile}.)`,
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

const shutdown = async () => {
  server.close();
  // Commands running for the CLI finish (and commit) before the database closes.
  await control?.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
