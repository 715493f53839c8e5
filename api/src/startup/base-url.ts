/** The one URL the server advertises (manifests, the Gmail descriptor, the OpenAPI `servers`), fixed at start-up. */
import type { Env } from '../env';

/**
 * PUBLIC_URL when set; otherwise the configured listen address, with a wildcard host (0.0.0.0, ::) read as localhost.
 * Never derived from a request: a Host or X-Forwarded-Host header is the client's to choose.
 */
export function serverBaseUrl(env: Pick<Env, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, '');
  const host = ['', '0.0.0.0', '::', '[::]'].includes(env.HOST) ? 'localhost' : env.HOST.includes(':') && !env.HOST.startsWith('[') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}`;
}
