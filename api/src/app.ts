/** Builds the Hono app: one sub-router per resource under /v1, the OpenAPI document, docs, health. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { timing } from 'hono/timing';
import { apiTokenVerifier } from './auth/api-token';
import type { Verifier } from './auth/verifier';
import type { Db } from './db/client';
import { renderDocsPage } from './lib/docs-page';
import { AppError } from './lib/errors';
import { handleError, problem } from './lib/problem';
import { createRateLimiter, type RateLimitOptions } from './lib/rate-limit';
import { requestDeadline } from './lib/request-deadline';
import { requestLogger } from './lib/request-log';
import { apiCors, securityHeaders } from './lib/security-headers';
import type { AppEnv } from './lib/types';
import { auditRoutes } from './routes/audit';
import { contactRoutes } from './routes/contacts';
import { contextRoutes } from './routes/context';
import { customerRoutes } from './routes/customers';
import { disputeRoutes } from './routes/disputes';
import { holdRoutes } from './routes/holds';
import { outlookManifestRoutes } from './routes/manifests';
import { meRoutes } from './routes/me';
import { messageRoutes } from './routes/messages';
import { noteRoutes } from './routes/notes';
import { outlookConfigRoutes, type OutlookSettings } from './routes/outlook-config';
import { outlookPaneRoutes } from './routes/outlook-pane';
import { promiseRoutes } from './routes/promises';
import { sandboxRoutes, type SandboxSettings } from './routes/sandbox';
import { syncRoutes } from './routes/sync';
import { threadRoutes } from './routes/threads';
import { gmailDeploymentRoutes, gmailSandboxRoutes } from '../../addin-gmail/src/page-routes';
import { gmailRoutes, type GmailSettings } from '../../addin-gmail/src/routes';

export type LogLine = Record<string, unknown>;

export interface AppDeps {
  db: Db;
  /** Auth verifiers tried in order; personal API tokens by default. */
  verifiers?: Verifier[];
  maxBodyBytes?: number;
  /** Structured log sink; silent when absent. */
  log?: (line: LogLine) => void;
  version?: string;
  /** Gmail add-on settings (PUBLIC_URL, service account, OAuth client, secret); /gmail answers 503 without them. */
  gmail?: GmailSettings;
  /** Outlook add-in settings: Entra client id and scope for /outlook/config.json, the public URL the manifests point at. */
  outlook?: OutlookSettings;
  /** The built Outlook task pane folder, served under /outlook/. */
  paneDir?: string;
  /** The /sandbox page (demo organisation only). */
  sandbox?: SandboxSettings;
  /** Requests per caller (lib/rate-limit.ts); unlimited when absent or `perMinute` is 0. */
  rateLimit?: RateLimitOptions;
  /** Per-request deadline in milliseconds (503 past it, changes rolled back); none when absent. */
  requestTimeoutMs?: number;
  /** Origins allowed to call /v1 from a browser (CORS); none when absent. */
  corsOrigins?: string[];
  /**
   * The URL the manifests, the Gmail descriptor and the OpenAPI `servers` point at (`serverBaseUrl`: PUBLIC_URL, else the
   * listen address; a function when the port is known only once listening); the Outlook or Gmail public URL, else
   * http://localhost:8787, when absent. Never taken from a request.
   */
  baseUrl?: string | (() => string);
}

const API_VERSION = '1.0.0';

/** The whole HTTP API as a Hono app (served by main.ts, exercised directly by tests). */
export function createApp(deps: AppDeps) {
  const log = deps.log ?? (() => {});
  const verifiers = deps.verifiers ?? [apiTokenVerifier];
  const app = new OpenAPIHono<AppEnv>();

  const baseUrl = () => (typeof deps.baseUrl === 'function' ? deps.baseUrl() : (deps.baseUrl ?? deps.outlook?.publicUrl ?? deps.gmail?.publicUrl ?? 'http://localhost:8787')).replace(/\/+$/, '');
  const rateLimiter = deps.rateLimit?.perMinute ? createRateLimiter(deps.rateLimit) : undefined;

  app.use('*', requestId({ headerName: 'x-request-id' }));
  // Server-Timing: total;dur=<ms> on every response, so load tests read the server's own time per request.
  app.use('*', timing({ crossOrigin: false }));
  app.use('*', requestLogger(log));
  app.use('*', async (c, next) => {
    c.set('db', deps.db);
    c.set('verifiers', verifiers);
    if (rateLimiter) c.set('rateLimiter', rateLimiter);
    await next();
  });
  app.use('*', securityHeaders());
  app.use('/v1/*', apiCors(deps.corsOrigins ?? []));
  if (deps.requestTimeoutMs) app.use('*', requestDeadline(deps.requestTimeoutMs, log));
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 4 * 1024 * 1024,
      onError: () => {
        throw new AppError('payload_too_large', `The body is larger than ${deps.maxBodyBytes ?? 4 * 1024 * 1024} bytes`);
      },
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', outlookConfigRoutes(deps.outlook));
  app.route('/', outlookManifestRoutes(deps.outlook ?? {}, baseUrl));
  app.route('/', gmailDeploymentRoutes(baseUrl));
  if (deps.paneDir) app.route('/', outlookPaneRoutes(deps.paneDir));
  // Demo only: the sandbox pages show the demo organisation to anyone who can reach the server.
  if (deps.sandbox) app.route('/', sandboxRoutes(deps.sandbox));
  if (deps.sandbox) app.route('/', gmailSandboxRoutes(baseUrl));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (`psk_…`, from `npm run payside -- token create`), or an add-in identity token',
  });
  app.doc31('/v1/openapi.json', () => ({
    openapi: '3.1.0',
    info: {
      title: 'Payside API',
      version: deps.version ?? API_VERSION,
      description: 'The payment relationship beside every email: AR status, matching, thread logging, disputes, promises, holds and notes.',
    },
    servers: [{ url: baseUrl() }],
  }));
  app.get('/docs', (c) => c.html(renderDocsPage('/v1/openapi.json', app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Payside API', version: deps.version ?? API_VERSION } }))));

  for (const routes of [meRoutes, contextRoutes, customerRoutes, auditRoutes, threadRoutes, messageRoutes, contactRoutes, disputeRoutes, promiseRoutes, holdRoutes, noteRoutes, syncRoutes]) {
    app.route('/v1', routes);
  }
  app.route('/gmail', gmailRoutes(deps.gmail, log));

  app.notFound((c) => problem(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => handleError(err, c, log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
