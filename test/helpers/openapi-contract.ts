/**
 * Holds every response of a /v1 operation to the app's own OpenAPI document: the status must be
 * listed for that operation, the content type one it lists and the body valid against its schema
 * (ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1). Requests that match no operation of the
 * document (the Gmail endpoints, pages, manifests, /health, unknown paths) are not checked.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { createApp as createApiApp } from '../../api/src/app';
import type { OpenApiDocument } from './openapi-operations';

type App = ReturnType<typeof createApiApp>;
type JsonSchema = Record<string, any>;

/** One response the document does not allow. */
export interface ContractViolation {
  operation: string;
  status: number;
  message: string;
}

/** Violations not yet claimed by a test (listeners swallow what their fetch throws; the setup file fails the test for them). */
export const unclaimedViolations: ContractViolation[] = [];

/** Thrown into the caller of `app.request`/`app.fetch`, so the test that received the response fails. */
export class ContractViolationError extends Error {
  constructor(readonly violation: ContractViolation) {
    super(`Response breaks /v1/openapi.json: ${violation.operation} answered ${violation.status}: ${violation.message}`);
    this.name = 'ContractViolationError';
  }
}

interface Operation {
  name: string;
  method: string;
  pattern: RegExp;
  /** Literal segments first, so /v1/customers/search wins over /v1/customers/{id}. */
  params: number;
  pointer: string;
  spec: JsonSchema;
}

interface Contract {
  operations: Operation[];
  validator(pointer: string): ValidateFunction;
}

let cached: Contract | undefined;
const CHECKED = Symbol('responses checked against the OpenAPI document');

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The document's operations and an ajv instance holding the whole document (refs resolve inside it). */
function contractOf(app: App): Contract {
  if (cached) return cached;
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Payside API', version: 'contract' } }) as unknown as OpenApiDocument;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(doc as object, 'openapi');
  const validators = new Map<string, ValidateFunction>();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const [method, spec] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const source = path.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
      operations.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
        params: (path.match(/\{/g) ?? []).length,
        pointer: `openapi#/paths/${escapePointer(path)}/${method}/responses`,
        spec,
      });
    }
  }
  operations.sort((a, b) => a.params - b.params);
  cached = {
    operations,
    validator(pointer) {
      let validate = validators.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: pointer });
        validators.set(pointer, validate);
      }
      return validate;
    },
  };
  return cached;
}

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');

/** What is wrong with `response` for `request` by the document, if anything; undefined when it is fine or not an operation. */
export async function checkResponse(app: App, request: Request, response: Response): Promise<ContractViolation | undefined> {
  const contract = contractOf(app);
  const path = new URL(request.url).pathname;
  const op = contract.operations.find((o) => o.method === request.method && o.pattern.test(path));
  if (!op) return undefined;
  const violation = (message: string) => ({ operation: `${op.name} (${request.method} ${path})`, status: response.status, message });
  const responses = (op.spec.responses ?? {}) as Record<string, JsonSchema>;
  const key = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find((k) => k in responses);
  if (!key) return violation(`status ${response.status} is not listed (listed: ${Object.keys(responses).join(', ')})`);
  const listed = responses[key]!;
  const text = await response.clone().text();
  const content = (listed.content ?? {}) as Record<string, JsonSchema>;
  const types = Object.keys(content);
  if (types.length === 0) return text === '' ? undefined : violation(`a body was sent where the document lists none: ${text.slice(0, 200)}`);
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(contentType)) return violation(`content type "${contentType}" is not listed (listed: ${types.join(', ')})`);
  if (!content[contentType]!.schema) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return violation(`the body is not JSON: ${text.slice(0, 200)}`);
  }
  const validate = contract.validator(`${op.pointer}/${escapePointer(key)}/content/${escapePointer(contentType)}/schema`);
  return validate(body) ? undefined : violation(describeErrors(validate.errors));
}

export interface CheckOptions {
  /** Statuses the test causes on purpose outside the contract (a verifier it broke answers 500); never a 4xx. */
  provokes?: number[];
}

/**
 * Makes `app.fetch` (which `app.request` and listeners call) check every response against the document;
 * a violation rejects the call (the test that made it fails) and is recorded for the setup file's check.
 */
export function checkResponsesOf<A extends App>(app: A, options: CheckOptions = {}): A {
  if (CHECKED in app) return app;
  if (options.provokes?.some((status) => status < 500)) throw new Error('Only a 5xx may be provoked outside the contract: list a 4xx in the document instead');
  Object.defineProperty(app, CHECKED, { value: true });
  const fetch = app.fetch;
  app.fetch = (async (request: Request, ...rest: unknown[]) => {
    const response = await (fetch as (r: Request, ...x: unknown[]) => Response | Promise<Response>)(request, ...rest);
    const found = options.provokes?.includes(response.status) ? undefined : await checkResponse(app, request, response);
    if (found) {
      unclaimedViolations.push(found);
      throw new ContractViolationError(found);
    }
    return response;
  }) as A['fetch'];
  return app;
}
