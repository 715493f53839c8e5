/** Customers: search results, the detail every sidebar renders, and its AR status. */
import { z } from 'zod';
import { ZContact } from './contacts';
import { ZCurrency, ZDateTime, ZIsoDate, ZMinorUnits, ZMoney, ZPersonRef, ZUuid, orNull } from './common';
import { ZDispute } from './disputes';
import { ZHold } from './holds';
import { ZPromise } from './promises';
import { ZTimelinePage } from './timeline';

export const ZCustomerRef = z.object({ id: ZUuid, name: z.string() }).meta({ id: 'CustomerRef' });
export type TCustomerRef = z.infer<typeof ZCustomerRef>;

export const ZCustomer = z
  .object({
    id: ZUuid,
    name: z.string(),
    externalRef: z.string().nullable(),
    currency: ZCurrency,
    domains: z.array(z.string()),
    paymentTermsDays: z.number().int(),
    creditLimit: orNull(ZMoney),
    tier: z.string().nullable(),
    tags: z.array(z.string()),
    collector: orNull(ZPersonRef),
    salesOwner: orNull(ZPersonRef),
    csOwner: orNull(ZPersonRef),
    parent: orNull(ZCustomerRef),
  })
  .meta({ id: 'Customer' });
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZAging = z
  .object({
    current: ZMinorUnits,
    d1_30: ZMinorUnits,
    d31_60: ZMinorUnits,
    d61_90: ZMinorUnits,
    d91_plus: ZMinorUnits,
  })
  .meta({ id: 'Aging' });

export const ZCurrencyTotals = z
  .object({
    currency: ZCurrency,
    outstanding: ZMinorUnits,
    overdue: ZMinorUnits,
    aging: ZAging,
    unallocatedCash: ZMinorUnits,
    dso90: z.number().nullable().describe('Days sales outstanding over the last 90 days'),
    creditUsed: z.number().nullable().describe('Outstanding ÷ credit limit (0..n), when the limit is in this currency'),
  })
  .meta({ id: 'CurrencyTotals' });

export const ZBehaviour = z
  .object({
    label: z.enum(['new', 'reliable', 'pays-late-predictably', 'slipping', 'at-risk']),
    reason: z.string(),
  })
  .meta({ id: 'Behaviour' });

export const ZArStatus = z
  .object({
    asOf: ZIsoDate,
    totals: z.array(ZCurrencyTotals).describe('One entry per currency; amounts of different currencies are never added'),
    lastPayment: z
      .object({
        date: ZIsoDate,
        amounts: z.array(z.object({ amount: ZMinorUnits, currency: ZCurrency })).min(1).describe("The total received that day per currency, the customer's currency first"),
      })
      .nullable()
      .describe('The latest payment day and the total received that day'),
    averageDaysLate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
    paidInLast365: z.number().int(),
    payDayPattern: z.string().nullable().describe('e.g. "usually pays around the 15th"'),
    behaviour: ZBehaviour,
  })
  .meta({ id: 'ArStatus' });
export type TArStatus = z.infer<typeof ZArStatus>;

export const ZOpenInvoice = z
  .object({
    id: ZUuid,
    number: z.string(),
    poNumber: z.string().nullable(),
    issueDate: ZIsoDate,
    dueDate: ZIsoDate,
    amount: ZMinorUnits,
    currency: ZCurrency,
    balance: ZMinorUnits,
    daysPastDue: z.number().int(),
    bucket: z.enum(['current', 'd1_30', 'd31_60', 'd61_90', 'd91_plus']),
    disputed: z.boolean(),
    predictedPayDate: ZIsoDate,
    predictionBasis: z.string(),
  })
  .meta({ id: 'OpenInvoice' });
export type TOpenInvoice = z.infer<typeof ZOpenInvoice>;

/** Everything the sidebar shows for one customer: one call renders it. */
export const ZCustomerPanel = z
  .object({
    customer: ZCustomer,
    status: ZArStatus,
    openInvoices: z.array(ZOpenInvoice).describe('Oldest due first'),
    disputes: z.array(ZDispute).describe('Open disputes'),
    promises: z.array(ZPromise).describe('Open promises to pay'),
    holds: z.array(ZHold).describe('Active holds'),
    contacts: z.array(ZContact).describe('Primary payer first, then payer, AP, approver, billing, other'),
    timeline: ZTimelinePage,
  })
  .meta({ id: 'CustomerPanel' });
export type TCustomerPanel = z.infer<typeof ZCustomerPanel>;

export const ZCustomerSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TCustomerSearchQuery = z.infer<typeof ZCustomerSearchQuery>;

export const ZCustomerSearchHit = z
  .object({
    customer: ZCustomerRef.extend({ currency: ZCurrency, domains: z.array(z.string()) }),
    matchedOn: z.enum(['name', 'domain', 'contact', 'invoice', 'external_ref']),
    matchedText: z.string(),
  })
  .meta({ id: 'CustomerSearchHit' });
export const ZCustomerSearchResponse = z.object({ items: z.array(ZCustomerSearchHit) }).meta({ id: 'CustomerSearchResponse' });
export type TCustomerSearchResponse = z.infer<typeof ZCustomerSearchResponse>;

export const ZPanelQuery = z.object({ asOf: ZIsoDate.optional() });

export const ZUpdatedAt = ZDateTime;
