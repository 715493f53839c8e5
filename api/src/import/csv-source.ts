/** A CSV file as records of one kind, read through a column mapping; payments may span rows. */
import type { TLedgerKind } from '@shared/schemas';
import { resolveMapping, type ReadOptions } from './column-mapping';
import type { RecordSource, SourceRecord } from './import-types';
import { readCsvRows } from './read-csv';
import { rowToRecord } from './row-to-record';

/** The records of `file`; consecutive payment rows with the same externalRef are one payment's allocations. */
export function csvSource(kind: TLedgerKind, file: string, explicit: Record<string, string>, options: ReadOptions): RecordSource {
  let mapping = new Map<string, string>();
  async function* rows(): AsyncGenerator<SourceRecord> {
    let headerCount = 0;
    for await (const item of readCsvRows(file)) {
      if ('headers' in item) {
        mapping = resolveMapping(kind, item.headers, explicit, options);
        headerCount = item.headers.length;
        continue;
      }
      yield rowToRecord(kind, item, mapping, options, headerCount);
    }
  }
  return {
    records: () => (kind === 'payments' ? mergePaymentRows(rows(), (field) => mapping.get(field) ?? field) : rows()),
    columnOf: (field) => mapping.get(field) ?? field,
  };
}

/** Folds consecutive rows of one payment into one record with an allocation per row. */
async function* mergePaymentRows(source: AsyncIterable<SourceRecord>, columnOf: (field: string) => string): AsyncGenerator<SourceRecord> {
  let current: SourceRecord | null = null;
  for await (const next of source) {
    const same = current?.record && next.record && current.record.externalRef === next.record.externalRef;
    if (!same) {
      if (current) yield current;
      current = next;
      continue;
    }
    const a = current!.record!;
    const b = next.record!;
    const differs = ['customerRef', 'amount', 'currency', 'receivedDate'].find((f) => a[f] !== b[f]);
    if (differs) {
      next.errors.push({ row: next.rows[0]!, column: columnOf(differs), message: `differs from row ${current!.rows[0]}, an earlier row of payment ${String(a.externalRef)}` });
      delete next.record;
      yield next;
      continue;
    }
    a.allocations = [...((a.allocations as unknown[]) ?? []), ...((b.allocations as unknown[]) ?? [])];
    current!.rows.push(...next.rows);
  }
  if (current) yield current;
}
