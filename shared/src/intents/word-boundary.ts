/** Unicode-aware word boundaries: JavaScript's `\b` only knows ASCII letters, so "pagará\b" or "\bübernimmt" never match. */

const W = String.raw`[\p{L}\p{N}_]`;
const BOUNDARY = String.raw`(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

/** The same pattern with every `\b` made Unicode-aware (the `u` flag is added). */
export function ub(re: RegExp): RegExp {
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  return new RegExp(re.source.replace(/(?<!\\)\\b/g, BOUNDARY), flags);
}
