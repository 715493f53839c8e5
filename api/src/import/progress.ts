/** Progress of a long import: a live line with rows/s on a terminal, silence otherwise. */
import type { ProgressListener } from './import-records';

/** Where progress is drawn: process.stderr, or the stream a CLI command's output goes back through. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressReporter {
  listener: ProgressListener;
  /** Clears the live line; answers the elapsed seconds. */
  finish(): number;
}

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

/** Writes `\r<phase> N rows (R rows/s)` at most ten times a second when `stream` is a TTY. */
export function progressReporter(stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): ProgressReporter {
  const started = now();
  let phaseStarted = started;
  let phase = '';
  let lastDrawn = 0;
  let drawn = false;
  return {
    listener: (next, rows) => {
      if (next !== phase) {
        // The first phase runs from the start; each later one from its first report.
        if (phase !== '') phaseStarted = now();
        phase = next;
      }
      if (!stream.isTTY) return;
      const t = now();
      if (t - lastDrawn < 100) return;
      lastDrawn = t;
      const rate = rows / Math.max((t - phaseStarted) / 1000, 0.001);
      stream.write(`\r${phase} ${grouped(rows)} rows (${grouped(rate)} rows/s)\u001b[K`);
      drawn = true;
    },
    finish: () => {
      if (drawn) stream.write('\r\u001b[K');
      return (now() - started) / 1000;
    },
  };
}

/** "2,466" */
export { grouped as formatCount };
