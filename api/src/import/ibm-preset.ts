/**
 * The public IBM "late payment histories" sample as ledger records: one row per invoice
 * (customerID, invoiceNumber, InvoiceDate, DueDate, InvoiceAmount in USD, Disputed, SettledDate;
 * dates DD/MM/YYYY), every invoice settled in full on SettledDate.
 * @see ../../../../shared/data/README.md
 */
import { parseMinorUnits } from '@shared/money';
import type { TLedgerKind } from '@shared/schemas';
import type { ResolvedDisputeRecord } from '../services/ledger/import-resolved-disputes';
import type { RecordSource, RowError, SourceRecord } from './import-types';
import { parseLedgerDate } from './parse-date';
import { readCsvRows } from './read-csv';

const CURRENCY = 'USD';
/** Where each record field comes from in the IBM file. */
const COLUMNS: Record<string, string> = {
  externalRef: 'invoiceNumber',
  number: 'invoiceNumber',
  customerRef: 'customerID',
  name: 'customerID',
  issueDate: 'InvoiceDate',
  dueDate: 'DueDate',
  amount: 'InvoiceAmount',
  allocations: 'InvoiceAmount',
  receivedDate: 'SettledDate',
  invoiceRef: 'invoiceNumber',
};

export interface IbmRow {
  customerId: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  disputed: boolean;
  settledDate: string;
}

/** The IBM rows of `file`, read and checked one by one (dates, amounts, Yes/No). */
async function* ibmRows(file: string): AsyncGenerator<{ row: number; value?: IbmRow; errors: RowError[] }> {
  for await (const item of readCsvRows(file)) {
    if ('headers' in item) {
      const missing = Object.values(COLUMNS).concat('Disputed').filter((c) => !item.headers.includes(c));
      if (missing.length) throw new Error(`${file} is not the IBM late-payment file: no column ${[...new Set(missing)].join(', ')}`);
      continue;
    }
    const errors: RowError[] = [];
    const cell = (column: string) => (item.cells[column] ?? '').trim();
    const date = (column: string) => {
      const parsed = parseLedgerDate(cell(column), 'dmy');
      if (!parsed.ok) errors.push({ row: item.row, column, message: parsed.message });
      return parsed.ok ? parsed.date : '';
    };
    const amount = parseMinorUnits(cell('InvoiceAmount'), CURRENCY);
    if (!amount.ok) errors.push({ row: item.row, column: 'InvoiceAmount', message: amount.message });
    const disputed = cell('Disputed');
    if (disputed !== 'Yes' && disputed !== 'No') errors.push({ row: item.row, column: 'Disputed', message: 'expected Yes or No' });
    const value = {
      customerId: cell('customerID'),
      invoiceNumber: cell('invoiceNumber'),
      issueDate: date('InvoiceDate'),
      dueDate: date('DueDate'),
      amount: amount.ok ? amount.minorUnits : 0,
      disputed: disputed === 'Yes',
      settledDate: date('SettledDate'),
    };
    yield { row: item.row, value: errors.length ? undefined : value, errors };
  }
}

const RECORDS: Record<'customers' | 'invoices' | 'payments', (r: IbmRow) => Record<string, unknown>> = {
  customers: (r) => ({ externalRef: r.customerId, name: r.customerId, currency: CURRENCY }),
  invoices: (r) => ({ externalRef: r.invoiceNumber, customerRef: r.customerId, number: r.invoiceNumber, issueDate: r.issueDate, dueDate: r.dueDate, amount: r.amount, currency: CURRENCY }),
  payments: (r) => ({
    externalRef: `settled-${r.invoiceNumber}`,
    customerRef: r.customerId,
    amount: r.amount,
    currency: CURRENCY,
    receivedDate: r.settledDate,
    allocations: [{ invoiceRef: r.invoiceNumber, amount: r.amount }],
  }),
};

/** The IBM file as records of one kind; customers once each, at their first row. */
export function ibmSource(file: string, kind: Extract<TLedgerKind, 'customers' | 'invoices' | 'payments'>): RecordSource {
  return {
    async *records(): AsyncGenerator<SourceRecord> {
      const seen = new Set<string>();
      for await (const { row, value, errors } of ibmRows(file)) {
        if (!value) {
          yield { rows: [row], errors };
          continue;
        }
        if (kind === 'customers' && seen.has(value.customerId)) continue;
        seen.add(value.customerId);
        yield { rows: [row], record: RECORDS[kind](value), errors };
      }
    },
    columnOf: (field) => COLUMNS[field] ?? field,
  };
}

/** The resolved disputes of the file (Disputed = Yes), a batch at a time. */
export async function* ibmDisputes(file: string, batchSize: number): AsyncGenerator<ResolvedDisputeRecord[]> {
  let batch: ResolvedDisputeRecord[] = [];
  for await (const { value } of ibmRows(file)) {
    if (!value?.disputed) continue;
    batch.push({ invoiceRef: value.invoiceNumber, openedOn: value.issueDate, resolvedOn: value.settledDate, resolutionNote: `Disputed; settled in full on ${value.settledDate} (IBM late-payment history).` });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
