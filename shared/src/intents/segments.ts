/** Splitting text into sentence-sized segments that keep their offsets. */
import type { Segment } from './types';

const ABBREVIATION = /(?:\b(?:mr|mrs|ms|dr|m|mme|hr|fr|sr|sra|st|nr|no|z\.b|ca|bzw|inkl|ggf|etc|vs|approx|incl|ref|tel|p\.o))\.$|(?<=^|[\s.])\d{1,2}\.$/i;

/** Sentences of `text` (split at line breaks and at sentence ends), with offsets from `base`. */
export function splitSegments(text: string, field: Segment['field'], base = 0): Segment[] {
  const out: Segment[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    const re = /[.!?;](?=\s+\S)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      const head = line.slice(start, m.index + 1);
      if (ABBREVIATION.test(head)) continue;
      push(out, line.slice(start, m.index + 1), field, base + lineStart + start);
      start = m.index + 1;
    }
    push(out, line.slice(start), field, base + lineStart + start);
    lineStart += line.length + 1;
  }
  return out;
}

function push(out: Segment[], raw: string, field: Segment['field'], at: number): void {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ field, start: at + lead, text });
}
