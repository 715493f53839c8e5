/**
 * Builds a valid JSON example from an OpenAPI (JSON Schema) request body. Every id, external
 * ref and natural key in it is a "slot" the caller fills (own ids, another org's, a missing
 * one, or left out); anything the generator does not understand throws, so a new field
 * forces an update here rather than a silently weaker test.
 */
import type { Entity, KeyKind, RefKind } from './tenant-world';

export type JsonSchema = Record<string, any>;
export const OMIT = Symbol('omit');

export type Slot =
  | { kind: 'id'; at: string; entity: Entity; optional: boolean }
  | { kind: 'ref'; at: string; entity: RefKind; field: string; optional: boolean }
  | { kind: 'key'; at: string; entity: KeyKind | 'newEmail'; optional: boolean };
/** Decides each slot's value; OMIT leaves an optional one out. */
export type Fill = (slot: Slot) => unknown;

/** uuid fields by `Component.field` or `field`. */
const ID_FIELDS: Record<string, Entity> = {
  'MoveThreadRequest.customerId': 'customer2',
  customerId: 'customer',
  invoiceIds: 'invoice',
  ownerId: 'user',
  threadId: 'thread',
};
/** Natural keys (non-uuid strings) by field: always filled, optional or not. */
const KEY_FIELDS: Record<string, KeyKind | 'newEmail'> = {
  threadId: 'threadKey',
  internetMessageId: 'messageKey',
  from: 'contactEmail',
  subject: 'invoiceNumber',
  email: 'newEmail',
  q: 'customerName',
};
/** External refs: what they point at, `externalRef` by the component it is in. */
const REF_FIELDS: Record<string, RefKind> = { customerRef: 'customer', parentRef: 'customer2', invoiceRef: 'invoice' };
const EXTERNAL_REF_OF: Record<string, RefKind> = { SyncCustomer: 'customer', SyncContact: 'contact', SyncInvoice: 'invoice', SyncPayment: 'payment', SyncCreditNote: 'creditNote' };
/** Names that look like references but are opaque provider values. */
const NOT_REFERENCES = new Set(['providerMessageId']);
const LOOKS_LIKE_REFERENCE = /(Ref|Id|Ids|email)$/i;
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const futureDate = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

let sequence = 0;

interface Walk {
  name: string;
  at: string;
  component: string;
  optional: boolean;
  fill: Fill;
  doc: { components?: { schemas?: Record<string, JsonSchema> } };
  slots: Slot[];
}

/** A request body for `schema`, with its slots filled by `fill` (and listed in `slots`). */
export function exampleBody(doc: Walk['doc'], schema: JsonSchema, fill: Fill, slots: Slot[] = []): unknown {
  const value = walk(schema, { name: '', at: 'body', component: '', optional: false, fill, doc, slots });
  if (value === OMIT) throw new Error('the whole body was left out');
  return value;
}

function slot(w: Walk, s: Slot): unknown {
  w.slots.push(s);
  return w.fill(s);
}

function walk(schema: JsonSchema, w: Walk): unknown {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    const target = w.doc.components?.schemas?.[name];
    if (!target) throw new Error(`unknown schema ${schema.$ref}`);
    return walk(target, { ...w, component: name });
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (type === 'object') return walkObject(schema, w);
  if (type === 'array') {
    const item = walk(schema.items ?? {}, { ...w, at: `${w.at}.0` });
    return item === OMIT ? OMIT : [item];
  }
  if (type === 'string') return walkString(schema, w);
  if (type === 'integer' || type === 'number') return numberIn(schema);
  if (type === 'boolean') return false;
  throw new Error(`${w.at}: no example for schema ${JSON.stringify(schema)}`);
}

function walkObject(schema: JsonSchema, w: Walk): unknown {
  const required = new Set<string>(schema.required ?? []);
  const out: Record<string, unknown> = {};
  const properties = Object.entries<JsonSchema>(schema.properties ?? {});
  for (const [name, property] of properties) {
    const optional = !required.has(name);
    // An optional field is sent only when it carries a slot (an id, ref or key to probe).
    if (optional && !carriesSlot(property, name, w.doc)) continue;
    const value = walk(property, { ...w, name, at: `${w.at}.${name}`, optional: w.optional || optional });
    if (value === OMIT) {
      if (!optional) return OMIT;
      continue;
    }
    out[name] = value;
  }
  if (Object.keys(out).length === 0 && properties.length > 0) {
    const [name, property] = properties[0]!;
    out[name] = walk(property, { ...w, name, at: `${w.at}.${name}` });
  }
  return out;
}

/** Whether a field (or anything inside it) is an id, a ref, a natural key, or looks like one. */
function carriesSlot(schema: JsonSchema, name: string, doc: Walk['doc']): boolean {
  if (schema.$ref) return carriesSlot(doc.components?.schemas?.[String(schema.$ref).replace('#/components/schemas/', '')] ?? {}, name, doc);
  if (schema.properties) return Object.entries<JsonSchema>(schema.properties).some(([n, p]) => carriesSlot(p, n, doc));
  if (schema.items) return carriesSlot(schema.items, name, doc);
  if (NOT_REFERENCES.has(name)) return false;
  return schema.format === 'uuid' || name === 'externalRef' || name in REF_FIELDS || name in KEY_FIELDS || LOOKS_LIKE_REFERENCE.test(name);
}

function walkString(schema: JsonSchema, w: Walk): unknown {
  const qualified = `${w.component}.${w.name}`;
  if (schema.format === 'uuid') {
    const entity = ID_FIELDS[qualified] ?? ID_FIELDS[w.name];
    if (!entity) throw new Error(`${w.at}: uuid field "${qualified}" is not in ID_FIELDS; say which entity it refers to`);
    return slot(w, { kind: 'id', at: w.at, entity, optional: w.optional });
  }
  if (w.name === 'externalRef') {
    const entity = EXTERNAL_REF_OF[w.component];
    if (!entity) throw new Error(`${w.at}: externalRef of unknown component ${w.component}`);
    return slot(w, { kind: 'ref', at: w.at, entity, field: w.name, optional: w.optional });
  }
  if (REF_FIELDS[w.name]) return slot(w, { kind: 'ref', at: w.at, entity: REF_FIELDS[w.name]!, field: w.name, optional: w.optional });
  if (KEY_FIELDS[w.name]) return slot(w, { kind: 'key', at: w.at, entity: KEY_FIELDS[w.name]!, optional: w.optional });
  if (LOOKS_LIKE_REFERENCE.test(w.name) && !NOT_REFERENCES.has(w.name)) throw new Error(`${w.at}: "${qualified}" looks like a reference; map it in example-body.ts`);
  // A long enum (the ISO 4217 currencies) names its everyday value as the example: USD, like the world's ledger.
  if (schema.enum) return schema.enum.includes(schema.example) ? schema.example : schema.enum[0];
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format) throw new Error(`${w.at}: unknown string format ${schema.format}`);
  if (schema.pattern === DATE_PATTERN) return futureDate();
  if (schema.pattern === '^[A-Z]{3}$') return 'USD';
  if (schema.pattern) throw new Error(`${w.at}: no example for pattern ${schema.pattern}`);
  const text = `${w.name || 'value'}-${++sequence}`;
  return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, 'x');
}

function numberIn(schema: JsonSchema): number {
  let value = 100;
  if (schema.minimum !== undefined && value < schema.minimum) value = schema.minimum;
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) value = schema.exclusiveMinimum + 1;
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return value;
}
