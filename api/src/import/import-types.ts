/** What the import passes hand each other: records read from a file, with their rows and errors. */

/** One reason a row cannot be imported. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** A record built from one or more rows (a payment may span one row per allocation). */
export interface SourceRecord {
  /** The rows it came from: allocation j of a payment came from rows[j]. */
  rows: number[];
  /** Absent when the rows could not be read. */
  record?: Record<string, unknown>;
  errors: RowError[];
}

/** A file read as records of one kind; `records()` starts a fresh pass each time it is called. */
export interface RecordSource {
  records(): AsyncIterable<SourceRecord>;
  /** The column a record field came from, for error reports. */
  columnOf(field: string): string;
}

/** Keeps the first 50 errors and counts them all. */
export class ErrorList {
  readonly items: RowError[] = [];
  count = 0;

  /** Adds errors, keeping only the first 50. */
  add(...errors: RowError[]): void {
    for (const error of errors) {
      this.count += 1;
      if (this.items.length < 50) this.items.push(error);
    }
  }
}
