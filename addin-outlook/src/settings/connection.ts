/**
 * Where the pane talks to and with what: kept in the browser's local storage
 * (never in roaming settings, which sync the token to every device).
 */

export interface Connection {
  serverUrl: string;
  /** A personal API token; null when signing in with Microsoft (Entra SSO). */
  token: string | null;
  method: 'token' | 'entra';
}

const KEY = 'payside.connection.v1';

/** The saved connection, or null on first run. */
export function loadConnection(): Connection | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Connection>;
    if (typeof parsed.serverUrl !== 'string' || !parsed.serverUrl) return null;
    return { serverUrl: parsed.serverUrl, token: typeof parsed.token === 'string' ? parsed.token : null, method: parsed.method === 'entra' ? 'entra' : 'token' };
  } catch {
    return null;
  }
}

/** Remembers the connection on this device. */
export function saveConnection(connection: Connection): void {
  window.localStorage.setItem(KEY, JSON.stringify(connection));
}

/** Signs out on this device. */
export function clearConnection(): void {
  window.localStorage.removeItem(KEY);
}

/** "payside.example.com/" → "https://payside.example.com". */
export function normalizeServerUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}
