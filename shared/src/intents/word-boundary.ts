/**
 * Unicode-aware lexicon patterns: JavaScript's `\b` only knows ASCII letters, so "pagará\b" or
 * "\bübernimmt" would never match; and mail clients write apostrophes as ' or ’ ("jusqu’au").
 */

const W = String.raw`[\p{L}\p{N}_]`;
// A `\b` before a word becomes "no word character before", after a word "none after": one cheap lookaround each.
const BEFORE_WORD = String.raw`(?<!${W})`;
const AFTER_WORD = String.raw`(?!${W})`;

/** The same pattern with every `\b` made Unicode-aware and every apostrophe matching ' or ’ (the `u` flag is added). */
export function ub(re: RegExp): RegExp {
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  let out = '';
  let inClass = false;
  const src = re.source;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (!inClass && next === 'b') out += opensWord(src, i) ? BEFORE_WORD : AFTER_WORD;
      else out += c + next;
      i++;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else out += c === "'" && !inClass ? "['’]" : c;
  }
  return new RegExp(out, flags);
}

/** Whether the `\b` at `at` stands before a word (a letter, group or class follows) rather than after one. */
function opensWord(src: string, at: number): boolean {
  const next = src[at + 2];
  if (next === undefined) return false;
  if (next === '\\') return /[pdw]/.test(src[at + 3] ?? '');
  return next === '(' || next === '[' || /[\p{L}\p{N}_]/u.test(next);
}
