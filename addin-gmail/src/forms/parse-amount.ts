/** Money typed into a card ("1,250.50") → integer minor units for the currency; never through floats. */
import { currencyExponent } from '@shared/ar';
import { invalidField } from '../../../api/src/lib/errors';

const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Undefined for an empty field; 422 naming `field` for anything that is not a positive amount in that currency. */
export function parseAmount(input: string | undefined, currency: string, field = 'amount'): number | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const match = AMOUNT.exec(input.trim().replace(/^[A-Za-z]{3}\s*/, '').replace(/\s/g, ''));
  const exponent = currencyExponent(currency);
  if (!match) throw invalidField(field, `"${input}" is not an amount; write it like 1250.00`);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) throw invalidField(field, `${currency} amounts have ${exponent} decimals at most`);
  const minor = Number(match[1]!.replace(/,/g, '') + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor) || minor <= 0) throw invalidField(field, 'must be more than zero');
  return minor;
}
