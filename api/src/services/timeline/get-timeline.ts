import { formatMoney } from '@shared/ar';
import type { TTimelineItem, TTimelinePage } from '@shared/schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { AppError } from '../../lib/errors';

interface TimelineRow extends Record<string, unknown> {
  kind: TTimelineItem['kind'];
  id: string;
  at: string | Date;
  title: string;
  detail: string | null;
  actor: string | null;
  thread_id: string | null;
  amount: string | number | null;
  currency: string | null;
  /** Microsecond-precise time for the cursor (a JS Date keeps only milliseconds). */
  at_key: string;
}

/** Cursor = base64url("<iso time>|<sort key>") of the last item of the previous page. */
function decodeCursor(cursor: string | undefined): { at: string; key: string } | null {
  if (!cursor) return null;
  const [at, key] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !key || Number.isNaN(Date.parse(at))) throw new AppError('validation_failed', 'cursor: not a cursor this API issued', [{ field: 'cursor', message: 'not a cursor this API issued' }]);
  return { at, key };
}
const encodeCursor = (at: string, key: string) => Buffer.from(`${at}|${key}`).toString('base64url');

/** One page of the customer's timeline, newest first. */
export async function getTimeline(db: Db, orgId: string, customerId: string, options: { cursor?: string; limit: number }): Promise<TTimelinePage> {
  const after = decodeCursor(options.cursor);
  const result = await db.execute<TimelineRow>(sql`
    select x.*, to_char(x.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key from (
      select 'email' as kind, m.id::text as id, coalesce(m.sent_at, m.logged_at) as at,
             coalesce(nullif(m.subject, ''), '(no subject)') as title, left(m.body_text, 280) as detail,
             coalesce(m.from_name, m.from_address) as actor, t.id as thread_id, null::bigint as amount, null as currency
        from messages m join threads t on t.id = m.thread_id
       where t.org_id = ${orgId} and t.customer_id = ${customerId}
      union all
      select 'note', n.id::text, n.created_at, 'Note', left(n.body, 280), u.name, n.thread_id, null, null
        from notes n left join users u on u.id = n.author_id
       where n.org_id = ${orgId} and n.customer_id = ${customerId}
      union all
      select 'dispute', d.id::text, d.opened_at, 'Dispute opened (' || replace(d.reason::text, '_', ' ') || ')', d.description, u.name, null, d.amount, d.currency
        from disputes d left join users u on u.id = d.opened_by
       where d.org_id = ${orgId} and d.customer_id = ${customerId}
      union all
      select 'dispute', d.id::text || ':closed', d.resolved_at, 'Dispute ' || d.status::text, d.resolution_note, u.name, null, d.amount, d.currency
        from disputes d left join users u on u.id = d.resolved_by
       where d.org_id = ${orgId} and d.customer_id = ${customerId} and d.resolved_at is not null
      union all
      select 'promise', p.id::text, p.created_at, 'Promise to pay by ' || p.promised_date::text || ' (' || p.status::text || ')', p.note, u.name, null, p.amount, p.currency
        from promises p left join users u on u.id = p.created_by
       where p.org_id = ${orgId} and p.customer_id = ${customerId}
      union all
      -- A customer's payments can be thousands: only the page's worth, newest first along the index.
      (select 'payment', p.id::text, (p.received_date::timestamp at time zone 'UTC'), 'Payment received',
              nullif(concat_ws(' · ', p.method, p.reference), ''), null, null, p.amount, p.currency
         from payments p
        where p.org_id = ${orgId} and p.customer_id = ${customerId}
          and ${after ? sql`((p.received_date::timestamp at time zone 'UTC'), 'payment:' || p.id::text) < (${after.at}::timestamptz, ${after.key})` : sql`true`}
        order by p.received_date desc, p.id desc
        limit ${options.limit + 1})
      union all
      select 'hold', h.id::text, h.created_at, 'Hold until ' || h.until::text || case when h.cleared_at is not null then ' (cleared)' else '' end, h.reason, u.name, null, null, null
        from holds h left join users u on u.id = h.set_by
       where h.org_id = ${orgId} and h.customer_id = ${customerId}
    ) x
    where ${after ? sql`(x.at, x.kind || ':' || x.id) < (${after.at}::timestamptz, ${after.key})` : sql`true`}
    order by x.at desc, x.kind || ':' || x.id desc
    limit ${options.limit + 1}`);
  const rows = rowsOf<TimelineRow>(result);
  const page = rows.slice(0, options.limit);
  const items = page.map((r) => {
    const at = new Date(r.at).toISOString();
    const money = r.amount != null && r.currency ? formatMoney(Number(r.amount), r.currency) : null;
    return {
      kind: r.kind,
      id: r.id,
      at,
      title: money && r.kind === 'payment' ? `Payment received: ${money}` : money ? `${r.title}: ${money}` : r.title,
      detail: r.detail,
      actor: r.actor,
      threadId: r.thread_id,
    } satisfies TTimelineItem;
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.at_key, `${last.kind}:${last.id}`) : null,
  };
}
