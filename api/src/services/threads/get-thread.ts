import type { TThread, TThreadDetail } from '@shared/schemas';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customers, messages, threads } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { loadPeople, personOf } from '../people/load-people';

/** The thread row scoped to the org; 404 for a missing or foreign id. */
export async function findThreadRow(db: Db, orgId: string, threadId: string) {
  const [row] = await db.select().from(threads).where(and(eq(threads.orgId, orgId), eq(threads.id, threadId)));
  if (!row) throw notFound('Thread');
  return row;
}

/** A thread as the API shows it (customer, who logged it, message count). */
export async function getThreadSummary(db: Db, orgId: string, threadId: string): Promise<TThread> {
  const [row] = await db
    .select({ thread: threads, customerName: customers.name, messageCount: count(messages.id) })
    .from(threads)
    .innerJoin(customers, eq(customers.id, threads.customerId))
    .leftJoin(messages, eq(messages.threadId, threads.id))
    .where(and(eq(threads.orgId, orgId), eq(threads.id, threadId)))
    .groupBy(threads.id, customers.name);
  if (!row) throw notFound('Thread');
  const people = await loadPeople(db, orgId, [row.thread.loggedBy]);
  return {
    id: row.thread.id,
    provider: row.thread.provider,
    providerThreadId: row.thread.providerThreadId,
    subject: row.thread.subject,
    customer: { id: row.thread.customerId, name: row.customerName },
    loggedBy: personOf(people, row.thread.loggedBy),
    loggedAt: row.thread.loggedAt.toISOString(),
    messageCount: row.messageCount,
  };
}

/** A thread with its messages, oldest first. HTML bodies are not returned, only whether there is one. */
export async function getThread(db: Db, orgId: string, threadId: string): Promise<TThreadDetail> {
  const summary = await getThreadSummary(db, orgId, threadId);
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.threadId, threadId)))
    .orderBy(asc(messages.sentAt), asc(messages.loggedAt));
  return {
    ...summary,
    messages: rows.map((m) => ({
      id: m.id,
      messageKey: m.messageKey,
      from: m.fromAddress,
      fromName: m.fromName,
      to: m.toAddresses,
      cc: m.ccAddresses,
      sentAt: m.sentAt?.toISOString() ?? null,
      subject: m.subject,
      bodyText: m.bodyText,
      hasHtml: m.bodyHtml != null,
      attachments: m.attachments,
    })),
  };
}
