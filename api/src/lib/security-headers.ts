/**
 * Response hardening for every route: a strict CSP for JSON, a CSP per HTML page (the
 * Outlook task pane, the sandbox, the docs), nosniff, no referrer, no X-Powered-By, and
 * CORS for the configured origins only (no credentials).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** Office.js comes from Microsoft's CDN (it also loads its host scripts and, rarely, an error frame from there). */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
/** MSAL (Entra sign-in) talks to and may frame the Microsoft identity platform. */
export const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';
/**
 * Where Outlook on the web, new Outlook and Microsoft 365 frame add-in panes.
 * @see https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/content-security-policy-headers
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

const NONE = ["'none'"];
const common = { referrerPolicy: 'no-referrer', xContentTypeOptions: true, removePoweredBy: true, crossOriginEmbedderPolicy: false } as const;

/**
 * The task pane (and the sandbox's copy of it): Office.js from its CDN, MSAL to Microsoft
 * sign-in, Fluent UI's runtime styles and the inline styles of sanitised email HTML
 * (shown in a srcdoc frame, which inherits this policy: so no remote images).
 */
const pane = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: NONE,
    scriptSrc: ["'self'", OFFICE_CDN],
    styleSrc: ["'self'", "'unsafe-inline'"],
    // https: so the message viewer's "Show remote images" can work: its srcdoc frame inherits this policy and
    // adds its own, which blocks remote images until the user asks (addin-outlook/src/ui/email-srcdoc.ts).
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", MICROSOFT_LOGIN],
    frameSrc: ["'self'", MICROSOFT_LOGIN, OFFICE_CDN],
    objectSrc: NONE,
    baseUri: NONE,
    formAction: NONE,
    frameAncestors: ["'self'", ...OUTLOOK_FRAME_ANCESTORS],
  },
  xFrameOptions: false, // framed by Outlook: frame-ancestors decides
  crossOriginOpenerPolicy: false, // MSAL's sign-in popup must be able to report back
  crossOriginResourcePolicy: 'cross-origin', // Outlook shows the add-in's icons from /outlook/assets
});

/** The /sandbox page: its own inline scripts by nonce, the pane in a same-origin frame. */
const sandboxPage = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: NONE,
    scriptSrc: [NONCE],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    frameSrc: ["'self'"],
    baseUri: NONE,
    formAction: NONE,
    frameAncestors: NONE,
  },
  xFrameOptions: 'DENY',
});

/** Static HTML without scripts (the API reference). */
const document = secureHeaders({
  ...common,
  contentSecurityPolicy: { defaultSrc: NONE, styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'", 'data:'], baseUri: NONE, formAction: NONE, frameAncestors: NONE },
  xFrameOptions: 'DENY',
});

/** Everything else (JSON, problems, manifests): nothing may load or frame it; a route's own CSP is kept. */
const api = secureHeaders({
  ...common,
  contentSecurityPolicy: { defaultSrc: NONE, frameAncestors: NONE },
  xFrameOptions: 'DENY',
  overwrite: false,
});

const pageFor = (path: string) => {
  if (path.startsWith('/outlook/') || path === '/sandbox/pane') return pane;
  if (path === '/sandbox') return sandboxPage;
  if (path === '/docs') return document;
  return api;
};

/** The security headers of each response, chosen by path. */
export function securityHeaders(): MiddlewareHandler {
  return (c, next) => pageFor(c.req.path)(c, next);
}

/** The CSP nonce of this response (for the sandbox page's inline scripts). */
export const cspNonce = (c: Context) => (c.get('secureHeadersNonce' as never) as string | undefined) ?? '';

/** CORS for browser callers of /v1 from `origins` only: bearer tokens, never cookies. */
export function apiCors(origins: readonly string[]): MiddlewareHandler {
  return cors({
    origin: (origin) => (origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['x-request-id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    maxAge: 600,
    credentials: false,
  });
}
