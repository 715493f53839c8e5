/**
 * A local Gmail API: answers users.messages.get and users.threads.get with Gmail API
 * JSON from a fixture mailbox and records every request (path, query, auth headers),
 * so tests drive the real googleapis client.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  gmailAccessToken: string | undefined;
}

export interface GmailFixtureMessage {
  id: string;
  threadId: string;
  headers: Record<string, string>;
  text?: string;
  html?: string;
  attachments?: Array<{ filename: string; mimeType: string; size: number }>;
  internalDate?: string;
  snippet?: string;
}

export interface FakeGmail {
  rootUrl: string;
  requests: RecordedRequest[];
  add: (...messages: GmailFixtureMessage[]) => void;
  /** Threads whose threads.get answers 403 (the token only covers the open message). */
  forbidThreads: Set<string>;
  close: () => Promise<void>;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** The Gmail API resource of a fixture message in the requested format. */
function resource(m: GmailFixtureMessage, format: string, wanted: string[]) {
  const headers = Object.entries(m.headers)
    .filter(([name]) => format !== 'metadata' || wanted.length === 0 || wanted.some((w) => w.toLowerCase() === name.toLowerCase()))
    .map(([name, value]) => ({ name, value }));
  const base = { id: m.id, threadId: m.threadId, labelIds: ['INBOX'], snippet: m.snippet ?? (m.text ?? '').slice(0, 100), internalDate: m.internalDate ?? '1763884800000', historyId: '9001', sizeEstimate: 4096 };
  if (format === 'metadata') return { ...base, payload: { mimeType: 'multipart/mixed', headers } };
  const body = [
    { partId: '0.0', mimeType: 'text/plain', filename: '', headers: [], body: { size: (m.text ?? '').length, data: b64(m.text ?? '') } },
    ...(m.html ? [{ partId: '0.1', mimeType: 'text/html', filename: '', headers: [], body: { size: m.html.length, data: b64(m.html) } }] : []),
  ];
  const attachments = (m.attachments ?? []).map((a, i) => ({ partId: String(i + 1), mimeType: a.mimeType, filename: a.filename, headers: [], body: { attachmentId: `ANGjdJ${i}`, size: a.size } }));
  return {
    ...base,
    payload: { partId: '', mimeType: 'multipart/mixed', filename: '', headers, body: { size: 0 }, parts: [{ partId: '0', mimeType: 'multipart/alternative', filename: '', headers: [], body: { size: 0 }, parts: body }, ...attachments] },
  };
}

/** Starts the server. */
export async function startFakeGmail(): Promise<FakeGmail> {
  const messages = new Map<string, GmailFixtureMessage>();
  const requests: RecordedRequest[] = [];
  const forbidThreads = new Set<string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      gmailAccessToken: req.headers['x-goog-gmail-access-token'] as string | undefined,
    });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(body));
    };
    const error = (code: number, message: string, status: string) => send(code, { error: { code, message, status, errors: [{ message, domain: 'global', reason: status }] } });
    const format = url.searchParams.get('format') ?? 'full';
    const wanted = url.searchParams.getAll('metadataHeaders');
    const message = url.pathname.match(/^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/);
    const thread = url.pathname.match(/^\/gmail\/v1\/users\/me\/threads\/([^/]+)$/);
    if (message) {
      const m = messages.get(decodeURIComponent(message[1]!));
      return m ? send(200, resource(m, format, wanted)) : error(404, 'Requested entity was not found.', 'NOT_FOUND');
    }
    if (thread) {
      const id = decodeURIComponent(thread[1]!);
      if (forbidThreads.has(id)) return error(403, 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED');
      const list = [...messages.values()].filter((m) => m.threadId === id);
      return list.length ? send(200, { id, historyId: '9001', messages: list.map((m) => resource(m, format, wanted)) }) : error(404, 'Requested entity was not found.', 'NOT_FOUND');
    }
    return error(404, 'Not Found', 'NOT_FOUND');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    requests,
    add: (...list) => list.forEach((m) => messages.set(m.id, m)),
    forbidThreads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
