/** Streams a CSV file row by row (csv-parse): memory stays flat whatever the file's size. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { AppError } from '../lib/errors';

export interface CsvRow {
  /** 1 is the header, 2 the first data row (as a spreadsheet numbers them). */
  row: number;
  /** Header → cell; cells of a short row are '' and `cellCount` says how many there were. */
  cells: Record<string, string>;
  cellCount: number;
}

/** The header, then every data row; a malformed file (an unclosed quote…) throws naming the row. */
export async function* readCsvRows(file: string): AsyncGenerator<{ headers: string[] } | CsvRow> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  // pipe() does not pass on the file's errors (a missing file), so hand them to the parser.
  createReadStream(file)
    .on('error', (error) => parser.destroy(error))
    .pipe(parser);
  let headers: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!headers) {
        headers = record.map((h) => h.trim());
        yield { headers };
        continue;
      }
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => (cells[h] = record[i] ?? ''));
      yield { row, cells, cellCount: record.length };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AppError('not_found', `No such file: ${file}`);
    if (code?.startsWith('CSV_')) throw new AppError('validation_failed', `${file}: row ${row + 1}: ${(error as Error).message}`);
    throw error;
  }
  if (!headers) throw new AppError('validation_failed', `${file} is empty: expected a header row`);
}
