import { describe, expect, it } from 'vitest';
import { cachedOrgPaymentNorms, forgetOrgPaymentNorms, NORMS_TTL_MS } from '../../api/src/services/customers/org-norms-cache';

const norms = (typicalDelayDays: number) => ({ typicalDelayDays, disputeDelayDays: 0, trendPerDay: 0 }) as never;

describe('org payment norms cache', () => {
  it('loads once for concurrent callers and reuses the result within the TTL', async () => {
    let loads = 0;
    const load = async () => norms(++loads);
    const [a, b] = await Promise.all([cachedOrgPaymentNorms('org-1', '2026-11-23|5', load, 0), cachedOrgPaymentNorms('org-1', '2026-11-23|5', load, 0)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(await cachedOrgPaymentNorms('org-1', '2026-11-23|5', load, NORMS_TTL_MS - 1)).toBe(a);
    expect(loads).toBe(1);
  });

  it('works them out again after the TTL, for another variant, and after the org is forgotten', async () => {
    let loads = 0;
    const load = async () => norms(++loads);
    await cachedOrgPaymentNorms('org-2', 'd1', load, 0);
    await cachedOrgPaymentNorms('org-2', 'd1', load, NORMS_TTL_MS);
    expect(loads).toBe(2);
    await cachedOrgPaymentNorms('org-2', 'd2', load, NORMS_TTL_MS);
    expect(loads).toBe(3);
    forgetOrgPaymentNorms('org-2');
    await cachedOrgPaymentNorms('org-2', 'd1', load, NORMS_TTL_MS);
    expect(loads).toBe(4);
  });

  it('does not remember a failed load', async () => {
    await expect(cachedOrgPaymentNorms('org-3', 'd', () => Promise.reject(new Error('cancelled')), 0)).rejects.toThrow('cancelled');
    await Promise.resolve();
    expect(await cachedOrgPaymentNorms('org-3', 'd', async () => norms(7), 1)).toEqual(norms(7));
  });

  it('keeps organisations apart: forgetting one leaves the other cached', async () => {
    let loads = 0;
    const load = async () => norms(++loads);
    await cachedOrgPaymentNorms('org-4', 'd', load, 0);
    await cachedOrgPaymentNorms('org-40', 'd', load, 0);
    forgetOrgPaymentNorms('org-4');
    await cachedOrgPaymentNorms('org-40', 'd', load, 1);
    expect(loads).toBe(2);
  });
});
