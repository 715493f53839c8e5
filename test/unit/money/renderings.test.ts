/**
 * Every ISO 4217 currency, typed → minor units → shown by each renderer people read
 * (the pane's formatter, the Gmail invoice card, the statement), reads back the same:
 * the fraction digits are the table's, whatever CLDR says.
 */
import { describe, expect, it } from 'vitest';
import { invoicesSection } from '../../../addin-gmail/src/cards/ledger-sections';
import { formatMoney as paneFormatMoney, parseDecimalInput } from '../../../addin-outlook/src/ui/format';
import { currencyExponent, decimalSeparatorOf, ISO_CURRENCY_CODES, parseMinorUnits } from '@shared/money';
import type { TCustomerPanel } from '@shared/schemas';
import { renderStatementHtml } from '@shared/statement';

const PANE_LOCALES = ['en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'hu-HU'];

/** The amount in a rendering read back as minor units: digits and the locale's separators only. */
function readBack(shown: string, currency: string, locale: string): number | null {
  const number = shown.replace(/&nbsp;/g, '\u00a0').replace(/[^\d.,\u00a0\u202f ]/g, '').trim();
  const parsed = parseMinorUnits(number, currency, decimalSeparatorOf(locale));
  const decimals = number.split(decimalSeparatorOf(locale))[1] ?? '';
  return parsed.ok && decimals.length === currencyExponent(currency) ? parsed.minorUnits : null;
}

/** What a person types for 1234567 and the currency's decimals: "1234567.98". */
const typedAmount = (currency: string) => {
  const e = currencyExponent(currency);
  return e === 0 ? '1234567' : `1234567.${'98765'.slice(0, e)}`;
};

const invoice = (currency: string, balance: number) => ({
  id: '00000000-0000-4000-8000-000000000001', number: `INV-${currency}`, issueDate: '2026-11-01', dueDate: '2026-12-01', amount: balance, balance, currency,
  daysPastDue: 6, bucket: 'd1_30', disputed: false, predictedPayDate: '2026-12-20', predictionBasis: 'history',
});

describe.each(ISO_CURRENCY_CODES)('%s', (currency) => {
  const typed = parseDecimalInput(typedAmount(currency), currency, 'en-GB');

  it('is stored with the ISO exponent from what was typed', () => {
    expect(typed).toBe(Number(typedAmount(currency).replace('.', '')));
  });

  it("reads back from the pane's display in several locales", () => {
    for (const locale of PANE_LOCALES) expect(readBack(paneFormatMoney(typed!, currency, locale), currency, locale), locale).toBe(typed);
  });

  it('reads back from the Gmail invoice card and the statement', () => {
    const panel = { openInvoices: [invoice(currency, typed!)], status: { asOf: '2026-12-07' } } as unknown as TCustomerPanel;
    const card = invoicesSection(panel)!;
    const text = (card.widgets?.[0] as { decoratedText: { text: string } }).decoratedText.text;
    expect(readBack(text.replace(`INV-${currency} · `, ''), currency, 'en-GB')).toBe(typed);
    const html = renderStatementHtml({ customerName: 'C', asOf: '2026-12-07', invoices: [invoice(currency, typed!)] });
    const cells = [...html.matchAll(/text-align:right">(?:<strong>)?([^<]+)</g)].map((m) => m[1]!);
    expect(cells.slice(-2).map((cell) => readBack(cell, currency, 'en-GB'))).toEqual([typed, typed]); // the balance and the total
  });
});
