import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../../api/src/import/progress';

/** A stream that records what is written, as a terminal or not. */
const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
};

describe('progressReporter', () => {
  it('redraws one line with rows/s on a terminal, at most every 100 ms, and clears it at the end', () => {
    let now = 0;
    const tty = stream(true);
    const progress = progressReporter(tty.stream, () => now);
    now = 500;
    progress.listener('checking', 1_000); // 1,000 rows in 0.5 s
    now = 550;
    progress.listener('checking', 1_100); // too soon: not drawn
    now = 1_000;
    progress.listener('importing', 0); // a new phase starts its own clock
    now = 2_000;
    progress.listener('importing', 3_000);
    expect(progress.finish()).toBe(2);
    expect(tty.written).toEqual([
      '\rchecking 1,000 rows (2,000 rows/s)\u001b[K',
      '\rimporting 0 rows (0 rows/s)\u001b[K',
      '\rimporting 3,000 rows (3,000 rows/s)\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('writes nothing when the output is not a terminal', () => {
    const pipe = stream(false);
    const progress = progressReporter(pipe.stream, () => 0);
    progress.listener('checking', 10);
    progress.finish();
    expect(pipe.written).toEqual([]);
  });
});
