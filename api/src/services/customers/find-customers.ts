import type { TCustomerSearchResponse } from '@shared/schemas';
import { compactReference } from '@shared/matching';
import { sql } from 'drizzle-orm';
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
  const like = `%${escapeLike(term)}%`;
  const prefix = `${escapeLike(term)}%`;
  const key = compactReference(q.trim());
  const rows = await db.execute<SearchRow>(sql`
    with hits as (
      select c.id, 'name' as matched_on, c.name as matched_text,
             case when lower(c.name) like ${prefix} then 1 else 2 end as rank
        from customers c where c.org_id = ${orgId} and (${term} = '' or lower(c.name) like ${like})
      union all
      select d.customer_id, 'domain', d.domain, 0
        from customer_domains d where d.org_id = ${orgId} and ${term} <> '' and d.domain like ${prefix}
      union all
      select ct.customer_id, 'contact', ct.email, 0
        from contacts ct where ct.org_id = ${orgId} and ${term} <> '' and (ct.email like ${prefix} or lower(ct.name) like ${like})
      union all
      select i.customer_id, 'invoice', i.number, 0
        from invoices i where i.org_id = ${orgId} and ${term} <> '' and (i.number_key = ${key} or i.po_key = ${key})
      union all
      select c.id, 'external_ref', c.external_ref, 0
        from customers c where c.org_id = ${orgId} and ${term} <> '' and lower(c.external_ref) = ${term}
    ), best as (
      select distinct on (h.id) h.id, h.matched_on, h.matched_text, h.rank
        from hits h order by h.id, h.rank
    )
    select c.id, c.name, c.currency, b.matched_on, b.matched_text, b.rank,
           (select array_agg(d.domain order by d.domain) from customer_domains d where d.customer_id = c.id) as domains
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
