/** The open-invoice statement both add-ins insert into a reply. */
export { renderStatementHtml, statementTotals, type StatementInput, type StatementInvoice } from './render-statement-html';
