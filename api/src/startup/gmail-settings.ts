/** The Gmail add-on's settings from the environment; the button-signing secret is PAYSIDE_SECRET or one generated into the data folder. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GmailSettings } from '../../../addin-gmail/src/config';
import type { Env } from '../env';

/** Reads (or creates once, mode 600) `<dataDir>/payside-secret`, so buttons keep working across restarts. */
export function ensureSecretFile(dataDir: string): string {
  const file = join(dataDir, 'payside-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Everything the /gmail endpoints need; what is missing makes them answer 503 naming it. */
export function gmailSettingsFromEnv(env: Env, dataDir: string): GmailSettings {
  return {
    publicUrl: env.PUBLIC_URL,
    serviceAccount: env.PAYSIDE_GMAIL_SERVICE_ACCOUNT,
    clientId: env.PAYSIDE_GOOGLE_CLIENT_ID,
    jwksUrl: env.PAYSIDE_GOOGLE_JWKS_URL,
    gmailApiRoot: env.PAYSIDE_GMAIL_API_ROOT,
    secret: env.PAYSIDE_SECRET ?? ensureSecretFile(dataDir),
  };
}
