/** The record kinds of the ledger: each one's contract and upsert, for the sync API and the CSV import. */
import { ZSyncContact, ZSyncCreditNote, ZSyncCustomer, ZSyncInvoice, ZSyncPayment, type TLedgerKind } from '@shared/schemas';
import type { z } from 'zod';
import type { ServiceContext } from '../../lib/types';
import type { UpsertOutcome } from './ledger-lookups';
import { upsertContacts } from './upsert-contacts';
import { upsertCreditNotes } from './upsert-credit-notes';
import { upsertCustomers } from './upsert-customers';
import { upsertInvoices } from './upsert-invoices';
import { upsertPayments } from './upsert-payments';

export interface LedgerKind<T = unknown> {
  item: z.ZodType<T>;
  upsert(ctx: ServiceContext, items: readonly T[]): Promise<UpsertOutcome>;
}

const kind = <T>(item: z.ZodType<T>, upsert: LedgerKind<T>['upsert']): LedgerKind => ({ item, upsert } as unknown as LedgerKind);

/** Contract and upsert of each kind. */
export const ledgerKinds: Record<TLedgerKind, LedgerKind> = {
  customers: kind(ZSyncCustomer, upsertCustomers),
  contacts: kind(ZSyncContact, upsertContacts),
  invoices: kind(ZSyncInvoice, upsertInvoices),
  payments: kind(ZSyncPayment, upsertPayments),
  'credit-notes': kind(ZSyncCreditNote, upsertCreditNotes),
};
