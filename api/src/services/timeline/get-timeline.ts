import { formatDate } from '@shared/ar';
import { formatMoney } from '@shared/money';
import type { TTimelineItem, TTimelinePage } from '@shared/schemas';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jsonArray, rowsOf } from '../../db/rows';
import { AppError } from '../../lib/errors';

export interface TimelineRow extends Record<string, unknown> {
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
  const rows = rowsOf<TimelineRow>(await db.execute<TimelineRow>(timelineRows(orgId, customerId, decodeCursor(options.cursor), options.limit)));
  return toTimelinePage(rows, options.limit);
}

/** The first page of the customer's timeline as a scalar subquery yielding a JSON array of its rows (`toTimelinePage` reads it). */
export const timelineJson = (orgId: string, customerId: string, limit: number): SQL =>
  jsonArray(sql`t`, sql`from (${timelineRows(orgId, customerId, null, limit)}) t`, sql`t.at desc, t.kind || ':' || t.id desc`);

/** A user's name by id, looked up by primary key row by row (a join would let the planner read every user). */
const userName = (orgId: string, userId: SQL): SQL => sql`(select u.name from users u where u.org_id = ${orgId} and u.id = ${userId})`;

/** The rows of a page (one more than `limit`, to tell whether another page follows), newest first. */
function timelineRows(orgId: string, customerId: string, after: { at: string; key: string } | null, limit: number): SQL {
  return sql`
    select x.*, to_char(x.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key from (
      select 'email' as kind, m.id::text as id, coalesce(m.sent_at, m.logged_at) as at,
             coalesce(nullif(m.subject, ''), '(no subject)') as title, left(m.body_text, 280) as detail,
             coalesce(m.from_name, m.from_address) as actor, t.id as thread_id, null::bigint as amount, null as currency
        from messages m join threads t on t.id = m.thread_id
       where t.org_id = ${orgId} and t.customer_id = ${customerId}
      union all
      select 'note', n.id::text, n.created_at, 'Note', left(n.body, 280), ${userName(orgId, sql`n.author_id`)}, n.thread_id, null, null
        from notes n
       where n.org_id = ${orgId} and n.customer_id = ${customerId}
      union all
      select 'dispute', d.id::text, d.opened_at, 'Dispute opened (' || replace(d.reason::text, '_', ' ') || ')', d.description, ${userName(orgId, sql`d.opened_by`)}, null, d.amount, d.currency
        from disputes d
       where d.org_id = ${orgId} and d.customer_id = ${customerId}
      union all
      select 'dispute', d.id::text || ':closed', d.resolved_at, 'Dispute ' || d.status::text, d.resolution_note, ${userName(orgId, sql`d.resolved_by`)}, null, d.amount, d.currency
        from disputes d
       where d.org_id = ${orgId} and d.customer_id = ${customerId} and d.resolved_at is not null
      union all
      select 'promise', p.id::text, p.created_at, 'Promise to pay by ' || p.promised_date::text || ' (' || p.status::text || ')', p.note, ${userName(orgId, sql`p.created_by`)}, null, p.amount, p.currency
        from promises p
       where p.org_id = ${orgId} and p.customer_id = ${customerId}
      union all
      -- A customer's payments can be thousands: only the page's worth, newest first along the index.
      (select 'payment', p.id::text, (p.received_date::timestamp at time zone 'UTC'), 'Payment received',
              nullif(concat_ws(' · ', p.method, p.reference), ''), null, null, p.amount, p.currency
         from payments p
        where p.org_id = ${orgId} and p.customer_id = ${customerId}
          and ${after ? sql`((p.received_date::timestamp at time zone 'UTC'), 'payment:' || p.id::text) < (${after.at}::timestamptz, ${after.key})` : sql`true`}
        order by p.received_date desc, p.id desc
        limit ${limit + 1})
      union all
      select 'hold', h.id::text, h.created_at, 'Hold until ' || h.until::text || case when h.cleared_at is not null then ' (cleared)' else '' end, h.reason, ${userName(orgId, sql`h.set_by`)}, null, null, null
        from holds h
       where h.org_id = ${orgId} and h.customer_id = ${customerId}
    ) x
    where ${after ? sql`(x.at, x.kind || ':' || x.id) < (${after.at}::timestamptz, ${after.key})` : sql`true`}
    order by x.at desc, x.kind || ':' || x.id desc
    limit ${limit + 1}`;
}

/** Timeline rows (from `timelineRows`, or `timelineJson`'s array) as a page of at most `limit` items. */
export function toTimelinePage(rows: TimelineRow[], limit: number): TTimelinePage {
  const page = rows.slice(0, limit);
  const items = page.map((r) => {
    const at = new Date(r.at).toISOString();
    const money = r.amount != null && r.currency ? formatMoney(BigInt(r.amount), r.currency) : null;
    // Promise and hold titles are ours ("Promise to pay by 2026-12-14 (open)"): their date reads as people write it.
    // Other titles (an email's subject) are left as they came.
    const title = r.kind === 'promise' || r.kind === 'hold' ? r.title.replace(/\b\d{4}-\d{2}-\d{2}\b/, (date) => formatDate(date)) : r.title;
    return {
      kind: r.kind,
      id: r.id,
      at,
      title: money && r.kind === 'payment' ? `Payment received: ${money}` : money ? `${title}: ${money}` : title,
      detail: r.detail,
      actor: r.actor,
      threadId: r.thread_id,
    } satisfies TTimelineItem;
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last.at_key, `${last.kind}:${last.id}`) : null,
  };
}
