/** Serves the built Outlook task pane under /outlook/ (hashed assets cached for a year). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { problem } from '../lib/problem';
import type { AppEnv } from '../lib/types';

/** The pane's static files from `dir` (addin-outlook/dist). */
export function outlookPaneRoutes(dir: string) {
  const app = new Hono<AppEnv>();
  app.use('/outlook/assets/*', async (c, next) => {
    await next();
    if (c.res.ok && /-[A-Za-z0-9_-]{8}\.(js|css)$/.test(c.req.path)) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.get('/outlook/taskpane.html', async (c, next) => {
    if (!existsSync(join(dir, 'taskpane.html'))) return problem(c, 'internal', 'The task pane is not built: run npm run build');
    await next();
    c.header('cache-control', 'no-cache');
  });
  app.use('/outlook/*', serveStatic({ root: dir, rewriteRequestPath: (path) => path.replace(/^\/outlook/, '') }));
  return app;
}
