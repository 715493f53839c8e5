/** Building blocks of every contract: ids, dates, money, the problem envelope. */
import { z } from 'zod';
import { ISO_CURRENCY_CODES } from '../money/currency';

// Year 0000 parses in JavaScript (1 BC) but not in PostgreSQL, which has no year zero.
const isValidIsoDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && !s.startsWith('0000');
};

/**
 * `schema | null` for a schema registered as a component (`.meta({ id })`): zod-to-openapi renders its
 * `.nullable()` as `allOf: [$ref, {type: [object, null]}]`, which null cannot pass, and may bake null into the component.
 * @see https://github.com/asteasolutions/zod-to-openapi/pull/387
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const ZUuid = z.uuid();
/** A business date, `YYYY-MM-DD`, that exists in the calendar. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isValidIsoDate, 'not a calendar date')
  .meta({ example: '2026-11-23' });
export const ZDateTime = z.iso.datetime({ offset: true });
/** ISO 4217 alphabetic code, upper case, from the money table: "XYZ" or "XXX" is refused (422 naming the field). */
export const ZCurrency = z
  .enum(ISO_CURRENCY_CODES as [string, ...string[]], { error: 'expected an ISO 4217 currency code such as USD' })
  .meta({ id: 'Currency', example: 'USD', description: 'ISO 4217 alphabetic code with a minor unit' });
/** Integer minor units (cents); never a float. */
export const ZMinorUnits = z.number().int().min(-9_007_199_254_740_991).max(9_007_199_254_740_991);
export const ZPositiveMinorUnits = ZMinorUnits.positive();
export const ZMoney = z.object({ amount: ZMinorUnits, currency: ZCurrency }).meta({ id: 'Money' });
export type TMoney = z.infer<typeof ZMoney>;
export const ZEmail = z.string().trim().toLowerCase().max(320).pipe(z.email());
export const ZRole = z.enum(['admin', 'collector', 'viewer']);
export type TRole = z.infer<typeof ZRole>;
export const ZProvider = z.enum(['outlook', 'gmail']);
export type TProvider = z.infer<typeof ZProvider>;

export const ZPersonRef = z
  .object({ id: ZUuid, name: z.string(), email: z.string() })
  .meta({ id: 'PersonRef' });
export type TPersonRef = z.infer<typeof ZPersonRef>;

/** RFC 9457 problem details, the one error envelope. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    requestId: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('The fields that failed validation'),
  })
  .meta({ id: 'Problem' });
export type TProblem = z.infer<typeof ZProblem>;

export const ZIdParam = z.object({ id: ZUuid });
