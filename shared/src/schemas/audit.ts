/** A customer's audit trail: who changed what, when, with the values before and after. */
import { z } from 'zod';
import { ZDateTime, ZPersonRef, orNull } from './common';

export const ZAuditEntry = z
  .object({
    id: z.string().describe('Increasing with time; pass the last one as `before` for older entries'),
    at: ZDateTime,
    actor: orNull(ZPersonRef).describe('The user who made the change; null for the system, the CLI or a deleted user'),
    actorLabel: z.string().describe('Who, as recorded at the time: an email, "system" or "cli"'),
    action: z.string().meta({ example: 'dispute.resolved' }),
    entityType: z.string().meta({ example: 'dispute' }),
    entityId: z.string().describe('The changed record, or "batch" for a ledger sync summary'),
    before: z.unknown().describe('The changed fields before (updates and removals); null for a creation'),
    after: z.unknown().describe('The fields after (creations and updates); null for a removal'),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z
  .object({
    items: z.array(ZAuditEntry),
    nextBefore: z.string().nullable().describe('Pass as `before` for the next (older) page; null on the last page'),
  })
  .meta({ id: 'AuditPage' });
export type TAuditPage = z.infer<typeof ZAuditPage>;

export const ZAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'expected an entry id from a previous page')
    .optional()
    .describe('Only entries older than this entry id'),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
