/**
 * Hostile inputs for the fuzzer: strings that break encodings, sizes and parsers,
 * numbers JSON should not carry, dates and currencies that do not exist, wrong types,
 * prototype-pollution keys, deep nesting (as raw text), malformed JSON and content types,
 * and mutations that turn a near-valid body into a nearly-invalid one.
 */
import fc from 'fast-check';

/** A string value the serializer swaps for a 10,000-level nested array or object (JSON.parse survives it; recursion may not). */
export const DEEP_ARRAY = '\u0000deep-array\u0000';
export const DEEP_OBJECT = '\u0000deep-object\u0000';
const LEVELS = 10_000;
const deepTexts: Record<string, string> = {
  [DEEP_ARRAY]: `${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}`,
  [DEEP_OBJECT]: `${'{"a":'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}`,
};

/** JSON text of `value`, with the deep-nesting sentinels expanded. */
export function toJsonText(value: unknown): string {
  let text = JSON.stringify(value) ?? 'null';
  for (const [sentinel, deep] of Object.entries(deepTexts)) text = text.split(JSON.stringify(sentinel)).join(deep);
  return text;
}

const odd = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\u202Eevil\u202C', '\u200B\u200C\u200D\uFEFF', '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301', 'İıſK', '\r\nX-Injected: 1', "' OR 1=1 --", "'; drop table customers; --", "1'); select pg_sleep(5); --",
  '$1', '%s%n%x', '../../../etc/passwd', '<script>alert(1)</script>', '{{7*7}}', '${jndi:ldap://x}', '\\', 'null', 'NaN', 'Infinity',
  '-0', '1e309', '0x1F', '[object Object]', 'ＵＳＤ', '٣٣٣', '\u0085\u2028\u2029', 'a@b', '@', 'jo@acme.com\u0000', 'ACME.COM', '*',
];

/** Strings that break encodings, sizes and parsers (some 100k+ characters). */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...odd), weight: 6 },
    { arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E'), fc.string({ maxLength: 10 })).map((parts) => parts.join('')), weight: 3 },
    { arbitrary: fc.tuple(fc.constantFrom('a', 'é', '😀', '\u0000', '\u202E', ' ', '\uD800'), fc.integer({ min: 100_001, max: 140_000 })).map(([u, n]) => u.repeat(n)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  );

/** Dates that do not exist or do not fit (the format is right, or nearly). */
export const bogusDate = () =>
  fc.constantFrom('2026-02-30', '2025-02-29', '99999-01-01', '0000-01-01', '0001-01-01', '9999-12-31', '2026-13-01', '2026-00-10', '2026-1-1', '1970-01-01T00:00:00Z', ' 2026-01-01', '2026-01-01\u0000', '+002026-01-01', '-000001-01-01', '2026-02-30T25:61:00Z', '275760-09-13T00:00:00.001Z', '2026-01-01T00:00:00+99:00');

/** Currency codes that are not ISO 4217, or not upper case. */
export const bogusCurrency = () => fc.constantFrom('usd', 'US', 'USDD', 'XXX', 'ZZZ', '€', 'U$D', '123', 'ＵＳＤ', 'AAA', 'US\u0000', '');

/** Numbers at and past the edges (JSON cannot carry NaN, so also as strings). */
export const hostileNumber = () =>
  fc.oneof(
    fc.constantFrom(-0, -1, 0.5, -0.5, 1e-320, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 2 ** 63, 2 ** 31, -(2 ** 31) - 1, Number.MAX_VALUE, Number.EPSILON, 0.1 + 0.2),
    fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '100', '0x10', '12345678901234567890123'),
    fc.double(),
  );

/** Keys that pollute prototypes, reach for internal columns, or are just odd. */
export const hostileKey = () => fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', '\u0000', 'orgId', 'org_id', 'id', 'role', 'isAdmin', 'createdAt', 'a'.repeat(10_000));

const protoObject = () => JSON.parse('{"__proto__":{"isAdmin":true,"role":"admin"},"constructor":{"prototype":{"polluted":true}}}') as unknown;

/** Any hostile JSON value: wrong types, odd strings, numbers, dates, currencies, deep or wide structures. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: hostileString(), weight: 4 },
    { arbitrary: hostileNumber(), weight: 2 },
    { arbitrary: bogusDate(), weight: 2 },
    { arbitrary: bogusCurrency(), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, [], {}, [null], [[]], { a: {} }, ['a', 1, null]), weight: 2 },
    { arbitrary: fc.constantFrom(DEEP_ARRAY, DEEP_OBJECT), weight: 1 },
    { arbitrary: fc.constant(null).map(protoObject), weight: 1 },
    { arbitrary: fc.constant(null).map(() => Array.from({ length: 20_000 }, () => 0)), weight: 1 },
  );

type Mutation = { kind: 'replace' | 'delete' | 'add'; at: number; key: string; value: unknown; text: string };

/** One change to a body; a string field is often replaced by another (hostile) string. */
export const mutation = (): fc.Arbitrary<Mutation> =>
  fc.record({ kind: fc.constantFrom('replace', 'replace', 'delete', 'add'), at: fc.nat(), key: hostileKey(), value: hostileValue(), text: fc.oneof(hostileString(), bogusDate(), bogusCurrency()) }) as fc.Arbitrary<Mutation>;

/** A copy of `body` with one field replaced, deleted or added (anywhere in it). */
export function applyMutation(body: unknown, m: Mutation): unknown {
  if (body === null || typeof body !== 'object') return m.value;
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const slots: Array<[Record<string, unknown>, string]> = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      slots.push([node as Record<string, unknown>, key]);
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(copy);
  const containers = [copy, ...slots.map(([p, k]) => p[k]).filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')];
  if (m.kind === 'add' || slots.length === 0) {
    const target = containers[m.at % containers.length]!;
    Object.defineProperty(target, Array.isArray(target) ? String(target.length) : m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const [parent, key] = slots[m.at % slots.length]!;
  if (m.kind === 'delete') delete parent[key];
  else parent[key] = typeof parent[key] === 'string' && typeof m.value !== 'string' && m.at % 2 === 0 ? m.text : m.value;
  return copy;
}

/** Bodies that are not (valid, single, reasonable) JSON at all. */
export const rawHostileBody = () =>
  fc.constantFrom(
    '{', '}', '{"a":}', "{'a':1}", '{"a":1,}', '[', 'NaN', '', 'null', 'true', '0', '"text"', '[]', '\uFEFF{}', '{"a":1}{"b":2}',
    '{"provider":"outlook","provider":"gmail"}', '1e999999', '-', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '\u0000\u0001\u0002', '<xml/>', 'a=1&b=2',
    `{"a":"${'x'.repeat(200_000)}"}`, `{${'"k":0,'.repeat(50_000)}"z":0}`, deepTexts[DEEP_ARRAY]!, deepTexts[DEEP_OBJECT]!, `{"items":${deepTexts[DEEP_ARRAY]}}`,
  );

/** Content types a JSON endpoint may be sent (undefined: no header). */
export const contentType = () =>
  fc.oneof(
    { arbitrary: fc.constant<string | undefined>('application/json'), weight: 12 },
    {
      arbitrary: fc.constantFrom<string | undefined>(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x', 'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/problem+json', 'application/merge-patch+json', 'application/json, text/html', '*/*', 'application/jsonx'),
      weight: 3,
    },
  );
