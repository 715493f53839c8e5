/**
 * A small, strict XML reader for tests (Node has no DOMParser): elements,
 * attributes, text, comments and the declaration. Throws on anything
 * malformed: unclosed or mismatched tags, bad attributes, unknown entities.
 */

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Concatenated text directly inside this element, trimmed. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const isNameChar = (ch: string) => /[A-Za-z0-9_:.-]/.test(ch);

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlNode {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`XML: ${message} at offset ${i}: …${source.slice(Math.max(0, i - 30), i + 30)}…`);
  };
  const expect = (token: string) => {
    if (!source.startsWith(token, i)) fail(`expected "${token}"`);
    i += token.length;
  };
  const skipSpace = () => {
    while (i < source.length && ' \t\r\n'.includes(source[i]!)) i++;
  };
  const readName = () => {
    const start = i;
    while (i < source.length && isNameChar(source[i]!)) i++;
    if (i === start) fail('expected a name');
    return source.slice(start, i);
  };
  const decode = (raw: string) =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (match, entity: string | undefined) => {
      if (!entity) return fail('bare "&"');
      if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
      return ENTITIES[entity] ?? fail(`unknown entity &${entity};`);
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) fail('unterminated declaration');
        i = end + 2;
      } else return;
    }
  };

  const readElement = (): XmlNode => {
    expect('<');
    const node: XmlNode = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      if (attr in node.attrs) fail(`duplicate attribute ${attr}`);
      skipSpace();
      expect('=');
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) fail('"<" in an attribute value');
      node.attrs[attr] = decode(raw);
      i = end + 1;
    }
    let text = '';
    for (;;) {
      if (i >= source.length) fail(`unclosed <${node.name}>`);
      if (source.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== node.name) fail(`</${name}> closes <${node.name}>`);
        skipSpace();
        expect('>');
        node.text = text.trim();
        return node;
      }
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source[i] === '<') {
        node.children.push(readElement());
      } else {
        const next = source.indexOf('<', i);
        text += decode(source.slice(i, next < 0 ? source.length : next));
        i = next < 0 ? source.length : next;
      }
    }
  };

  skipMisc();
  const root = readElement();
  skipMisc();
  if (i !== source.length) fail('content after the root element');
  return root;
}

/** The child element names, in document order. */
export const childNames = (node: XmlNode) => node.children.map((c) => c.name);

/** The only child with this name; throws when there is none or several. */
export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}> children`);
  return found[0]!;
}

/** Every descendant element (depth first) matching the predicate. */
export function findAll(node: XmlNode, match: (n: XmlNode) => boolean): XmlNode[] {
  return node.children.flatMap((c) => [...(match(c) ? [c] : []), ...findAll(c, match)]);
}
