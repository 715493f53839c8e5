/**
 * The open-invoice statement inserted into a reply (Gmail compose action, Outlook
 * compose mode): an HTML table with inline styles, since mail clients drop <style>.
 * Pure and escaped: every value comes from the ledger or the customer record.
 */
import { formatDate } from '../ar/format';
import { DEFAULT_LOCALE, formatMoney } from '../money/format-money';
import { escapeHtml } from '../html/escape-html';

export interface StatementInvoice {
  number: string;
  dueDate: string;
  daysPastDue: number;
  balance: number;
  currency: string;
}

export interface StatementInput {
  customerName: string;
  /** The as-of business date, `YYYY-MM-DD`. */
  asOf: string;
  invoices: StatementInvoice[];
}

const CELL = 'padding:4px 8px;border-bottom:1px solid #ddd;text-align:left';
const NUM = 'padding:4px 8px;border-bottom:1px solid #ddd;text-align:right';

/** Sums balances per currency, in order of first appearance (currencies are never added together). */
export function statementTotals(invoices: StatementInvoice[]): Array<{ currency: string; total: number }> {
  const totals = new Map<string, number>();
  for (const i of invoices) totals.set(i.currency, (totals.get(i.currency) ?? 0) + i.balance);
  return [...totals].map(([currency, total]) => ({ currency, total }));
}

/** The statement as an HTML fragment: oldest due first, one total row per currency; amounts and dates in `locale`. */
export function renderStatementHtml(input: StatementInput, locale: string = DEFAULT_LOCALE): string {
  const invoices = [...input.invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const intro = `<p>Open invoices for ${escapeHtml(input.customerName)} as of ${escapeHtml(formatDate(input.asOf, locale))}:</p>`;
  if (invoices.length === 0) return `${intro}<p>There are no open invoices.</p>`;
  const head = ['Invoice', 'Due date', 'Days overdue', 'Balance']
    .map((h, i) => `<th style="${i >= 2 ? NUM : CELL}">${h}</th>`)
    .join('');
  const rows = invoices
    .map(
      (i) =>
        `<tr><td style="${CELL}">${escapeHtml(i.number)}</td><td style="${CELL}">${escapeHtml(formatDate(i.dueDate, locale))}</td>` +
        `<td style="${NUM}">${i.daysPastDue > 0 ? i.daysPastDue : '–'}</td><td style="${NUM}">${escapeHtml(formatMoney(i.balance, i.currency, locale))}</td></tr>`,
    )
    .join('');
  const totals = statementTotals(invoices)
    .map(
      (t) =>
        `<tr><td style="${CELL}" colspan="3"><strong>Total ${escapeHtml(t.currency)}</strong></td>` +
        `<td style="${NUM}"><strong>${escapeHtml(formatMoney(t.total, t.currency, locale))}</strong></td></tr>`,
    )
    .join('');
  return `${intro}<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody><tfoot>${totals}</tfoot></table>`;
}
