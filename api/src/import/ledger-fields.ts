/** The fields a CSV column can map to, per record kind, and how each cell is read. */
import type { TLedgerKind } from '@shared/schemas';

/** text: as is; money: decimal → minor units of the row's currency; list: "a;b"; bool: yes/no, true/false, 1/0. */
export type FieldType = 'text' | 'money' | 'date' | 'int' | 'bool' | 'list' | 'currency';

export interface FieldSpec {
  type: FieldType;
  /** Needed in every row (a column must be mapped to it). */
  required?: boolean;
}

/** Field name → how to read it, per kind; a column named like the field maps to it by default. */
export const LEDGER_FIELDS: Record<TLedgerKind, Record<string, FieldSpec>> = {
  customers: {
    externalRef: { type: 'text', required: true },
    name: { type: 'text', required: true },
    currency: { type: 'currency' },
    paymentTermsDays: { type: 'int' },
    creditLimit: { type: 'money' },
    tier: { type: 'text' },
    tags: { type: 'list' },
    domains: { type: 'list' },
    parentRef: { type: 'text' },
  },
  contacts: {
    externalRef: { type: 'text' },
    customerRef: { type: 'text', required: true },
    name: { type: 'text', required: true },
    email: { type: 'text', required: true },
    phone: { type: 'text' },
    role: { type: 'text' },
    isPrimaryPayer: { type: 'bool' },
    notes: { type: 'text' },
  },
  invoices: {
    externalRef: { type: 'text' },
    customerRef: { type: 'text', required: true },
    number: { type: 'text' },
    issueDate: { type: 'date', required: true },
    dueDate: { type: 'date', required: true },
    amount: { type: 'money', required: true },
    currency: { type: 'currency' },
    poNumber: { type: 'text' },
    status: { type: 'text' },
  },
  payments: {
    externalRef: { type: 'text', required: true },
    customerRef: { type: 'text', required: true },
    amount: { type: 'money', required: true },
    currency: { type: 'currency' },
    receivedDate: { type: 'date', required: true },
    method: { type: 'text' },
    reference: { type: 'text' },
    invoiceRef: { type: 'text' },
    allocatedAmount: { type: 'money' },
  },
  'credit-notes': {
    externalRef: { type: 'text' },
    customerRef: { type: 'text', required: true },
    invoiceRef: { type: 'text' },
    number: { type: 'text' },
    issueDate: { type: 'date', required: true },
    amount: { type: 'money', required: true },
    currency: { type: 'currency' },
    reason: { type: 'text' },
  },
};

/** Kinds whose `number` and `externalRef` stand in for each other when only one is mapped. */
export const NUMBERED_KINDS: readonly TLedgerKind[] = ['invoices', 'credit-notes'];
