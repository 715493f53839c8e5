/** Intent suggestions: what a customer's e-mail asks or states, each with the words that carry it. */
import { z } from 'zod';

export const INTENTS = [
  'promise_to_pay',
  'dispute',
  'remittance_advice',
  'payment_claimed_not_received',
  'invoice_copy_request',
  'out_of_office',
  'bounce',
  'contact_change',
  'process_requirement',
  'payment_difficulty',
] as const;
export const ZIntent = z.enum(INTENTS);
export type TIntent = z.infer<typeof ZIntent>;

/** An amount as written in the message: decimal string with the currency's minor-unit digits. */
export const ZSuggestedAmount = z.object({ value: z.string().regex(/^\d+(\.\d{1,4})?$/), currency: z.string().regex(/^[A-Z]{3}$/) });
export type TSuggestedAmount = z.infer<typeof ZSuggestedAmount>;

const ZIsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The exact substring that carries the intent, and where it lies. */
export const ZEvidence = z.object({ field: z.enum(['subject', 'body']), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() });
export type TEvidence = z.infer<typeof ZEvidence>;

const base = {
  evidence: ZEvidence,
  confidence: z.number().min(0).max(1),
  source: z.string().describe('The rule that produced the suggestion'),
  explanation: z.string(),
};

export const ZIntentSuggestion = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('promise_to_pay'), date: ZIsoDay.nullable(), amount: ZSuggestedAmount.nullable(), invoices: z.array(z.string()), conditional: z.boolean(), vague: z.boolean(), ...base }),
  z.object({
    intent: z.literal('dispute'),
    invoices: z.array(z.string()),
    reason: z.enum(['pricing', 'quantity', 'quality', 'not_received', 'duplicate_billing', 'missing_po', 'tax', 'other']),
    amount: ZSuggestedAmount.nullable(),
    ...base,
  }),
  z.object({ intent: z.literal('remittance_advice'), date: ZIsoDay.nullable(), amount: ZSuggestedAmount.nullable(), invoices: z.array(z.string()), reference: z.string().nullable(), ...base }),
  z.object({ intent: z.literal('payment_claimed_not_received'), date: ZIsoDay.nullable(), amount: ZSuggestedAmount.nullable(), invoices: z.array(z.string()), ...base }),
  z.object({ intent: z.literal('invoice_copy_request'), invoices: z.array(z.string()), statement: z.boolean(), ...base }),
  z.object({
    intent: z.literal('out_of_office'),
    returnDate: ZIsoDay.nullable(),
    alternateContact: z.object({ name: z.string().nullable(), address: z.string().nullable() }).nullable(),
    ...base,
  }),
  z.object({ intent: z.literal('bounce'), failedAddress: z.string().nullable(), ...base }),
  z.object({
    intent: z.literal('contact_change'),
    name: z.string().nullable(),
    address: z.string().nullable(),
    role: z.enum(['payer', 'ap', 'approver', 'billing', 'other']).nullable(),
    left: z.boolean(),
    ...base,
  }),
  z.object({
    intent: z.literal('process_requirement'),
    requirement: z.enum(['portal', 'po_number', 'tax_form', 'bank_details']),
    fraudRisk: z.boolean().describe('True for changed bank details: never applied automatically'),
    ...base,
  }),
  z.object({ intent: z.literal('payment_difficulty'), kind: z.enum(['cash_flow', 'payment_plan', 'extension']), ...base }),
]);
export type TIntentSuggestion = z.infer<typeof ZIntentSuggestion>;

const ZMailbox = z.object({ name: z.string().nullish(), address: z.string().min(3).max(320) });

/** One line of `payside detect --jsonl`: a message, optionally with the matched customer's invoices. */
export const ZDetectInputLine = z.object({
  id: z.union([z.string(), z.number()]),
  receivedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time'),
  from: ZMailbox,
  to: z.array(ZMailbox).default([]),
  cc: z.array(ZMailbox).default([]),
  subject: z.string().max(10_000).default(''),
  bodyText: z.string().default(''),
  timeZone: z.string().optional(),
  org: z.object({ domains: z.array(z.string()).default([]) }).partial().optional(),
  customer: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/).nullish(),
      invoices: z.array(z.object({ number: z.string().min(1), poNumber: z.string().nullish(), balance: z.string().nullish(), currency: z.string().nullish() })).default([]),
      contacts: z.array(z.object({ name: z.string().nullish(), email: z.string().nullish(), role: z.string().nullish() })).default([]),
    })
    .nullish(),
});
export type TDetectInputLine = z.infer<typeof ZDetectInputLine>;
