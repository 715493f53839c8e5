/** A customer worth a sidebar: two currencies, overdue and current invoices, paid history, a dispute, a promise, a hold, a note, contacts. */
import type { Db } from '../../../api/src/db/client';
import type { ServiceContext } from '../../../api/src/lib/types';
import { openDispute } from '../../../api/src/services/disputes/open-dispute';
import { createHold } from '../../../api/src/services/holds/create-hold';
import { createNote } from '../../../api/src/services/notes/create-note';
import { createPromise } from '../../../api/src/services/promises/create-promise';
import { todayIn } from '../../../api/src/services/org/get-org-settings';
import { seedContact, seedCustomer, seedInvoice, seedPayment, type SeededOrg } from '../../helpers/factories';

export const today = todayIn('UTC');
/** today ± n days, `YYYY-MM-DD`. */
export const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Seeds Acme Industrial and returns its ids. */
export async function seedAcme(db: Db, org: SeededOrg) {
  const acme = await seedCustomer(db, org.orgId, { name: 'Acme Industrial', domains: ['acme.co.uk'], currency: 'GBP', creditLimit: 500_000 });
  await seedContact(db, org.orgId, acme.id, { email: 'priya@acme.co.uk', name: 'Priya Shah', role: 'payer', isPrimaryPayer: true });
  await seedContact(db, org.orgId, acme.id, { email: 'bo@acme.co.uk', name: 'Bo Chen', role: 'approver' });
  // Open: A 1,000.00 GBP 40 days overdue; E 300.00 EUR 5 days overdue; B 500.00 GBP due in 10 days.
  const a = await seedInvoice(db, org.orgId, acme.id, { number: 'INV-A', issueDate: inDays(-70), dueDate: inDays(-40), amount: 100_000, currency: 'GBP', poNumber: 'PO-4471' });
  const b = await seedInvoice(db, org.orgId, acme.id, { number: 'INV-B', issueDate: inDays(-20), dueDate: inDays(10), amount: 50_000, currency: 'GBP' });
  const e = await seedInvoice(db, org.orgId, acme.id, { number: 'INV-E', issueDate: inDays(-35), dueDate: inDays(-5), amount: 30_000, currency: 'EUR' });
  // Paid history: 10 days late.
  const p = await seedInvoice(db, org.orgId, acme.id, { number: 'INV-P', issueDate: inDays(-100), dueDate: inDays(-70), amount: 80_000, currency: 'GBP' });
  await seedPayment(db, org.orgId, acme.id, { amount: 80_000, currency: 'GBP', receivedDate: inDays(-60), allocations: [{ invoiceId: p.id, amount: 80_000 }] });
  const ctx: ServiceContext = { db, orgId: org.orgId, actor: { userId: org.users.collector.id, label: org.users.collector.email } };
  const dispute = await openDispute(ctx, acme.id, { invoiceIds: [a.id], reason: 'pricing', description: 'Price list not applied' });
  const promise = await createPromise(ctx, acme.id, { amount: 50_000, currency: 'GBP', promisedDate: inDays(7), invoiceIds: [], note: 'CFO approved' });
  const hold = await createHold(ctx, acme.id, { until: inDays(14), reason: 'Renewal in negotiation' });
  await createNote(ctx, acme.id, { body: 'Called Priya about the price list' });
  return { acme, invoices: { a, b, e, p }, dispute, promise, hold };
}
