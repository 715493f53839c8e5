import { escapeHtml } from '@shared/html/escape-html';
/**
 * Card text fields are "simple HTML" (Gmail renders <b>, <i>, <u>, <s>, <br>, <font color>).
 * For the preview: those few tags are rebuilt, everything else is shown as text, escaped.
 * @see https://developers.google.com/apps-script/add-ons/concepts/widgets#text_formatting
 */

export { escapeHtml };

const TAG = /<(\/?)(b|i|u|s|br|font)(\s+color="(#[0-9a-fA-F]{3,8})")?\s*\/?>/gi;
const ENTITY = /&(amp|lt|gt|quot|#39|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/gi;

function decodeEntity(entity: string): string {
  const e = entity.toLowerCase();
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
  if (named[e]) return named[e];
  const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Card "simple HTML" → safe HTML: whitelisted tags kept (normalised), all other text decoded then escaped. */
export function renderFormattedText(text: string): string {
  let out = '';
  let last = 0;
  const open: string[] = [];
  for (const m of text.matchAll(TAG)) {
    out += escapeHtml(text.slice(last, m.index).replace(ENTITY, (_, e: string) => decodeEntity(e)));
    last = m.index + m[0].length;
    const [, closing, rawName, , color] = m;
    const name = (rawName as string).toLowerCase();
    if (name === 'br') out += '<br>';
    else if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) out += open.splice(at).reverse().map((t) => (t === 'font' ? '</span>' : `</${t}>`)).join('');
    } else {
      open.push(name);
      out += name === 'font' ? `<span style="color:${color ?? 'inherit'}">` : `<${name}>`;
    }
  }
  out += escapeHtml(text.slice(last).replace(ENTITY, (_, e: string) => decodeEntity(e)));
  return out + open.reverse().map((t) => (t === 'font' ? '</span>' : `</${t}>`)).join('');
}
