/**
 * Traps for the XSS browser test: a local HTTP server that counts every
 * connection, a recorder on the pane's window (`__xss(id)`, and `postMessage('xss:id')`
 * from any frame: Playwright's bindings do not reach sandboxed frames), and a record
 * of every request, dialog, page error and console error of the page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

export interface LeakServer {
  origin: string;
  /** TCP connections (an https attempt reaches it too) and request paths. */
  connections: number;
  paths: string[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that payloads try to reach; answers a 1×1 GIF. */
export async function startLeakServer(): Promise<LeakServer> {
  const gif = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');
  const state = { connections: 0, paths: [] as string[] };
  const server: Server = createServer((req, res) => {
    state.paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif', 'access-control-allow-origin': '*' }).end(gif);
  });
  server.on('connection', () => (state.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    get paths() {
      return state.paths;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface PageTraps {
  /** Ids passed to __xss or posted as 'xss:<id>' to the top window. */
  calls: string[];
  /** Requests to anything but the Payside server (office.js is routed, data: is local). */
  foreign: string[];
  /** Requests to *.payside.test (routed: answered with a PNG, never leave the machine). */
  routed: string[];
  /** Console errors and warnings, with the URL of the script or document that logged them. */
  consoleErrors: Array<{ text: string; url: string }>;
}

/** Installs the traps on a page before it loads the pane. */
export async function trapPage(page: Page, baseUrl: string, officeJs: string): Promise<PageTraps> {
  const traps: PageTraps = { calls: [], foreign: [], routed: [], consoleErrors: [] };
  await page.exposeFunction('__xss', (id: unknown) => void traps.calls.push(String(id)));
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.startsWith('xss:')) (window as unknown as { __xss(id: string): void }).__xss(e.data.slice(4));
    });
  });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  await page.route(/^https?:\/\/[^/]*\.payside\.test\//, (route) => {
    traps.routed.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: png });
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${baseUrl}/`) && url !== officeJs && !url.startsWith('data:') && !/\.payside\.test\//.test(url)) traps.foreign.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') traps.consoleErrors.push({ text: msg.text(), url: msg.location().url });
  });
  return traps;
}

/**
 * Chromium checks a page's CSP even while parsing into an inert document: DOMPurify's parse of
 * hostile HTML in the pane (whose CSP forbids inline handlers and <base>) logs a CSP violation
 * from the viewer's chunk although nothing could run. Those reports are expected; any other
 * console error or warning (above all one from the email's frame) is not.
 */
export const unexpectedConsole = (traps: PageTraps) =>
  traps.consoleErrors.filter(
    (m) => !(/\/outlook\/assets\/message-viewer-[\w-]+\.js$/.test(m.url) && /^(Executing inline event handler violates|Setting the document's base URI to .* violates)/.test(m.text)),
  );

/** Run inside the viewer's frame: everything in its document that should not be there. */
export function frameViolations(): string[] {
  const bad: string[] = [];
  const forbidden = 'script, style:not(head > style), svg, math, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, keygen, isindex, base, link, video, audio, source, picture, template, noscript, marquee, xmp, noembed';
  for (const el of document.querySelectorAll(forbidden)) bad.push(`element <${el.tagName.toLowerCase()}>`);
  for (const el of document.querySelectorAll('meta')) if (el.parentElement !== document.head) bad.push('meta in body');
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) bad.push(`handler ${attr.name} on <${el.tagName.toLowerCase()}>`);
      if (['srcset', 'background', 'poster', 'action', 'formaction', 'ping', 'xlink:href', 'shadowrootmode'].includes(attr.name)) bad.push(`attribute ${attr.name}`);
      if (attr.name === 'style' && /url\s*\(|expression|behavior|binding|\\/i.test(attr.value)) bad.push(`style ${attr.value}`);
    }
    if (el.shadowRoot) bad.push('shadow root');
  }
  for (const a of document.querySelectorAll('a[href]')) {
    if (!/^(https?:|mailto:|tel:)/i.test(a.getAttribute('href') ?? '')) bad.push(`link ${a.getAttribute('href')}`);
    if (a.getAttribute('target') !== '_blank' || a.getAttribute('rel') !== 'noopener noreferrer') bad.push('link without target/rel');
  }
  for (const img of document.querySelectorAll('img[src]')) if (!/^data:image\/(png|gif|jpe?g|webp|bmp|avif)[;,]/i.test(img.getAttribute('src') ?? '')) bad.push(`image ${img.getAttribute('src')}`);
  return bad;
}
