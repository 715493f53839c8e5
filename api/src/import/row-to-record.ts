/** One CSV row to a sync record of its kind: cells read per the field types, errors named by column. */
import { isIsoCurrency, parseMinorUnits } from '@shared/money';
import type { TLedgerKind } from '@shared/schemas';
import type { ReadOptions } from './column-mapping';
import type { CsvRow } from './read-csv';
import type { RowError, SourceRecord } from './import-types';
import { LEDGER_FIELDS, type FieldType } from './ledger-fields';
import { parseLedgerDate } from './parse-date';

type Value = string | number | boolean | string[];

/** Reads the mapped cells of a row and assembles the record; empty cells leave a field out. */
export function rowToRecord(kind: TLedgerKind, csv: CsvRow, mapping: ReadonlyMap<string, string>, options: ReadOptions, headerCount: number): SourceRecord {
  const errors: RowError[] = [];
  const error = (field: string, message: string) => errors.push({ row: csv.row, column: mapping.get(field) ?? field, message });
  if (csv.cellCount !== headerCount) errors.push({ row: csv.row, column: '(row)', message: `has ${csv.cellCount} cells, the header has ${headerCount}` });
  const cell = (field: string) => (mapping.has(field) ? (csv.cells[mapping.get(field)!] ?? '').trim() : '');
  const currency = (cell('currency') || options.currency || '').toUpperCase();
  const values: Record<string, Value> = {};
  // An unknown code is one error on the currency column, not one more on every amount read in it.
  const unknownCurrency = currency !== '' && !isIsoCurrency(currency);
  if (unknownCurrency && 'currency' in LEDGER_FIELDS[kind]) error('currency', `${currency} is not an ISO 4217 currency code`);
  for (const [field, spec] of Object.entries(LEDGER_FIELDS[kind])) {
    const text = cell(field);
    if (text === '' || (unknownCurrency && (spec.type === 'money' || spec.type === 'currency'))) continue;
    const read = readCell(spec.type, text, currency, options);
    if (typeof read === 'object' && read !== null && 'error' in read) error(field, read.error);
    else values[field] = read;
  }
  if (errors.length) return { rows: [csv.row], errors };
  return { rows: [csv.row], record: assemble(kind, values, currency, mapping), errors };
}

function readCell(type: FieldType, text: string, currency: string, options: ReadOptions): Value | { error: string } {
  switch (type) {
    case 'money': {
      if (!currency) return { error: 'no currency to read the amount in: fill the currency cell or pass --currency' };
      const amount = parseMinorUnits(text, currency, options.decimal);
      return amount.ok ? amount.minorUnits : { error: amount.message };
    }
    case 'date': {
      const date = parseLedgerDate(text, options.dateFormat);
      return date.ok ? date.date : { error: date.message };
    }
    case 'int':
      return /^-?\d+$/.test(text) ? Number(text) : { error: 'not a whole number' };
    case 'bool': {
      const value = text.toLowerCase();
      if (['yes', 'true', '1', 'y'].includes(value)) return true;
      if (['no', 'false', '0', 'n'].includes(value)) return false;
      return { error: 'expected yes or no' };
    }
    case 'list':
      return text.split(';').map((s) => s.trim()).filter(Boolean);
    case 'currency':
      return text.toUpperCase();
    default:
      return text;
  }
}

/** The record as the sync contract has it (payments get their allocation, numbers their reference). */
function assemble(kind: TLedgerKind, values: Record<string, Value>, currency: string, mapping: ReadonlyMap<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = { ...values };
  if ('currency' in LEDGER_FIELDS[kind] && currency) record.currency = currency;
  if (kind === 'invoices' || kind === 'credit-notes') {
    record.externalRef ??= values.number;
    record.number ??= values.externalRef;
  }
  if (kind === 'payments') {
    delete record.invoiceRef;
    delete record.allocatedAmount;
    // A mapped but empty invoice column means "not allocated"; no such column keeps what is stored.
    if (mapping.has('invoiceRef')) record.allocations = values.invoiceRef ? [{ invoiceRef: values.invoiceRef, amount: values.allocatedAmount ?? values.amount }] : [];
  }
  return record;
}
