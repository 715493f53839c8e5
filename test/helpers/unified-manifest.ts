/**
 * Validates a unified manifest offline against Microsoft's published JSON schema
 * of its manifestVersion, as shipped in @microsoft/app-manifest (draft-04, so
 * ajv-draft-04, configured as Microsoft's own validator is).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from './spawn';

const schemaDir = (version: string) => `${repoRoot}node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${version}/`;

/** Where the schema of a manifest version lives. */
export const unifiedSchemaPath = (version: string) => `${schemaDir(version)}MicrosoftTeams.schema.json`;

const validators = new Map<string, ValidateFunction>();

/** Error strings ("/path message"); empty when the manifest is valid. */
export function validateUnifiedManifest(manifest: Record<string, unknown>): string[] {
  const version = String(manifest.manifestVersion);
  let validate = validators.get(version);
  if (!validate) validators.set(version, (validate = compileSchema(version)));
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

function compileSchema(version: string): ValidateFunction {
  const path = unifiedSchemaPath(version);
  if (!existsSync(path)) throw new Error(`No published schema for manifestVersion ${version} in @microsoft/app-manifest`);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as object;
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  // Sibling files the schema refers to by relative name, if any.
  for (const ref of new Set(JSON.stringify(schema).match(/"\$ref":"[^#"][^"]*"/g) ?? [])) {
    const file = ref.slice(8, -1).split('#')[0]!;
    ajv.addSchema(JSON.parse(readFileSync(`${schemaDir(version)}${file}`, 'utf8')) as object, file);
  }
  return ajv.compile(schema);
}
