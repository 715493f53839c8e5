/** Which CSV column feeds which record field: by name, `--map column=field` or a mapping file. */
import { readFileSync } from 'node:fs';
import type { TLedgerKind } from '@shared/schemas';
import { AppError } from '../lib/errors';
import { LEDGER_FIELDS, NUMBERED_KINDS } from './ledger-fields';
import { DATE_FORMATS, type DateFormat } from './parse-date';
import type { TDecimalSeparator } from '@shared/money';

/** How cells are read, from the flags or the mapping file. */
export interface ReadOptions {
  dateFormat: DateFormat;
  decimal: TDecimalSeparator;
  /** For rows without a currency cell. */
  currency?: string;
}

/** What a mapping file may hold: `{ "columns": { "Cust No": "customerRef" }, "dateFormat": "dmy", … }` or just the columns. */
export interface MappingFile {
  columns: Record<string, string>;
  dateFormat?: DateFormat;
  decimal?: TDecimalSeparator;
  currency?: string;
}

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads a mapping file; a flat object is taken as the columns. */
export function readMappingFile(path: string): MappingFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('validation_failed', `--mapping ${path}: ${(error as Error).message}`);
  }
  const value = json as Partial<MappingFile> & Record<string, unknown>;
  if (typeof value !== 'object' || value === null) throw new AppError('validation_failed', `--mapping ${path}: expected a JSON object`);
  if (value.dateFormat !== undefined && !DATE_FORMATS.includes(value.dateFormat)) throw new AppError('validation_failed', `--mapping ${path}: dateFormat must be iso, dmy or mdy`);
  const columns = typeof value.columns === 'object' && value.columns ? value.columns : (value as Record<string, string>);
  return { columns: Object.fromEntries(Object.entries(columns).filter(([, v]) => typeof v === 'string')) as Record<string, string>, dateFormat: value.dateFormat, decimal: value.decimal, currency: value.currency };
}

/**
 * field → column for this file: columns named like a field (any case, spaces, dashes or
 * underscores) map to it, then the explicit `column → field` pairs win. Throws listing every
 * unknown column or field and every required field left without a column.
 */
export function resolveMapping(kind: TLedgerKind, headers: readonly string[], explicit: Record<string, string>, options: ReadOptions): Map<string, string> {
  const fields = LEDGER_FIELDS[kind];
  const mapping = new Map<string, string>();
  for (const header of headers) {
    const field = Object.keys(fields).find((f) => normalize(f) === normalize(header));
    if (field && !mapping.has(field)) mapping.set(field, header);
  }
  const problems: string[] = [];
  for (const [column, field] of Object.entries(explicit)) {
    if (!headers.includes(column)) problems.push(`--map ${column}=${field}: the file has no column "${column}" (it has: ${headers.join(', ')})`);
    else if (!fields[field]) problems.push(`--map ${column}=${field}: ${kind} have no field "${field}" (fields: ${Object.keys(fields).join(', ')})`);
    else mapping.set(field, column);
  }
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.required && !mapping.has(field)) problems.push(`no column for ${field}: name a column "${field}" or pass --map <column>=${field}`);
  }
  if (NUMBERED_KINDS.includes(kind) && !mapping.has('externalRef') && !mapping.has('number')) problems.push('no column for externalRef or number: map at least one');
  if (fields.currency && !mapping.has('currency') && !options.currency) problems.push('no column for currency: map one or pass --currency USD');
  if (problems.length) throw new AppError('validation_failed', `Cannot read the file as ${kind}:\n  ${problems.join('\n  ')}`);
  return mapping;
}
