import { normalizeEmail } from '@shared/matching';
import type { TLogThreadResponse, ZLogThreadRequest } from '@shared/schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { messages, threads } from '../../db/schema';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { getThreadSummary } from './get-thread';
import { messageKeyOf } from './message-key';

type LogThreadRequest = z.output<typeof ZLogThreadRequest>;

const splitAddress = (raw: string) => {
  const name = raw.match(/^\s*"?([^"<]*?)"?\s*</)?.[1]?.trim() || null;
  return { address: normalizeEmail(raw) ?? raw.trim().toLowerCase(), name };
};

/**
 * Logs a thread to a customer. Idempotent: the thread is unique per
 * (provider, thread id) and each message per Message-ID, so retries, double
 * clicks and colleagues logging the same thread add only what is new. A thread
 * already logged elsewhere stays with its customer (moving is explicit).
 */
export async function logThread(ctx: ServiceContext, request: LogThreadRequest): Promise<TLogThreadResponse> {
  await findCustomerRow(ctx.db, ctx.orgId, request.customerId);
  const incoming = new Map(request.messages.map((m) => [messageKeyOf(request.provider, m), m]));

  const result = await inTransaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(threads)
      .values({
        orgId: ctx.orgId,
        customerId: request.customerId,
        provider: request.provider,
        providerThreadId: request.threadId,
        subject: request.subject || request.messages[0]?.subject || '',
        loggedBy: ctx.actor.userId,
      })
      .onConflictDoNothing({ target: [threads.orgId, threads.provider, threads.providerThreadId] })
      .returning();
    const thread =
      created ??
      (await tx
        .select()
        .from(threads)
        .where(and(eq(threads.orgId, ctx.orgId), eq(threads.provider, request.provider), eq(threads.providerThreadId, request.threadId)))
        .then((rows) => rows[0]));
    if (!thread) throw new Error('thread vanished during logging');

    const inserted = await tx
      .insert(messages)
      .values(
        [...incoming].map(([messageKey, m]) => {
          const from = splitAddress(m.from);
          return {
            orgId: ctx.orgId,
            threadId: thread.id,
            messageKey,
            internetMessageId: m.internetMessageId ?? null,
            providerMessageId: m.providerMessageId ?? null,
            fromAddress: from.address,
            fromName: m.fromName ?? from.name,
            toAddresses: m.to.map((a) => splitAddress(a).address),
            ccAddresses: m.cc.map((a) => splitAddress(a).address),
            sentAt: m.sentAt ? new Date(m.sentAt) : null,
            subject: m.subject,
            bodyText: m.bodyText,
            bodyHtml: m.bodyHtml ?? null,
            attachments: m.attachments,
            loggedBy: ctx.actor.userId,
          };
        }),
      )
      .onConflictDoNothing({ target: [messages.threadId, messages.messageKey] })
      .returning({ id: messages.id, messageKey: messages.messageKey, sentAt: messages.sentAt });
    const existing = await tx
      .select({ id: messages.id, messageKey: messages.messageKey })
      .from(messages)
      .where(and(eq(messages.threadId, thread.id), inArray(messages.messageKey, [...incoming.keys()])));

    if (inserted.length > 0) {
      const latest = inserted.reduce<Date | null>((max, m) => (m.sentAt && (!max || m.sentAt > max) ? m.sentAt : max), null);
      await tx
        .update(threads)
        .set({ lastMessageAt: latest ? sql`greatest(${threads.lastMessageAt}, ${latest.toISOString()}::timestamptz)` : threads.lastMessageAt })
        .where(eq(threads.id, thread.id));
      await writeAudit(tx, ctx, {
        action: created ? 'thread.logged' : 'thread.messages_added',
        entityType: 'thread',
        entityId: thread.id,
        customerId: thread.customerId,
        after: { provider: thread.provider, providerThreadId: thread.providerThreadId, messageKeys: inserted.map((m) => m.messageKey) },
      });
    }
    const newKeys = new Set(inserted.map((m) => m.messageKey));
    return {
      threadId: thread.id,
      threadCreated: Boolean(created),
      messages: existing.map((m) => ({ id: m.id, messageKey: m.messageKey, new: newKeys.has(m.messageKey) })),
      newMessageCount: inserted.length,
    };
  });
  return { thread: await getThreadSummary(ctx.db, ctx.orgId, result.threadId), ...omitThreadId(result) };
}

const omitThreadId = ({ threadId: _threadId, ...rest }: { threadId: string } & Omit<TLogThreadResponse, 'thread'>) => rest;
