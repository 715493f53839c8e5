/** Checks a Gmail deployment descriptor against the schema written from Google's Deployment resource reference. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../fixtures/google/gsuiteaddons-deployment.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv, ['uri']);
const validate = ajv.compile(schema);

/** What the descriptor breaks of Google's Deployment resource, one line per error; empty when it fits. */
export function deploymentErrors(descriptor: unknown): string[] {
  if (validate(descriptor)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.keyword === 'additionalProperties' ? `: ${(e.params as { additionalProperty: string }).additionalProperty}` : ''}`);
}
