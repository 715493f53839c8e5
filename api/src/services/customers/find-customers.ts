import type { TCustomerSearchResponse } from '@shared/schemas';
import { compactReference } from '@shared/matching';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

interface SearchRow extends Record<string, unknown> {
  id: string;
  name: string;
  currency: string;
  domains: string[] | null;
  matched_on: 'name' | 'domain' | 'contact' | 'invoice' | 'external_ref';
  matched_text: string;
  rank: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Customer search by name, domain, contact email, invoice or PO number, or ledger
 * reference; best match kind first, then name. An empty query lists customers by name.
 */
export async function findCustomers(db: Db, orgId: string, q: string, limit: number): Promise<TCustomerSearchResponse> {
  const term = q.trim().toLowerCase();
  const rows = await db.execute<SearchRow>(sql`
    with best as (${term === '' ? everyCustomer(orgId, limit) : bestHits(orgId, q, term)})
    select c.id, c.name, c.currency, b.matched_on, b.matched_text, b.rank,
           (select array_agg(d.domain order by d.domain) from customer_domains d where d.org_id = ${orgId} and d.customer_id = c.id) as domains
      from best b join customers c on c.id = b.id and c.org_id = ${orgId}
     order by b.rank, lower(c.name), c.id
     limit ${limit}`);
  return {
    items: rowsOf<SearchRow>(rows).map((r) => ({
      customer: { id: r.id, name: r.name, currency: r.currency, domains: r.domains ?? [] },
      matchedOn: r.matched_on,
      matchedText: r.matched_text,
    })),
  };
}

/** The first customers by name (an empty query), along the org's name index. */
const everyCustomer = (orgId: string, limit: number): SQL => sql`
  select c.id, 'name' as matched_on, c.name as matched_text, 2 as rank
    from customers c where c.org_id = ${orgId} order by lower(c.name), c.id limit ${limit}`;

/**
 * Each matching customer once, with its best match: names, domains, contacts and ledger
 * references through payside_search_hits (trigram indexes, the caller's org only:
 * migration 0005), invoices and POs by their stored keys.
 */
function bestHits(orgId: string, q: string, term: string): SQL {
  const key = compactReference(q.trim());
  return sql`
    select distinct on (h.id) h.id, h.matched_on, h.matched_text, h.rank from (
      select s.customer_id as id, s.matched_on, s.matched_text, s.rank from payside_search_hits(${term}, ${`%${escapeLike(term)}%`}) s
      union all
      select i.customer_id, 'invoice', i.number, 0
        from invoices i where i.org_id = ${orgId} and (i.number_key = ${key} or i.po_key = ${key})
    ) h order by h.id, h.rank`;
}
