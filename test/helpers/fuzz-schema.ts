/**
 * fast-check arbitraries for values that (nearly) satisfy an OpenAPI 3.1 / JSON Schema:
 * types, enums, patterns, lengths, bounds, required keys, $ref. Field names steer the
 * choice towards the organisation's real ids and keys, so requests get past "not found".
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, any>;

export interface SchemaHints {
  /** Resolves `#/components/schemas/<Name>`. */
  components: Record<string, JsonSchema>;
  /** A uuid for a field (`customerId`, `invoiceIds`, a path's `id`…): real, foreign or random. */
  uuidFor: (field: string) => fc.Arbitrary<string>;
  /** Real natural keys for a field (`from` → contact emails, `customerRef` → references…), if any. */
  keysFor: (field: string) => string[];
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'KWD', 'CHF'];
const ODD_CHARACTERS = ['\u0000', '\uD800', '\uDFFF', '\u202E', '\u200B', '\uFEFF', '😀', "'", '"', '\\', '%', '\r\n', '<b>', 'İ', '\u0085'];
const day = 86_400_000;

/** A calendar date near today, `YYYY-MM-DD`. */
export const nearDate = () => fc.integer({ min: -800, max: 400 }).map((offset) => new Date(Date.now() + offset * day).toISOString().slice(0, 10));

/** The schema a `$ref` points at (or the schema itself). */
export function resolve(schema: JsonSchema, hints: SchemaHints): JsonSchema {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = hints.components[String(s.$ref).replace('#/components/schemas/', '')] ?? {};
  return s ?? {};
}

/** Near-valid values of `schema` for the field `field`. */
export function validValue(schema: JsonSchema, hints: SchemaHints, field = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, hints);
  if (depth > 8) return fc.constant(null);
  // The currency enum (every ISO 4217 code) leans to the few the fuzz world's ledgers use, so records still match up.
  if (s.enum && CURRENCIES.every((c) => s.enum.includes(c))) return fc.oneof({ arbitrary: fc.constantFrom(...CURRENCIES), weight: 5 }, { arbitrary: fc.constantFrom(...(s.enum as string[])), weight: 1 });
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(s[key])) return fc.oneof(...s[key].map((x: JsonSchema) => validValue(x, hints, field, depth + 1)));
  if (Array.isArray(s.allOf)) return validValue(mergeAll(s.allOf.map((x: JsonSchema) => resolve(x, hints))), hints, field, depth + 1);
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ['string'];
  const nonNull = types.filter((t) => t !== 'null');
  const byType = nonNull.map((t) => typed(t, s, hints, field, depth));
  if (byType.length === 0) return fc.constant(null);
  const value = byType.length === 1 ? byType[0]! : fc.oneof(...byType);
  return types.includes('null') ? fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
}

function typed(type: string, s: JsonSchema, hints: SchemaHints, field: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringValue(s, hints, field);
    case 'integer':
    case 'number':
      return numberValue(s, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const min = s.minItems ?? 0;
      return fc.array(validValue(s.items ?? {}, hints, field, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(s.maxItems ?? 3, 3)) });
    }
    case 'object':
      return objectValue(s, hints, depth);
    default:
      return fc.constant(null);
  }
}

function objectValue(s: JsonSchema, hints: SchemaHints, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries<JsonSchema>(s.properties ?? {});
  if (properties.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2 });
  const model = Object.fromEntries(properties.map(([name, p]) => [name, validValue(p, hints, name, depth + 1)]));
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k: string) => k in model) });
}

function stringValue(s: JsonSchema, hints: SchemaHints, field: string): fc.Arbitrary<string> {
  const max = s.maxLength ?? 200;
  const fits = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= max;
  if (s.format === 'uuid') return hints.uuidFor(field);
  if (s.format === 'date-time') return fc.integer({ min: -800, max: 400 }).map((d) => new Date(Date.now() + d * day).toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern === DATE_PATTERN) return fc.oneof({ arbitrary: nearDate(), weight: 5 }, { arbitrary: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), weight: 1 });
  const keys = hints.keysFor(field).filter(fits);
  const free = s.pattern ? fc.stringMatching(new RegExp(s.pattern)).filter(fits) : fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(max, 40) });
  const options = [{ arbitrary: free, weight: 2 }];
  if (keys.length) options.push({ arbitrary: fc.constantFrom(...keys), weight: 4 });
  if (typeof s.example === 'string' && fits(s.example)) options.push({ arbitrary: fc.constant(s.example), weight: 1 });
  // Free text with one odd character in it: stays valid to zod, tests what the database and the renderers make of it.
  if (!s.pattern) options.push({ arbitrary: fc.tuple(fc.oneof(...options), fc.constantFrom(...ODD_CHARACTERS)).map(([v, odd]) => `${v}${odd}`.slice(-max)).filter(fits), weight: 2 });
  return fc.oneof(...options);
}

function numberValue(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : (s.minimum ?? -1_000_000);
  const hi = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : (s.maximum ?? 1_000_000);
  const near = Math.min(hi, Math.max(lo, 0) + 100_000);
  if (!integer) return fc.oneof(fc.double({ min: lo, max: near, noNaN: true }), fc.constantFrom(lo, hi));
  const safeLo = Math.max(lo, Number.MIN_SAFE_INTEGER);
  const safeHi = Math.min(hi, Number.MAX_SAFE_INTEGER);
  const [min, max] = [Math.max(safeLo, -(2 ** 31)), Math.min(near, 2 ** 31 - 1)];
  const small = min <= max ? fc.integer({ min, max }) : fc.constant(safeLo);
  return fc.oneof({ arbitrary: small, weight: 6 }, { arbitrary: fc.constantFrom(safeLo, safeHi), weight: 1 });
}

function mergeAll(parts: JsonSchema[]): JsonSchema {
  return parts.reduce<JsonSchema>(
    (acc, p) => ({ ...acc, ...p, properties: { ...acc.properties, ...p.properties }, required: [...(acc.required ?? []), ...(p.required ?? [])] }),
    { type: 'object', properties: {}, required: [] },
  );
}
