/** Contacts at a customer: who pays, who approves, who to write to. */
import { z } from 'zod';
import { ZDateTime, ZEmail, ZUuid } from './common';

export const ZContactRole = z.enum(['payer', 'ap', 'approver', 'billing', 'other']);
export type TContactRole = z.infer<typeof ZContactRole>;

export const ZContact = z
  .object({
    id: ZUuid,
    customerId: ZUuid,
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    role: ZContactRole,
    isPrimaryPayer: z.boolean(),
    notes: z.string().nullable(),
    updatedAt: ZDateTime,
  })
  .meta({ id: 'Contact' });
export type TContact = z.infer<typeof ZContact>;

export const ZCreateContactRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: ZEmail,
    phone: z.string().trim().max(50).nullish(),
    role: ZContactRole.default('other'),
    isPrimaryPayer: z.boolean().default(false),
    notes: z.string().max(5000).nullish(),
  })
  .meta({ id: 'CreateContactRequest' });
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZUpdateContactRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: ZEmail,
    phone: z.string().trim().max(50).nullable(),
    role: ZContactRole,
    isPrimaryPayer: z.boolean(),
    notes: z.string().max(5000).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
  .meta({ id: 'UpdateContactRequest' });
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;
