/**
 * The Gmail API client for one add-on request: authorised by the user's OAuth token
 * plus the per-message `X-Goog-Gmail-Access-Token` that the current-message scopes need.
 * @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes#example_get_the_users_gmail_data
 */
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail/index.js';
import { AppError } from '../../../api/src/lib/errors';

export interface GmailRequestCredentials {
  /** `authorizationEventObject.userOAuthToken`. */
  userOAuthToken?: string;
  /** `gmail.accessToken`: grants access to the open message. */
  messageAccessToken?: string;
}

export interface GmailClient {
  api: gmail_v1.Gmail;
  /** Per-request options carrying the message access token. */
  options: { headers: Record<string, string> };
}

/** A Gmail client bound to one request's tokens; 401 when Google sent no user token. */
export async function createGmailClient(rootUrl: string, credentials: GmailRequestCredentials): Promise<GmailClient> {
  if (!credentials.userOAuthToken) throw new AppError('unauthorized', 'The event has no userOAuthToken to read the message with');
  // Loaded on first use, and the Gmail module alone: `import 'googleapis'` loads every Google API (seconds).
  const { auth, gmail } = await import('googleapis/build/src/apis/gmail/index.js');
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: credentials.userOAuthToken });
  const headers: Record<string, string> = credentials.messageAccessToken ? { 'X-Goog-Gmail-Access-Token': credentials.messageAccessToken } : {};
  return { api: gmail({ version: 'v1', rootUrl, auth: oauth }), options: { headers } };
}

/** The HTTP status of a failed Gmail API call (gaxios errors carry it), if any. */
export function gmailErrorStatus(err: unknown): number | undefined {
  const e = err as { status?: unknown; response?: { status?: unknown }; code?: unknown };
  const status = e?.response?.status ?? e?.status ?? e?.code;
  return typeof status === 'number' ? status : typeof status === 'string' && /^\d{3}$/.test(status) ? Number(status) : undefined;
}
