/** Notes the team left on customers, some on logged threads. */
import { formatMoney } from '@shared/money';
import { addDays } from '@shared/ar';
import { DEMO_CAST, demoCustomer } from './demo-directory';
import type { PlannedLedger, PlannedNote, PlannedPromise } from './demo-plan.types';
import { invoicesOf, longDate, paymentsOf, required, timestampOn } from './plan-helpers';

/** About a dozen notes by collectors, sales and customer success. */
export function planNotes(ledger: PlannedLedger, asOf: string, broken: PlannedPromise): PlannedNote[] {
  const ref = (name: string) => demoCustomer(name).ref;
  const harlow = invoicesOf(ledger, DEMO_CAST.voidInvoice);
  const voided = required(harlow.find((i) => i.void), 'void invoice');
  const reissued = required(harlow.find((i) => !i.void && i.issueDate === addDays(voided.issueDate, 3)), 'reissued invoice');
  const onAccount = required(paymentsOf(ledger, DEMO_CAST.cashOnAccount).find((p) => p.allocations.length === 0), 'unallocated payment');
  const credit = required(ledger.creditNotes[0], 'credit note');
  const oakridgeOpen = invoicesOf(ledger, DEMO_CAST.atRisk).filter((i) => i.settled < i.amount);
  const oakridgeOwed = oakridgeOpen.reduce((sum, i) => sum + i.amount - i.settled, 0);

  return [
    { customerRef: ref(DEMO_CAST.reliable), threadKey: 'acme', author: 'marcus', createdAt: timestampOn(addDays(asOf, -30), '12:10'),
      body: 'Helen confirmed their Thursday run pays anything approved by Tuesday. No chasing needed, ever.' },
    { customerRef: ref(DEMO_CAST.paysLatePredictably), threadKey: 'globex', author: 'priya', createdAt: timestampOn(addDays(asOf, -58), '09:05'),
      body: 'Globex approves in a fortnightly cycle — anything that misses the cut-off waits two weeks. Expect 15–20 days late; chase at 25.' },
    { customerRef: ref(DEMO_CAST.slipping), threadKey: 'initech', author: 'priya', createdAt: timestampOn(addDays(asOf, -25), '16:30'),
      body: 'New CFO (Miriam Hoffmann) now signs off everything over €10k — payments have slowed since. Ask Tom to raise it at the QBR.' },
    { customerRef: ref(DEMO_CAST.slipping), threadKey: null, author: 'tom', createdAt: timestampOn(addDays(asOf, -20), '11:45'),
      body: 'Raised payment timing with Miriam; she wants invoices with the PO in the subject line. Will confirm at the QBR.' },
    { customerRef: ref(DEMO_CAST.atRisk), threadKey: null, author: 'marcus', createdAt: timestampOn(addDays(asOf, -3), '11:10'),
      body: `Account on stop. ${formatMoney(oakridgeOwed, 'GBP')} owed across ${oakridgeOpen.length} invoices. Steve blames the Riverside site; promised the oldest invoice next week.` },
    { customerRef: ref(DEMO_CAST.atRisk), threadKey: null, author: 'dana', createdAt: timestampOn(addDays(asOf, -2), '17:40'),
      body: `If nothing arrives by ${longDate(addDays(asOf, 7))}, refer Oakridge to the credit insurer and stop further deliveries.` },
    { customerRef: ref(DEMO_CAST.brokenPromise), threadKey: 'tidewater', author: 'priya', createdAt: timestampOn(addDays(broken.promisedDate, 2), '09:20'),
      body: `Promise for ${longDate(broken.promisedDate)} missed, no remittance. Escalated to Dana.` },
    { customerRef: ref(DEMO_CAST.activeHold), threadKey: null, author: 'tom', createdAt: timestampOn(addDays(asOf, -4), '11:22'),
      body: 'Three-year renewal (+18%) is in legal review with Julia Brandt. Please hold reminders until it is signed — happy to chase myself after.' },
    { customerRef: ref(DEMO_CAST.activeHold), threadKey: null, author: 'elena', createdAt: timestampOn(addDays(asOf, -9), '14:00'),
      body: 'Onboarding of their second data centre went well; they are happy with support. Good moment for the renewal.' },
    { customerRef: ref(DEMO_CAST.voidInvoice), threadKey: null, author: 'marcus', createdAt: timestampOn(reissued.issueDate, '15:30'),
      body: `${voided.number} voided (wrong unit price on the bearings); reissued as ${reissued.number}.` },
    { customerRef: ref(DEMO_CAST.cashOnAccount), threadKey: null, author: 'marcus', createdAt: timestampOn(onAccount.receivedDate, '16:05'),
      body: `${formatMoney(onAccount.amount, onAccount.currency)} received without remittance on ${longDate(onAccount.receivedDate)}. Asked Pinecrest which invoices it covers; left on account meanwhile.` },
    { customerRef: credit.customerRef, threadKey: null, author: 'priya', createdAt: timestampOn(credit.issueDate, '16:20'),
      body: `Credit note ${credit.number} (${formatMoney(credit.amount, credit.currency)}) issued for the missing 8% volume discount; dispute closed.` },
    { customerRef: ref(DEMO_CAST.sharedDomainSubsidiary), threadKey: null, author: 'elena', createdAt: timestampOn(addDays(asOf, -45), '10:00'),
      body: 'Halden Freight and Halden Group plc both write from halden-group.com. Check which entity an email is about before logging it.' },
  ];
}
