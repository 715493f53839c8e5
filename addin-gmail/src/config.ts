/** The Gmail add-on's settings (from api/src/env.ts) and the checks that make them a usable configuration. */

/** What the server knows; any of it may be missing on a machine that does not serve Gmail. */
export interface GmailSettings {
  /** PUBLIC_URL: Google calls `${publicUrl}/gmail/…`, and signs its tokens for exactly that URL. */
  publicUrl?: string;
  /** PAYSIDE_GMAIL_SERVICE_ACCOUNT: the deployment's service account, the `email` of Google's system ID tokens. */
  serviceAccount?: string;
  /** PAYSIDE_GOOGLE_CLIENT_ID: the add-on's OAuth client id, the audience of the user ID token. */
  clientId?: string;
  /** PAYSIDE_GOOGLE_JWKS_URL: Google's signing keys. */
  jwksUrl?: string;
  /** PAYSIDE_GMAIL_API_ROOT: where the Gmail API lives (a local server in tests). */
  gmailApiRoot?: string;
  /** HMAC key for button parameters (PAYSIDE_SECRET, or generated into the data folder). */
  secret?: string;
}

/** A complete configuration: every Gmail endpoint can verify Google and sign buttons. */
export interface GmailConfig {
  publicUrl: string;
  serviceAccount: string;
  clientId: string;
  jwksUrl: string;
  gmailApiRoot: string;
  secret: string;
}

export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
export const GMAIL_API_ROOT = 'https://gmail.googleapis.com/';

/** The complete configuration, or the names of the variables still missing. */
export function resolveGmailConfig(settings: GmailSettings | undefined): { config: GmailConfig } | { missing: string[] } {
  const s = settings ?? {};
  const missing = [
    !s.publicUrl && 'PUBLIC_URL',
    !s.serviceAccount && 'PAYSIDE_GMAIL_SERVICE_ACCOUNT',
    !s.clientId && 'PAYSIDE_GOOGLE_CLIENT_ID',
    !s.secret && 'PAYSIDE_SECRET',
  ].filter((m): m is string => Boolean(m));
  if (missing.length || !s.publicUrl || !s.serviceAccount || !s.clientId || !s.secret) return { missing };
  return {
    config: {
      publicUrl: s.publicUrl.replace(/\/+$/, ''),
      serviceAccount: s.serviceAccount.toLowerCase(),
      clientId: s.clientId,
      jwksUrl: s.jwksUrl ?? GOOGLE_JWKS_URL,
      gmailApiRoot: s.gmailApiRoot ?? GMAIL_API_ROOT,
      secret: s.secret,
    },
  };
}
