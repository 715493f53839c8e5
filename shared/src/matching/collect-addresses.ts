import { normalizeEmail, registrableDomain } from './email-address';
import { isFreeMailDomain } from './free-mail-domains';
import type { AddressField, CollectAddressesOptions, CollectedAddress, EmailAddressContext } from './types';

/** The external addresses of an email, one per address in its most significant field (from > to > cc). */
export function collectAddresses(ctx: EmailAddressContext, opts: CollectAddressesOptions): CollectedAddress[] {
  const ownAddresses = new Set((opts.ownAddresses ?? []).map(normalizeEmail).filter((e) => e !== null));
  const ownDomains = ownRegistrableDomains(opts.ownDomains);
  const fields: [AddressField, string[]][] = [['from', [ctx.from]], ['to', ctx.to], ['cc', ctx.cc]];
  const collected = new Map<string, CollectedAddress>();

  // Walking from → to → cc means the first sighting of an address is its most significant field.
  for (const [field, raws] of fields) {
    for (const raw of raws) {
      const email = normalizeEmail(raw);
      if (!email || collected.has(email) || ownAddresses.has(email)) continue;
      const domain = registrableDomain(email);
      if (domain && ownDomains.has(domain)) continue;
      collected.set(email, { email, field, domain, domainUsable: domain !== null && !isFreeMailDomain(domain) });
    }
  }
  return [...collected.values()];
}

// A sole trader whose "own domain" is gmail.com must still see gmail.com customers:
// free-mail domains are never treated as own domains (own addresses still are).
function ownRegistrableDomains(ownDomains: string[]): Set<string> {
  const domains = new Set<string>();
  for (const raw of ownDomains) {
    const domain = registrableDomain(raw);
    if (domain && !isFreeMailDomain(domain)) domains.add(domain);
  }
  return domains;
}
