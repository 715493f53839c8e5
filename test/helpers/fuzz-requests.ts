/**
 * Fuzz cases for every operation of the API's own OpenAPI document: near-valid and
 * hostile path parameters, query strings, bodies, content types and credentials.
 */
import fc from 'fast-check';
import type { TRole } from '@shared/schemas';
import { applyMutation, contentType, hostileString, hostileValue, mutation, rawHostileBody, toJsonText } from './fuzz-hostile';
import { validValue, type JsonSchema, type SchemaHints } from './fuzz-schema';
import type { FuzzWorld, IdKind } from './fuzz-world';

export interface FuzzOperation {
  name: string;
  method: string;
  path: string;
  role: TRole;
  query: Array<{ name: string; required: boolean; schema: JsonSchema }>;
  body?: JsonSchema;
}

export interface FuzzCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  kind: string;
}

/** Every operation under /v1 in the document (so a new endpoint is fuzzed without touching the test). */
export function fuzzOperations(doc: { paths: Record<string, Record<string, JsonSchema>> }): FuzzOperation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, spec]) => ({
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          role: (spec['x-payside-role'] ?? 'viewer') as TRole,
          query: ((spec.parameters ?? []) as JsonSchema[]).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? {} })),
          body: spec.requestBody?.content?.['application/json']?.schema,
        })),
    );
}

/** Which table's ids a field or path segment takes (`customerId`, `/customers/{id}`…). */
const KIND_BY_NAME: Record<string, IdKind> = { customer: 'customers', thread: 'threads', message: 'messages', contact: 'contacts', dispute: 'disputes', hold: 'holds', promise: 'promises', invoice: 'invoices', owner: 'users', user: 'users', note: 'notes', payment: 'payments' };
const kindOf = (name: string): IdKind | undefined => KIND_BY_NAME[name.replace(/(Ids?|s)$/, '').toLowerCase()];

/** Schema hints backed by the world's real ids and keys. */
export function worldHints(world: FuzzWorld, components: Record<string, JsonSchema>): SchemaHints {
  const all = Object.values(world.ids).flat();
  const uuidFor = (field: string) => {
    const own = world.ids[kindOf(field) ?? 'customers'];
    return fc.oneof(
      { arbitrary: fc.constantFrom(...(own.length ? own : all)), weight: 8 },
      { arbitrary: fc.constantFrom(...all, ...world.foreignIds), weight: 2 },
      { arbitrary: fc.uuid(), weight: 1 },
    );
  };
  const keysFor = (field: string): string[] => {
    if (/^(from|to|cc|email)$/.test(field)) return world.keys.email;
    if (field === 'threadId') return world.keys.threadKey;
    if (field === 'internetMessageId') return world.keys.messageKey;
    if (field === 'customerRef' || field === 'parentRef') return world.keys.customerRef;
    if (field === 'invoiceRef') return world.keys.invoiceRef;
    if (field === 'q' || field === 'name') return [...world.keys.name, ...world.keys.invoiceNumber];
    if (field === 'externalRef') return [...world.keys.customerRef, ...world.keys.invoiceRef, ...world.keys.contactRef, ...world.keys.paymentRef];
    return [];
  };
  return { components, uuidFor, keysFor };
}

/** Percent-encodes, with lone surrogates (which a URL cannot carry) as U+FFFD. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const HOSTILE_SEGMENTS = [
  'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', "1' OR '1'='1", "'; drop table customers; --",
  '%2F', '..%2F..%2Fv1%2Fme', '%00', '%', '%zz', 'a/b', '..', '.', '%20%20', 'x'.repeat(5000), '%F0%9F%98%80', '%ED%A0%80', '{}', 'null', '-1', '1e9',
];

function segment(world: FuzzWorld, kind: IdKind | undefined, hints: SchemaHints): fc.Arbitrary<string> {
  const own = hints.uuidFor(kind ?? 'customers');
  return fc.oneof(
    { arbitrary: own, weight: 6 },
    { arbitrary: own.map((id) => id.toUpperCase()), weight: 1 },
    { arbitrary: own.map((id) => `{${id}}`), weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS), weight: 3 },
    { arbitrary: hostileString().filter((s) => s.length < 3000).map(encode), weight: 2 },
  );
}

function queryString(op: FuzzOperation, hints: SchemaHints): fc.Arbitrary<string> {
  const params = op.query.map((p) =>
    fc.oneof(
      { arbitrary: fc.constant<string | null>(null), weight: 2 },
      { arbitrary: validValue(p.schema, hints, p.name).map((v) => `${p.name}=${encode(String(v))}`), weight: 4 },
      { arbitrary: hostileString().filter((s) => s.length < 20_000).map((v) => `${p.name}=${encode(v)}`), weight: 2 },
      { arbitrary: fc.constantFrom(`${p.name}=`, `${p.name}`, `${p.name}=a&${p.name}=b`, `${p.name}=%`, `${p.name}[]=1`, `${p.name}=-1`, `${p.name}=1e999`, `${p.name}=2026-02-30`), weight: 1 },
    ),
  );
  const extra = fc.oneof({ arbitrary: fc.constant<string | null>(null), weight: 4 }, { arbitrary: fc.constantFrom('__proto__[x]=1', 'constructor=1', 'access_token=psk_x', '&&&', '=', 'a=%00'), weight: 1 });
  return fc.tuple(fc.tuple(...params), extra).map(([ps, e]) => [...ps, e].filter((x): x is string => x !== null).join('&'));
}

function bodyText(op: FuzzOperation, hints: SchemaHints): fc.Arbitrary<{ body?: string; kind: string }> {
  if (!op.body) return fc.constant({ kind: 'no body' });
  const valid = validValue(op.body, hints, 'body');
  return fc.oneof(
    { arbitrary: valid.map((v) => ({ body: toJsonText(v), kind: 'near-valid' })), weight: 3 },
    { arbitrary: fc.tuple(valid, mutation(), fc.boolean(), mutation()).map(([v, m, twice, m2]) => ({ body: toJsonText(twice ? applyMutation(applyMutation(v, m), m2) : applyMutation(v, m)), kind: `mutated (${m.kind})` })), weight: 6 },
    { arbitrary: hostileValue().map((v) => ({ body: toJsonText(v), kind: 'hostile root' })), weight: 1 },
    { arbitrary: rawHostileBody().map((body) => ({ body, kind: 'raw text' })), weight: 1 },
  );
}

function authorization(op: FuzzOperation, world: FuzzWorld): fc.Arbitrary<string | undefined> {
  const t = world.tokens;
  return fc.oneof(
    { arbitrary: fc.constant<string | undefined>(`Bearer ${t.admin}`), weight: 10 },
    { arbitrary: fc.constantFrom<string | undefined>(`Bearer ${t.collector}`, `Bearer ${t.viewer}`, `bearer ${t[op.role]}`), weight: 3 },
    {
      arbitrary: fc.constantFrom<string | undefined>(undefined, 'Bearer', 'Bearer ', 'Bearer psk_', `Bearer ${t.admin}x`, `Basic ${t.admin}`, `Bearer ${t.admin} extra`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', `Bearer ${'a'.repeat(8000)}`, 'Bearer \u00ff\u00fe'),
      weight: 2,
    },
  );
}

/** Requests for one operation: mostly near-valid with one thing wrong, some wholly hostile. */
export function fuzzCases(op: FuzzOperation, world: FuzzWorld, hints: SchemaHints): fc.Arbitrary<FuzzCase> {
  const parts = op.path.split('/');
  const kinds = parts.flatMap((p, i) => (/^\{\w+\}$/.test(p) ? [kindOf(parts[i - 1] ?? '')] : []));
  const segments = fc.tuple(...kinds.map((kind) => segment(world, kind, hints)));
  return fc.record({ segments, query: queryString(op, hints), body: bodyText(op, hints), type: contentType(), auth: authorization(op, world) }).map(({ segments: values, query, body, type, auth }) => {
    let i = 0;
    const path = op.path.replace(/\{\w+\}/g, () => values[i++] ?? '');
    const headers: Record<string, string> = {};
    if (auth !== undefined) headers.authorization = auth;
    if (body.body !== undefined && type !== undefined) headers['content-type'] = type;
    const c: FuzzCase = { method: op.method, url: `${path}${query ? `?${query}` : ''}`, headers, body: body.body, kind: body.kind };
    return Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) });
  });
}

/** A short, readable description of a case (the bodies can be megabytes). */
export function describeCase(c: FuzzCase): string {
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  return `${c.method} ${clip(c.url, 300)} [${c.kind}] headers=${clip(JSON.stringify(c.headers), 200)} body=${c.body === undefined ? '(none)' : clip(JSON.stringify(c.body), 600)}`;
}
