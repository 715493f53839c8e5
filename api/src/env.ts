/** The only place that reads process.env: parsed once with zod, fails fast with a clear message. */
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PAYSIDE_DATA_DIR: z.string().default('.payside-data'),
  PUBLIC_URL: z.url().optional(),
  PAYSIDE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  // Abuse limits: requests per minute per caller (token's user, else client IP; 0 = off), the burst on top, the per-request deadline.
  PAYSIDE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  PAYSIDE_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(120),
  PAYSIDE_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  PAYSIDE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Origins allowed to call the API from a browser (comma-separated); default: PUBLIC_URL's origin only. */
  PAYSIDE_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.url().transform((u) => new URL(u).origin)).optional()),
  PAYSIDE_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  // Outlook add-in SSO (Microsoft Entra, nested app authentication): the API's app registration, Microsoft's key set, the required scope.
  PAYSIDE_ENTRA_CLIENT_ID: z.guid('must be the Entra application (client) id, a GUID').optional().or(z.literal('').transform(() => undefined)),
  PAYSIDE_ENTRA_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  PAYSIDE_ENTRA_SCOPE: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a scope name such as access_as_user').default('access_as_user'),
  // Gmail add-on (addin-gmail): Google's signing keys, the add-on's service account and OAuth client, the Gmail API root.
  PAYSIDE_GOOGLE_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
  PAYSIDE_GMAIL_SERVICE_ACCOUNT: z.email().optional(),
  PAYSIDE_GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  PAYSIDE_GMAIL_API_ROOT: z.url().default('https://gmail.googleapis.com/'),
  /** Signs the parameters of Gmail card buttons; generated once into the data folder when unset. */
  PAYSIDE_SECRET: z.string().min(32, 'at least 32 characters').optional(),
});

export type Env = z.infer<typeof ZEnv>;

/** Parses the environment (defaults to process.env); throws listing every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
