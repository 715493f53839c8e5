/**
 * The document the message viewer's sandboxed frame shows: sanitised body HTML
 * under its own Content-Security-Policy, so even markup that slipped through the
 * sanitiser can load nothing but inline images (and https images once the user
 * allows remote images) and run nothing (the frame has no allow-scripts either).
 */

/** The frame's CSP: nothing by default; data: images, https: images only when allowed; inline styles. */
export function emailCsp(remoteImages: boolean): string {
  return [
    "default-src 'none'",
    `img-src data:${remoteImages ? ' https:' : ''}`,
    "style-src 'unsafe-inline'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const BASE_CSS = [
  'html { color-scheme: light; }',
  "body { margin: 12px; font: 14px/1.45 'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif; color: #242424; overflow-wrap: anywhere; }",
  'img { max-width: 100%; height: auto; }',
  'img:not([src]) { background: #f5f5f5; outline: 1px dashed #d1d1d1; outline-offset: -1px; color: #707070; font-size: 12px; }',
  'table { max-width: 100%; border-collapse: collapse; }',
  'pre { white-space: pre-wrap; }',
  'a { color: #0f6cbd; }',
  'blockquote { margin: 0 0 0 8px; padding-left: 8px; border-left: 2px solid #d1d1d1; color: #616161; }',
].join('\n');

/** A whole HTML document around already sanitised body HTML, for `<iframe sandbox srcdoc>`. */
export function emailSrcdoc(sanitizedBodyHtml: string, options: { remoteImages: boolean }): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${emailCsp(options.remoteImages)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<style>${BASE_CSS}</style>`,
    `</head><body>${sanitizedBodyHtml}</body></html>`,
  ].join('');
}
