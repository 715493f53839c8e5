import { SYNC_MAX_BATCH, syncBatch, ZSyncContact, ZSyncCreditNote, ZSyncCustomer, ZSyncInvoice, ZSyncPayment, ZSyncResult } from '@shared/schemas';
import type { z } from 'zod';
import { defineRoute, jsonBody, jsonResponse, newRouter, serviceContext } from '../lib/openapi';
import { upsertContacts } from '../services/ledger/upsert-contacts';
import { upsertCreditNotes } from '../services/ledger/upsert-credit-notes';
import { upsertCustomers } from '../services/ledger/upsert-customers';
import { upsertInvoices } from '../services/ledger/upsert-invoices';
import { upsertPayments } from '../services/ledger/upsert-payments';

const how = `Upserts by \`externalRef\` (idempotent: a repeated batch answers all unchanged and writes nothing). All or nothing: any bad record answers 422 naming \`items.<i>.<field>\` and stores none. At most ${SYNC_MAX_BATCH} records per request. Money is integer minor units of \`currency\`.`;

const syncRoute = <T extends z.ZodType>(kind: string, item: T, summary: string) =>
  defineRoute({
    method: 'put',
    path: `/sync/${kind}`,
    tags: ['Ledger sync'],
    summary,
    description: how,
    role: 'admin',
    request: { body: jsonBody(syncBatch(item)) },
    responses: { 200: jsonResponse(ZSyncResult, 'How many records were created, updated and unchanged') },
  });

/** Bulk upserts from the accounting system, one endpoint per record kind. */
export const syncRoutes = newRouter()
  .openapi(syncRoute('customers', ZSyncCustomer, 'Upsert customers'), async (c) => c.json(await upsertCustomers(serviceContext(c), c.req.valid('json').items), 200))
  .openapi(syncRoute('contacts', ZSyncContact, 'Upsert contacts (by externalRef, else customer + email)'), async (c) =>
    c.json(await upsertContacts(serviceContext(c), c.req.valid('json').items), 200),
  )
  .openapi(syncRoute('invoices', ZSyncInvoice, 'Upsert invoices'), async (c) => c.json(await upsertInvoices(serviceContext(c), c.req.valid('json').items), 200))
  .openapi(syncRoute('payments', ZSyncPayment, 'Upsert payments and their allocations; settles promises'), async (c) =>
    c.json(await upsertPayments(serviceContext(c), c.req.valid('json').items), 200),
  )
  .openapi(syncRoute('credit-notes', ZSyncCreditNote, 'Upsert credit notes'), async (c) => c.json(await upsertCreditNotes(serviceContext(c), c.req.valid('json').items), 200));
