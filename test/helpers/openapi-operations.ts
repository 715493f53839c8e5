/** The API's operations as its own OpenAPI document lists them, and requests built from them. */
import type { TRole } from '@shared/schemas';
import type { createApp } from '../../api/src/app';
import { exampleBody, OMIT, type Fill, type JsonSchema, type Slot } from './example-body';
import type { Entity } from './tenant-world';

export interface OpenApiDocument {
  paths: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ApiOperation {
  /** "POST /v1/threads" */
  name: string;
  method: string;
  path: string;
  role: TRole;
  spec: JsonSchema;
}

/** Path parameters by `<collection>/{param}`: which entity's id goes there. */
const PATH_PARAMS: Record<string, Entity> = {
  'customers/{id}': 'customer',
  'threads/{id}': 'thread',
  'contacts/{id}': 'contact',
  'disputes/{id}': 'dispute',
  'holds/{id}': 'hold',
  'messages/{id}': 'message',
};

/** The document the app serves at /v1/openapi.json. */
export function openApiDocument(app: ReturnType<typeof createApp>): OpenApiDocument {
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Payside API', version: 'test' } }) as unknown as OpenApiDocument;
}

/** Every operation under /v1, in document order. */
export function listOperations(doc: OpenApiDocument): ApiOperation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, spec]) => {
          const role = spec['x-payside-role'] as TRole | undefined;
          if (!role) throw new Error(`${method.toUpperCase()} ${path} has no x-payside-role`);
          return { name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, role, spec };
        }),
    );
}

export interface PlannedRequest {
  method: string;
  url: string;
  body?: unknown;
  slots: Slot[];
}

/** A concrete request for an operation: path ids, the query's natural keys and a body, all through `fill`. */
export function buildRequest(doc: OpenApiDocument, op: ApiOperation, fill: Fill): PlannedRequest {
  const slots: Slot[] = [];
  const url = op.path.replace(/\{(\w+)\}/g, (param, name: string, offset: number) => {
    const collection = op.path.slice(0, offset).split('/').filter(Boolean).at(-1);
    const entity = PATH_PARAMS[`${collection}/${param}`];
    if (!entity) throw new Error(`${op.name}: path parameter ${collection}/${param} is not in PATH_PARAMS; say which entity it takes`);
    const s: Slot = { kind: 'id', at: `path.${name}`, entity, optional: false };
    slots.push(s);
    return encodeURIComponent(String(fill(s)));
  });
  const query = new URLSearchParams();
  for (const param of (op.spec.parameters ?? []) as JsonSchema[]) {
    if (param.in !== 'query') continue;
    if (param.name === 'q') {
      const s: Slot = { kind: 'key', at: 'query.q', entity: 'customerName', optional: !param.required };
      slots.push(s);
      const value = fill(s);
      if (value !== OMIT) query.set('q', String(value));
    } else if (param.required) throw new Error(`${op.name}: required query parameter ${param.name} has no example`);
  }
  const bodySchema = op.spec.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
  if (op.spec.requestBody && !bodySchema) throw new Error(`${op.name}: only JSON bodies are supported`);
  const body = bodySchema ? exampleBody(doc, bodySchema, fill, slots) : undefined;
  return { method: op.method, url: `${url}${query.size ? `?${query}` : ''}`, body, slots };
}

/** Operations that change nothing although they are POSTs. */
const READ_POSTS = new Set(['POST /v1/context']);

/** Whether the operation only reads. */
export const isReadOperation = (op: ApiOperation) => op.method === 'GET' || READ_POSTS.has(op.name);

/** Every slot a request for the operation has (filled with placeholders). */
export function slotsOf(doc: OpenApiDocument, op: ApiOperation): Slot[] {
  return buildRequest(doc, op, () => 'placeholder').slots;
}

export { OMIT };
