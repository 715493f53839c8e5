/**
 * Email HTML is untrusted. Before the message viewer shows it, DOMPurify keeps
 * only the tags and attributes that lay out text, tables and images: no
 * scripts, forms, styles, SVG, MathML, frames, media or event handlers; links
 * only to http(s), mailto and tel; images only from raster data: URIs unless the user
 * asks for remote images (then https too). The result is still shown only in a
 * sandboxed frame with its own CSP (email-srcdoc.ts): this is one layer of two.
 */
import DOMPurify, { type Config } from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 's', 'samp',
  'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time',
  'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];
const ALLOWED_ATTR = [
  'abbr', 'align', 'alt', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'class', 'color', 'colspan', 'datetime', 'dir', 'face',
  'headers', 'height', 'href', 'id', 'lang', 'nowrap', 'open', 'reversed', 'rowspan', 'scope', 'size', 'span', 'src', 'start',
  'style', 'summary', 'title', 'type', 'valign', 'width',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Absolute http(s), mailto and tel only: no javascript:, data:, relative or protocol-relative links.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  // DOMPurify tests every attribute not marked URI-safe against that pattern: only href and src are URIs here.
  ADD_URI_SAFE_ATTR: ALLOWED_ATTR.filter((name) => name !== 'href' && name !== 'src'),
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
};

/**
 * CSS that can fetch or run something: url()/image() and friends, legacy
 * expression()/behaviors, @import, and escapes or comments that could hide them.
 */
const UNSAFE_CSS = /(?:url|image|image-set|cross-fade|element|paint|src|expression)\s*\(|@import|\\|\/\*|javascript:|behavior|binding/i;
/** Inline raster images only: an SVG image cannot run script, but no SVG at all is simpler to trust. */
const IMAGE_DATA_URI = /^data:image\/(?:png|gif|jpe?g|webp|bmp|avif)[;,]/i;
const HTTPS = /^https:/i;
const REMOTE = /^https?:/i;

export interface SanitizeOptions {
  /** Keep https images (the user clicked "Show remote images"); http ones stay blocked. */
  remoteImages: boolean;
}

export interface SanitizedEmail {
  /** Body HTML that is safe to put in the viewer's sandboxed frame. */
  html: string;
  /** Remote images whose address was removed. */
  blockedImages: number;
}

let current: SanitizeOptions = { remoteImages: false };
let blocked = 0;

const purify = DOMPurify(window);
purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'style' && UNSAFE_CSS.test(data.attrValue)) data.keepAttr = false;
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG' && node.hasAttribute('src')) {
    const src = node.getAttribute('src') ?? '';
    if (!IMAGE_DATA_URI.test(src) && !(current.remoteImages && HTTPS.test(src))) {
      node.removeAttribute('src');
      if (REMOTE.test(src)) blocked += 1;
    }
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Sanitises an email's HTML body for the message viewer (see the module comment for what survives). */
export function sanitizeEmailHtml(html: string, options: SanitizeOptions = { remoteImages: false }): SanitizedEmail {
  current = options;
  blocked = 0;
  try {
    return { html: purify.sanitize(html, CONFIG) as string, blockedImages: blocked };
  } finally {
    current = { remoteImages: false };
  }
}
