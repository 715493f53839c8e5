/** A tiny XML writer: element trees in, indented and escaped XML out. */

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | undefined>;
  /** Child elements, or one text value. */
  children?: Array<XmlElement | null | false> | string;
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Shorthand for an element; null and false children are skipped, so optional parts read inline. */
export const el = (name: string, attrs: XmlElement['attrs'] = {}, children?: XmlElement['children']): XmlElement => ({ name, attrs, children });

/** The document with an XML declaration, two-space indented. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root, '')}\n`;
}

function renderElement(node: XmlElement, indent: string): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const open = `${indent}<${node.name}${attrs}`;
  if (typeof node.children === 'string') return `${open}>${escapeXml(node.children)}</${node.name}>`;
  const children = (node.children ?? []).filter((c): c is XmlElement => Boolean(c));
  if (children.length === 0) return `${open} />`;
  return `${open}>\n${children.map((c) => renderElement(c, `${indent}  `)).join('\n')}\n${indent}</${node.name}>`;
}
