import type { OrgPaymentNorms } from '@shared/ar';

/** How long an org's norms are reused before they are worked out again. */
export const NORMS_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  norms: Promise<OrgPaymentNorms>;
  at: number;
}

const entries = new Map<string, Entry>();

/**
 * The org's payment norms for one `variant` (date and settings), worked out at most once per TTL (and once
 * for concurrent callers). Norms are a statistic over a year of the whole org's
 * invoices: they move slowly, while computing them scans every one of those
 * invoices, which no sidebar request can afford at a million invoices.
 * Ledger writes in this process drop the org's entries at once
 * (`forgetOrgPaymentNorms`); writes by other processes show within the TTL.
 */
export function cachedOrgPaymentNorms(orgId: string, variant: string, load: () => Promise<OrgPaymentNorms>, now = Date.now()): Promise<OrgPaymentNorms> {
  const key = `${orgId}|${variant}`;
  const hit = entries.get(key);
  if (hit && now - hit.at < NORMS_TTL_MS) return hit.norms;
  const norms = load();
  entries.delete(key);
  entries.set(key, { norms, at: now });
  // A failed load is not remembered.
  norms.catch(() => {
    if (entries.get(key)?.norms === norms) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return norms;
}

/** Drops an org's cached norms after its invoices, payments, credits or disputes changed. */
export function forgetOrgPaymentNorms(orgId: string): void {
  for (const key of entries.keys()) if (key.startsWith(`${orgId}|`)) entries.delete(key);
}
