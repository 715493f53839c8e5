/** RFC 5322 address-list headers (To, Cc) split into single addresses. */

/** `"Doe, Jane" <jane@x.com>, bob@y.com` → two addresses: commas inside quotes or angle brackets do not split. */
export function splitAddressList(header: string | null | undefined): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  for (let i = 0; i < (header ?? '').length; i++) {
    const ch = (header as string)[i] as string;
    if (quoted && ch === '\\') {
      current += ch + ((header as string)[++i] ?? '');
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle++;
    else if (!quoted && ch === '>') angle = Math.max(0, angle - 1);
    if (ch === ',' && !quoted && angle === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((a) => a.trim()).filter(Boolean);
}

/** The display name of `"Jane Doe" <jane@x.com>` (null when there is none). */
export function displayNameOf(address: string): string | null {
  const name = address.match(/^\s*"?([^"<]*?)"?\s*</)?.[1]?.trim();
  return name ? name : null;
}
