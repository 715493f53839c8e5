/** Builds the Hono app: one sub-router per resource under /v1, the OpenAPI document, docs, health. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { apiTokenVerifier } from './auth/api-token';
import type { Verifier } from './auth/verifier';
import type { Db } from './db/client';
import { renderDocsPage } from './lib/docs-page';
import { AppError } from './lib/errors';
import { handleError, problem } from './lib/problem';
import type { AppEnv } from './lib/types';
import { contactRoutes } from './routes/contacts';
import { contextRoutes } from './routes/context';
import { customerRoutes } from './routes/customers';
import { disputeRoutes } from './routes/disputes';
import { holdRoutes } from './routes/holds';
import { meRoutes } from './routes/me';
import { noteRoutes } from './routes/notes';
import { promiseRoutes } from './routes/promises';
import { threadRoutes } from './routes/threads';

export type LogLine = Record<string, unknown>;

export interface AppDeps {
  db: Db;
  /** Auth verifiers tried in order; personal API tokens by default. */
  verifiers?: Verifier[];
  maxBodyBytes?: number;
  /** Structured log sink; silent when absent. */
  log?: (line: LogLine) => void;
  version?: string;
}

const API_VERSION = '1.0.0';

/** The whole HTTP API as a Hono app (served by main.ts, exercised directly by tests). */
export function createApp(deps: AppDeps) {
  const log = deps.log ?? (() => {});
  const verifiers = deps.verifiers ?? [apiTokenVerifier];
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', async (c, next) => {
    c.set('db', deps.db);
    c.set('verifiers', verifiers);
    const started = performance.now();
    await next();
    log({ level: 'info', msg: 'request', requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
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
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (`psk_…`, from `npm run payside -- token create`), or an add-in identity token',
  });
  app.doc31('/v1/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Payside API',
      version: deps.version ?? API_VERSION,
      description: 'The payment relationship beside every email: AR status, matching, thread logging, disputes, promises, holds and notes.',
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.get('/docs', (c) => c.html(renderDocsPage('/v1/openapi.json', app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Payside API', version: deps.version ?? API_VERSION } }))));

  for (const routes of [meRoutes, contextRoutes, customerRoutes, threadRoutes, contactRoutes, disputeRoutes, promiseRoutes, holdRoutes, noteRoutes]) {
    app.route('/v1', routes);
  }

  app.notFound((c) => problem(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => handleError(err, c, log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
