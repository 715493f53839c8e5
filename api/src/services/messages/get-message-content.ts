import type { TMessageContent } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { messages } from '../../db/schema';
import { notFound } from '../../lib/errors';

/**
 * A logged message's content, HTML exactly as logged (untrusted: the caller
 * sanitises it before rendering). 404 for a missing or foreign id.
 */
export async function getMessageContent(db: Db, orgId: string, messageId: string): Promise<TMessageContent> {
  const [m] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.id, messageId)));
  if (!m) throw notFound('Message');
  return {
    id: m.id,
    threadId: m.threadId,
    from: m.fromAddress,
    fromName: m.fromName,
    sentAt: m.sentAt?.toISOString() ?? null,
    subject: m.subject,
    bodyText: m.bodyText,
    bodyHtml: m.bodyHtml,
  };
}
