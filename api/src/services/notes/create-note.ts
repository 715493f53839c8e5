import type { TCreateNoteRequest, TNote } from '@shared/schemas';
import { and, eq } from 'drizzle-orm';
import { notes, threads } from '../../db/schema';
import { invalidField } from '../../lib/errors';
import { inTransaction } from '../../lib/transaction';
import type { ServiceContext } from '../../lib/types';
import { writeAudit } from '../audit/write-audit';
import { findCustomerRow } from '../customers/get-customer';
import { loadPeople, personOf } from '../people/load-people';

/** Adds a note to a customer, optionally about one of its logged threads. */
export async function createNote(ctx: ServiceContext, customerId: string, input: TCreateNoteRequest): Promise<TNote> {
  return inTransaction(ctx, async (tx) => {
    await findCustomerRow(tx, ctx.orgId, customerId);
    if (input.threadId) {
      const [thread] = await tx
        .select({ id: threads.id })
        .from(threads)
        .where(and(eq(threads.orgId, ctx.orgId), eq(threads.id, input.threadId), eq(threads.customerId, customerId)));
      if (!thread) throw invalidField('threadId', "not one of this customer's logged threads");
    }
    const [row] = await tx
      .insert(notes)
      .values({ orgId: ctx.orgId, customerId, threadId: input.threadId ?? null, body: input.body, authorId: ctx.actor.userId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const people = await loadPeople(tx, ctx.orgId, [row.authorId]);
    const dto: TNote = {
      id: row.id,
      customerId,
      threadId: row.threadId,
      body: row.body,
      author: personOf(people, row.authorId),
      createdAt: row.createdAt.toISOString(),
    };
    await writeAudit(tx, ctx, { action: 'note.created', entityType: 'note', entityId: row.id, customerId, after: dto });
    return dto;
  });
}
