import { parse } from 'tldts';

// Deliberately simpler than RFC 5322: no quoted local parts, no IP literals. A
// string that fails here cannot equal a stored contact email or name a customer domain.
const EMAIL =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;
const HOSTNAME = /^[\p{L}\p{N}._-]+$/u;
const MAX_EMAIL_LENGTH = 254;

/** Trims, lowercases and unwraps `Name <addr>` / `mailto:`; null when not an email address. */
export function normalizeEmail(input: string): string | null {
  let s = input.trim();
  // The last <…> wins: display names may themselves contain angle brackets or commas.
  const wrapped = /<([^<>]*)>[^<>]*$/.exec(s);
  if (wrapped) s = wrapped[1]!.trim();
  s = s.replace(/^mailto:/i, '').toLowerCase().replace(/\.$/, '');
  if (s.length > MAX_EMAIL_LENGTH || !EMAIL.test(s)) return null;
  return s;
}

/** The full host part of an email address (billing.acme.co.uk); null when not an email. */
export function emailDomain(email: string): string | null {
  const normalized = normalizeEmail(email);
  if (!normalized) return null;
  return normalized.slice(normalized.lastIndexOf('@') + 1);
}

/** The registrable domain of an email or host (billing.acme.co.uk → acme.co.uk); null for IPs and invalid input. */
export function registrableDomain(emailOrDomain: string): string | null {
  const host = emailOrDomain.includes('@') ? emailDomain(emailOrDomain) : normalizeHost(emailOrDomain);
  if (!host) return null;
  const parsed = parse(host);
  if (parsed.isIp || !parsed.domain) return null;
  return parsed.domain;
}

function normalizeHost(input: string): string | null {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  return HOSTNAME.test(host) ? host : null;
}
