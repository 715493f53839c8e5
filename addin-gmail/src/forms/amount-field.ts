/** The amount a person typed into a card ("1,250.50", "GBP 10.5") → minor units, through the shared money parser. */
import { isIsoCurrency, parseMinorUnits } from '@shared/money';
import { invalidField } from '../../../api/src/lib/errors';

/** Undefined for an empty field; 422 naming `field` (or `currency`) for anything that is not a positive amount in that currency. */
export function readAmountField(input: string | undefined, currency: string, field = 'amount'): number | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  if (!isIsoCurrency(currency)) throw invalidField('currency', `${currency} is not an ISO 4217 currency code`);
  // People paste the code in front ("GBP 10.5") and space out thousands; a sign is never meant.
  const text = input.trim().replace(/^[A-Za-z]{3}\s*/, '').replace(/\s/g, '');
  const parsed = /^[-+]/.test(text) ? null : parseMinorUnits(text, currency);
  if (!parsed || (!parsed.ok && parsed.message.startsWith('not an amount'))) throw invalidField(field, `"${input}" is not an amount; write it like 1250.00`);
  if (!parsed.ok) throw invalidField(field, parsed.message);
  if (parsed.minorUnits <= 0) throw invalidField(field, 'must be more than zero');
  return parsed.minorUnits;
}
