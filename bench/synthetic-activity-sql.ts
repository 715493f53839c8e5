/**
 * Set-based SQL for the organisation's activity: disputes on open invoices, promises to pay,
 * holds, logged threads with their messages (four per thread) and notes. Runs after the
 * ledger statements, while the `gen_inv` plan table still exists.
 */
import type { LedgerTarget } from './synthetic-ledger-sql';

const OWN_SENDER = 'collector@payside-bench.example';
const uuidArray = (ids: readonly string[]) => `array[${ids.map((id) => `'${id}'::uuid`).join(',')}]`;

/** Disputes, promises, holds, threads, messages and notes. */
export function activityStatements(t: LedgerTarget): string[] {
  const { counts, idKind: kind } = t;
  const orgId = `'${t.orgId}'::uuid`;
  const cid = (c: string) => `pg_temp.uid('${kind}c', ${c})`;
  const user = (k: string) => `(${uuidArray(t.collectorIds)})[1 + ${k} % ${t.collectorIds.length}]`;
  const threadCustomer = (th: string) => `pg_temp.skewed(${th}, 40, ${counts.customers})`;
  const loggedAt = (th: string) => `(now() - (${counts.threads} - ${th}) * interval '30 minutes')`;
  return [
    `create temp table gen_dispute as
     select k, cust_id, inv_id, amount, cur, issue, (array['open', 'open', 'open', 'resolved', 'resolved', 'rejected'])[1 + floor(pg_temp.rnd(k, 20) * 6)::int] as status
       from gen_inv where not paid and not void and k % 23 = 5 limit ${counts.disputes}`,
    `insert into disputes (id, org_id, customer_id, reason, description, amount, currency, status, owner_id, opened_by, opened_at, resolution_note, resolved_by, resolved_at)
     select pg_temp.uid('${kind}d', k), ${orgId}, cust_id,
            ((array['pricing', 'quantity', 'quality', 'not_received', 'duplicate', 'tax', 'terms', 'other'])[1 + k % 8])::dispute_reason,
            'Customer disputes the invoice', amount, cur, status::dispute_status, ${user('k')}, ${user('k')}, issue + 20,
            case when status <> 'open' then 'Agreed with the customer' end, case when status <> 'open' then ${user('k')} end,
            case when status <> 'open' then issue + 40 end
       from gen_dispute`,
    `insert into dispute_invoices (org_id, dispute_id, invoice_id) select ${orgId}, pg_temp.uid('${kind}d', k), inv_id from gen_dispute`,
    `insert into promises (id, org_id, customer_id, amount, currency, promised_date, made_on, status, note, created_by, created_at)
     select pg_temp.uid('${kind}pr', j), ${orgId}, ${cid('c')}, (exp(6 + 3 * pg_temp.rnd(j, 31)) * 100)::bigint, pg_temp.c_cur(c), d, d - 10,
            (case when d >= current_date then 'open' when pg_temp.rnd(j, 32) < 0.7 then 'kept' else 'broken' end)::promise_status,
            'Promised on the phone', ${user('j')}, (d - 10)::timestamptz
       from (select j, 1 + floor(${counts.customers} * pg_temp.rnd(j, 30))::bigint as c, current_date - 30 + floor(pg_temp.rnd(j, 33) * 60)::int as d
               from generate_series(1, ${counts.promises}) j) p`,
    `insert into holds (id, org_id, customer_id, until, reason, set_by, created_at, cleared_by, cleared_at)
     select pg_temp.uid('${kind}h', j), ${orgId}, ${cid(`1 + floor(${counts.customers} * pg_temp.rnd(j, 34))::bigint`)},
            current_date + 5 + floor(pg_temp.rnd(j, 35) * 55)::int, 'Renewal in negotiation', ${user('j')}, now() - interval '3 days',
            case when j % 5 = 0 then ${user('j + 1')} end, case when j % 5 = 0 then now() - interval '1 day' end
       from generate_series(1, ${counts.holds}) j`,
    `create temp table gen_thread as
     select th, pg_temp.uid('${kind}t', th) as id, g.id as cust_id, g.domain, ${loggedAt('th')} as logged_at
       from generate_series(1, ${counts.threads}) th join gen_cust g on g.c = ${threadCustomer('th')};
     analyze gen_thread`,
    `insert into threads (id, org_id, customer_id, provider, provider_thread_id, subject, logged_by, logged_at, last_message_at)
     select id, ${orgId}, cust_id, (case when th % 10 < 7 then 'outlook' else 'gmail' end)::mail_provider,
            case when th % 10 < 7 then 'AAQkAD' || md5('t' || th) else substr(md5('t' || th), 1, 16) end,
            (array['Remittance advice', 'Statement request', 'Payment of invoice', 'Overdue reminder', 'Query on invoice'])[1 + th % 5] || ' INV-' || lpad((1 + th * 17 % ${counts.invoices})::text, 7, '0'),
            ${user('th')}, logged_at, logged_at + interval '3 days'
       from gen_thread`,
    `insert into messages (id, org_id, thread_id, message_key, internet_message_id, provider_message_id, from_address, from_name, to_addresses, cc_addresses, sent_at, subject, body_text, body_html, attachments, logged_by, logged_at)
     select gen_random_uuid(), ${orgId}, t.id, 'mid:' || m || '.' || substr(md5('m' || m), 1, 12) || '@mail.example',
            '<' || m || '.' || substr(md5('m' || m), 1, 12) || '@mail.example>', 'msg-' || m,
            case when seq % 2 = 0 then 'ap@' || t.domain else '${OWN_SENDER}' end,
            case when seq % 2 = 0 then 'Accounts Payable' else 'Collector' end,
            array[case when seq % 2 = 0 then '${OWN_SENDER}' else 'ap@' || t.domain end], '{}'::text[],
            t.logged_at + seq * interval '1 day', 'Re: payment', repeat('Hello, please find the remittance for the invoices listed below. Regards. ', 4),
            '<p>' || repeat('Hello, please find the remittance for the invoices listed below. Regards. ', 4) || '</p>',
            case when seq = 0 then '[{"name":"remittance.pdf","size":48213}]'::jsonb else '[]'::jsonb end, ${user('x.th')}, t.logged_at + seq * interval '1 day'
       from (select m, 1 + (m - 1) % ${counts.threads} as th, (m - 1) / ${counts.threads} as seq from generate_series(1, ${counts.messages}) m) x
       join gen_thread t on t.th = x.th`,
    `insert into notes (id, org_id, customer_id, body, author_id, created_at)
     select pg_temp.uid('${kind}n', j), ${orgId}, ${cid(`pg_temp.skewed(j, 50, ${counts.customers})`)}, 'Called AP about the open invoices; they will pay on Friday.', ${user('j')}, now() - j * interval '1 hour'
       from generate_series(1, ${counts.notes}) j`,
  ];
}
