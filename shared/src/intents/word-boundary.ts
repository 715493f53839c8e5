/**
 * Unicode-aware lexicon patterns: JavaScript's `\b` only knows ASCII letters, so "pagará\b" or
 * "\bübernimmt" would never match; and mail clients write apostrophes as ' or ’ ("jusqu’au").
 */

const W = String.raw`[\p{L}\p{N}_]`;
const BOUNDARY = String.raw`(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

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
      out += !inClass && next === 'b' ? BOUNDARY : c + next;
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
