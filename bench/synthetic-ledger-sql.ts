/**
 * Set-based SQL that fills one organisation's ledger: customers with domains and contacts,
 * invoices over three years (mixed currencies, paid, open and overdue, PO numbers), payments
 * with allocations and credit notes. Every statement is one `INSERT … SELECT` over
 * `generate_series`, using the `pg_temp` helpers of synthetic-sql-functions.ts.
 */

/** How many rows of each kind; `countsAt(1)` is the issue's million-invoice organisation. */
export interface SyntheticCounts {
  customers: number;
  invoices: number;
  threads: number;
  messages: number;
  disputes: number;
  promises: number;
  holds: number;
  notes: number;
  creditNotes: number;
}

/** The row counts at a scale (1 = 50,000 customers, 1,000,000 invoices, ~800,000 payments, 200,000 messages). */
export function countsAt(scale: number): SyntheticCounts {
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  return { customers: n(50_000), invoices: n(1_000_000), threads: n(50_000), messages: n(200_000), disputes: n(5_000), promises: n(5_000), holds: n(1_000), notes: n(20_000), creditNotes: n(3_000) };
}

/** What the statements need to know about the organisation. */
export interface LedgerTarget {
  orgId: string;
  /** Users that own customers and log threads (trusted uuids). */
  collectorIds: string[];
  counts: SyntheticCounts;
  /** Prefix of deterministic ids, so several organisations can share a database. */
  idKind: string;
}

const uuidArray = (ids: readonly string[]) => `array[${ids.map((id) => `'${id}'::uuid`).join(',')}]`;

/**
 * The customer plan (`gen_cust`: index, id, domain, currency, terms, habitual lateness), then
 * customers, their domains and contacts (two each, a third on a free-mail address for 40%).
 */
export function customerStatements(t: LedgerTarget): string[] {
  const { orgId, counts } = t;
  const collector = (c: string) => `(${uuidArray(t.collectorIds)})[1 + ${c} % ${t.collectorIds.length}]`;
  return [
    `create temp table gen_cust as
     select c, pg_temp.uid('${t.idKind}c', c) as id, pg_temp.c_domain(c) as domain, pg_temp.c_cur(c) as cur, pg_temp.c_terms(c) as terms, pg_temp.c_late(c) as late
       from generate_series(1, ${counts.customers}) c;
     analyze gen_cust`,
    `insert into customers (id, org_id, name, external_ref, currency, payment_terms_days, credit_limit, tier, collector_id, tags, created_at, updated_at)
     select id, '${orgId}'::uuid, pg_temp.c_name(c), 'C' || lpad(c::text, 6, '0'), cur, terms,
            case when pg_temp.rnd(c, 5) < 0.6 then (1000 * floor(exp(7 + 5 * pg_temp.rnd(c, 6))))::bigint end,
            (array['A', 'B', 'B', 'C', 'C', 'C'])[1 + c % 6], ${collector('c')},
            case when pg_temp.rnd(c, 7) < 0.2 then array['key-account'] else '{}'::text[] end,
            now() - interval '4 years', now() - interval '4 years'
       from gen_cust`,
    `insert into customer_domains (org_id, customer_id, domain)
     select '${orgId}'::uuid, id, domain from gen_cust
     union all
     select '${orgId}'::uuid, id, split_part(domain, '.', 1) || '-group.com' from gen_cust where pg_temp.rnd(c, 8) < 0.3`,
    `insert into contacts (id, org_id, customer_id, name, email, phone, role, is_primary_payer, created_at, updated_at)
     select gen_random_uuid(), '${orgId}'::uuid, id,
            case n when 1 then 'Accounts Payable' else pg_temp.first_name(c + n) || ' ' || pg_temp.last_name(c * 3 + n) end,
            case n when 1 then 'ap@' || domain
                   when 2 then lower(pg_temp.first_name(c + n) || '.' || pg_temp.last_name(c * 3 + n)) || '@' || domain
                   else lower(pg_temp.first_name(c + n) || '.' || pg_temp.last_name(c * 3 + n)) || c || '@gmail.com' end,
            '+44 20 7946 ' || lpad((c % 10000)::text, 4, '0'),
            (case n when 1 then 'ap' when 2 then 'payer' else 'approver' end)::contact_role, n = 2, now(), now()
       from gen_cust, generate_series(1, 3) n
      where n < 3 or pg_temp.rnd(c, 9) < 0.4`,
  ];
}

/**
 * The invoice plan as a temporary table: issue dates spread over three years in number order,
 * due by the customer's terms; older invoices mostly paid (late by the customer's habit),
 * recent ones mostly open, so some of the open ones are overdue; 1% void, 4% of payments partial.
 */
export function invoicePlanStatement(t: LedgerTarget): string {
  const { invoices: n, customers } = t.counts;
  return `create temp table gen_inv as
    select k, c, cust_id, pg_temp.uid('${t.idKind}i', k) as inv_id, case when paid then pg_temp.uid('${t.idKind}p', k) end as pay_id,
           issue, due, amount, cur, void, po, paid,
           least(current_date - 1, greatest(issue, due + late + floor((pg_temp.rnd(k, 14) - 0.5) * 20)::int)) as received,
           case when pg_temp.rnd(k, 15) < 0.04 then amount / 2 else amount end as allocated
      from (
        select k, g.c, g.id as cust_id, g.late, issue, issue + g.terms as due, g.cur,
               (exp(6 + 4 * pg_temp.rnd(k, 11)) * case g.cur when 'JPY' then 150 else 100 end)::bigint as amount,
               pg_temp.rnd(k, 13) < 0.01 as void,
               case when pg_temp.rnd(k, 16) < 0.6 then 'PO-' || (100000 + floor(pg_temp.rnd(k, 17) * 899999))::int end as po,
               pg_temp.rnd(k, 13) >= 0.01 and pg_temp.rnd(k, 12) < case when current_date - issue > 180 then 0.86 when current_date - issue > 60 then 0.7 else 0.25 end as paid
          from (
            select k, pg_temp.skewed(k, 10, ${customers}) as c, current_date - 1095 + floor(1095.0 * (k - 1) / ${n})::int as issue
              from generate_series(1, ${n}) k
          ) base join gen_cust g on g.c = base.c
      ) planned
     order by k;
    analyze gen_inv`;
}

/** Invoices, payments (one per paid invoice), allocations and credit notes from the plan. */
export function ledgerStatements(t: LedgerTarget): string[] {
  const { idKind: kind } = t;
  const orgId = `'${t.orgId}'::uuid`;
  return [
    // Triggers sleep during the bulk load, so the settlement state (migration 0004) is written by
    // construction: one payment per paid invoice, settling it in full unless it is a partial one.
    `insert into invoices (id, org_id, customer_id, number, external_ref, issue_date, due_date, amount, currency, po_number, status, paid_on, created_at, updated_at)
     select inv_id, ${orgId}, cust_id, 'INV-' || lpad(k::text, 7, '0'), 'INV-' || lpad(k::text, 7, '0'),
            issue, due, amount, cur, po, (case when void then 'void' else 'issued' end)::invoice_status,
            case when paid and allocated >= amount then received end, issue::timestamptz, issue::timestamptz
       from gen_inv`,
    `insert into payments (id, org_id, customer_id, amount, allocated_amount, currency, received_date, method, reference, external_ref, created_at)
     select pay_id, ${orgId}, cust_id, allocated, allocated, cur, received,
            (array['wire', 'ach', 'card', 'check'])[1 + k % 4], 'REM-' || k, 'PAY-' || lpad(k::text, 7, '0'), received::timestamptz
       from gen_inv where paid`,
    `insert into payment_allocations (org_id, payment_id, invoice_id, amount) select ${orgId}, pay_id, inv_id, allocated from gen_inv where paid`,
    `insert into credit_notes (id, org_id, customer_id, invoice_id, number, external_ref, issue_date, amount, currency, reason, created_at)
     select pg_temp.uid('${kind}cn', k), ${orgId}, cust_id, inv_id, 'CN-' || lpad(k::text, 7, '0'), 'CN-' || lpad(k::text, 7, '0'),
            least(current_date, due), amount / 10, cur, 'price adjustment', now()
       from gen_inv where not paid and not void and k % 41 = 3 limit ${t.counts.creditNotes}`,
  ];
}
