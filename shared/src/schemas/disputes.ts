/** Disputes on one or more invoices, opened and resolved from the sidebar. */
import { z } from 'zod';
import { ZCurrency, ZDateTime, ZMinorUnits, ZPersonRef, ZPositiveMinorUnits, ZProblem, ZUuid, orNull } from './common';

export const ZDisputeReason = z.enum(['pricing', 'quantity', 'quality', 'not_received', 'duplicate', 'tax', 'terms', 'other']);
export const ZDisputeStatus = z.enum(['open', 'resolved', 'rejected']);

export const ZDispute = z
  .object({
    id: ZUuid,
    customerId: ZUuid,
    invoices: z.array(z.object({ id: ZUuid, number: z.string() })),
    reason: ZDisputeReason,
    description: z.string().nullable(),
    amount: ZMinorUnits,
    currency: ZCurrency,
    status: ZDisputeStatus,
    owner: orNull(ZPersonRef),
    openedBy: orNull(ZPersonRef),
    openedAt: ZDateTime,
    resolutionNote: z.string().nullable(),
    resolvedBy: orNull(ZPersonRef),
    resolvedAt: ZDateTime.nullable(),
  })
  .meta({ id: 'Dispute' });
export type TDispute = z.infer<typeof ZDispute>;

export const ZOpenDisputeRequest = z
  .object({
    invoiceIds: z.array(ZUuid).min(1).max(100),
    reason: ZDisputeReason,
    description: z.string().trim().max(5000).nullish(),
    amount: ZPositiveMinorUnits.optional().describe('At most the open balance of the invoices, which is the default'),
    ownerId: ZUuid.optional(),
  })
  .meta({ id: 'OpenDisputeRequest' });
export type TOpenDisputeRequest = z.infer<typeof ZOpenDisputeRequest>;

export const ZResolveDisputeRequest = z
  .object({
    status: z.enum(['resolved', 'rejected']),
    note: z.string().trim().min(1).max(5000),
  })
  .meta({ id: 'ResolveDisputeRequest' });
export type TResolveDisputeRequest = z.infer<typeof ZResolveDisputeRequest>;

/** 409 when an invoice is already in an open dispute: that dispute is the one to work on. */
export const ZDisputeConflict = ZProblem.extend({
  existingDisputeId: ZUuid.describe('The open dispute the invoice is already in'),
}).meta({ id: 'DisputeConflict' });
export type TDisputeConflict = z.infer<typeof ZDisputeConflict>;
