/** Logged email threads: remittance advice, "when will it be paid", a dispute, a promise that slipped. */
import { formatMoney } from '@shared/money';
import { addDays } from '@shared/ar';
import { DEMO_CAST, demoCustomer, demoUser, type DemoUserKey } from './demo-directory';
import type { MailAddress, PlannedLedger, PlannedMessage, PlannedPromise, PlannedThread } from './demo-plan.types';
import { initechDisputedInvoice } from './plan-activity';
import { invoicesOf, longDate, openInvoicesOf, paymentsOf, required, timestampOn } from './plan-helpers';

/** Provider ids of the seeded threads: the demo mailbox opens messages of the same conversations. */
export const DEMO_THREADS = {
  acmeRemittance: { provider: 'outlook', id: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAK3sN8kqYw9Kk4tqFz2X1oY=' },
  globexPromise: { provider: 'gmail', id: '18f3c2a7b91d4e05' },
  initechDispute: { provider: 'outlook', id: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAFq0r1Uo3Z1Mv8x2c7nQe4I=' },
  tidewaterPromise: { provider: 'outlook', id: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAHd2WcX9b0RGg1sT6pYk3lE=' },
  meridianPricing: { provider: 'gmail', id: '18f41b0e6cd2a377' },
} as const;

/** The RFC 5322 Message-ID of Jonas Weber's dispute email, already logged on the Initech thread. */
export const INITECH_DISPUTE_MESSAGE_ID = '<CAF1234.7781@mail.initech.de>';

/** A hand-written contact of a demo customer, by email; throws if the directory no longer has it. */
export function demoContact(customerName: string, email: string): MailAddress {
  const contact = demoCustomer(customerName).contacts?.find((candidate) => candidate.email === email);
  return { name: required(contact, `contact ${email}`).name, address: email };
}

/** A Northwind user as a mail address. */
export function userAddress(key: DemoUserKey): MailAddress {
  const user = demoUser(key);
  return { name: user.name, address: user.email };
}

function message(fields: Omit<PlannedMessage, 'cc' | 'bodyHtml' | 'attachments'> & Partial<PlannedMessage>): PlannedMessage {
  return { cc: [], bodyHtml: null, attachments: [], ...fields };
}

function acmeThread(ledger: PlannedLedger): PlannedThread {
  const payment = required(paymentsOf(ledger, DEMO_CAST.reliable).at(-1), 'Acme payment');
  const invoices = invoicesOf(ledger, DEMO_CAST.reliable).filter((i) => payment.allocations.some((a) => a.invoiceKey === i.key));
  const lines = invoices.map((i) => `  ${i.number}  ${i.poNumber ?? ''}  ${formatMoney(i.amount, i.currency)}`).join('\n');
  const subject = `Remittance advice – Acme Industrial Ltd – ${longDate(payment.receivedDate)}`;
  const ap = demoContact(DEMO_CAST.reliable, 'ap@billing.acme-industrial.co.uk');
  return {
    key: 'acme', customerRef: payment.customerRef, provider: 'outlook', providerThreadId: DEMO_THREADS.acmeRemittance.id, subject,
    loggedBy: 'marcus', loggedAt: timestampOn(payment.receivedDate, '10:02'),
    messages: [
      message({
        internetMessageId: '<CAF7A21E9B4471@mail.acme-industrial.co.uk>', providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAcR1', from: ap,
        to: [userAddress('marcus')], cc: [demoContact(DEMO_CAST.reliable, 'helen.ashworth@acme-industrial.co.uk')],
        sentAt: timestampOn(payment.receivedDate, '07:58'), subject,
        bodyText: `Please find below details of our ${payment.method} payment of ${formatMoney(payment.amount, payment.currency)} made today.\n\nInvoice        PO          Amount\n${lines}\n\nPayment reference: ${payment.reference}\n\nAcme Industrial Ltd – Accounts Payable\nThis is an automated message; replies go to ap@billing.acme-industrial.co.uk`,
        attachments: [{ name: `Remittance_${payment.externalRef}.pdf`, size: 48_213 }],
      }),
      message({
        internetMessageId: '<NW-5f3a91c2.marcus@northwind-supply.com>', providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAcR2',
        from: userAddress('marcus'), to: [ap], sentAt: timestampOn(payment.receivedDate, '09:55'), subject: `RE: ${subject}`,
        bodyText: `Thanks — received ${formatMoney(payment.amount, payment.currency)} today and allocated to ${invoices.map((i) => i.number).join(', ')}.\n\nMarcus Oyelaran\nAccounts Receivable, Northwind Supply Co.`,
      }),
    ],
  };
}

function globexThread(ledger: PlannedLedger, kept: PlannedPromise): PlannedThread {
  const numbers = ledger.invoices.filter((i) => kept.invoiceKeys.includes(i.key)).map((i) => i.number).join(', ');
  const payment = required(paymentsOf(ledger, DEMO_CAST.paysLatePredictably).find((p) => p.receivedDate === addDays(kept.promisedDate, -1)), 'kept payment');
  const rachel = demoContact(DEMO_CAST.paysLatePredictably, 'rachel.kim@globex-logistics.com');
  const subject = `When will ${numbers} be paid?`;
  return {
    key: 'globex', customerRef: kept.customerRef, provider: 'gmail', providerThreadId: DEMO_THREADS.globexPromise.id, subject,
    loggedBy: 'priya', loggedAt: timestampOn(kept.madeOn, '16:40'),
    messages: [
      message({
        internetMessageId: '<CAK9vW2pQ7h1f=Xb3@mail.gmail.com>', providerMessageId: '18f3c2a7b91d4e05', from: userAddress('priya'), to: [rachel],
        sentAt: timestampOn(addDays(kept.madeOn, -1), '14:12'), subject,
        bodyText: `Hi Rachel,\n\n${numbers} (${formatMoney(kept.amount, kept.currency)}) is now past due. Could you let me know when it is scheduled for payment?\n\nThanks,\nPriya`,
      }),
      message({
        internetMessageId: '<CAJx8k2Lq0Rb7=ZqP@mail.gmail.com>', providerMessageId: '18f3d91c0a5e2b17', from: rachel, to: [userAddress('priya')],
        sentAt: timestampOn(kept.madeOn, '16:31'), subject: `Re: ${subject}`,
        bodyText: `Hi Priya,\n\nIt's approved and in our next run — you should have it by ${longDate(kept.promisedDate)}.\n\nRachel Kim\nAccounts Payable Lead, Globex Logistics`,
      }),
      message({
        internetMessageId: '<CAJx8k2Lq0Rb7=c41@mail.gmail.com>', providerMessageId: '18f4a2c55d0e9f31', from: rachel, to: [userAddress('priya')],
        sentAt: timestampOn(payment.receivedDate, '13:05'), subject: `Re: ${subject}`,
        bodyText: `Payment went out today by ${payment.method}, reference ${payment.reference}.\n\nRachel`,
      }),
    ],
  };
}

function initechThread(ledger: PlannedLedger, asOf: string, openedAt: string): PlannedThread {
  const invoice = initechDisputedInvoice(ledger, asOf);
  const jonas = demoContact(DEMO_CAST.slipping, 'j.weber@initech.de');
  const subject = `Quantity discrepancy on ${invoice.number}`;
  const day = openedAt.slice(0, 10);
  return {
    key: 'initech', customerRef: invoice.customerRef, provider: 'outlook', providerThreadId: DEMO_THREADS.initechDispute.id, subject,
    loggedBy: 'priya', loggedAt: timestampOn(day, '10:40'),
    messages: [
      message({
        internetMessageId: INITECH_DISPUTE_MESSAGE_ID, providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAdQ1', from: jonas, to: [userAddress('priya')],
        cc: [demoContact(DEMO_CAST.slipping, 'kreditoren@initech.de')], sentAt: timestampOn(day, '08:17'), subject,
        bodyText: `Dear Priya,\n\nour goods receipt for ${invoice.number} (${invoice.poNumber ?? 'no PO'}) shows 40 units delivered, but the invoice is for 48. We cannot approve it as it stands — please send a corrected invoice or a credit note for the 8 units.\n\nMit freundlichen Grüßen\nJonas Weber\nInitech GmbH, Buchhaltung`,
      }),
      message({
        internetMessageId: '<NW-1c7e55a0.priya@northwind-supply.com>', providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAdQ2', from: userAddress('priya'),
        to: [jonas], sentAt: timestampOn(day, '10:36'), subject: `RE: ${subject}`,
        bodyText: `Thanks Jonas — I've logged a dispute for the 8 units and asked our warehouse for the signed delivery notes. I'll come back to you by Friday.\n\nPriya Raman\nAccounts Receivable, Northwind Supply Co.`,
      }),
    ],
  };
}

function tidewaterThread(broken: PlannedPromise, renewed: PlannedPromise): PlannedThread {
  const derek = demoContact(DEMO_CAST.brokenPromise, 'derek.halloran@tidewater-shipping.com');
  const subject = 'Overdue balance – Tidewater Shipping Co.';
  return {
    key: 'tidewater', customerRef: broken.customerRef, provider: 'outlook', providerThreadId: DEMO_THREADS.tidewaterPromise.id, subject,
    loggedBy: 'priya', loggedAt: timestampOn(broken.madeOn, '17:15'),
    messages: [
      message({
        internetMessageId: '<BY5PR11MB4081A2F7C1D9E3@BY5PR11MB4081.namprd11.prod.outlook.com>', providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAeT1',
        from: derek, to: [userAddress('priya')], sentAt: timestampOn(broken.madeOn, '16:58'), subject: `RE: ${subject}`,
        bodyText: `Priya,\n\nWe'll wire ${formatMoney(broken.amount, broken.currency)} by ${longDate(broken.promisedDate)}, as soon as the charter receivable lands.\n\nDerek Halloran\nController, Tidewater Shipping Co.`,
      }),
      message({
        internetMessageId: '<NW-9b2d70e4.priya@northwind-supply.com>', providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAeT2', from: userAddress('priya'),
        to: [derek], cc: [userAddress('dana')], sentAt: timestampOn(addDays(broken.promisedDate, 2), '09:12'), subject: `RE: ${subject}`,
        bodyText: `Hi Derek,\n\nWe haven't received the wire you promised for ${longDate(broken.promisedDate)}. Could you confirm today when it will be sent?\n\nPriya`,
      }),
      message({
        internetMessageId: '<BY5PR11MB4081C0E2B7A5F1@BY5PR11MB4081.namprd11.prod.outlook.com>', providerMessageId: 'AAMkADk0NzQ1ZWJmAEYAAAAAeT3',
        from: derek, to: [userAddress('priya')], sentAt: timestampOn(renewed.madeOn, '15:22'), subject: `RE: ${subject}`,
        bodyText: `Apologies for the silence. We can do ${formatMoney(renewed.amount, renewed.currency)} by ${longDate(renewed.promisedDate)} and the rest by month end.\n\nDerek`,
      }),
    ],
  };
}

function meridianThread(ledger: PlannedLedger, openedAt: string): PlannedThread {
  const [first, second] = openInvoicesOf(ledger, DEMO_CAST.partialPayments).slice(-2);
  const gloria = demoContact(DEMO_CAST.partialPayments, 'gloria.esposito@meridian-health-partners.com');
  const numbers = [first, second].map((i) => i?.number ?? '').join(' and ');
  const subject = `Pricing on ${numbers}`;
  const bodyText = `Hi Priya,\n\nBoth invoices are billed at list price. Our 2026 rate card is 5% lower — please reissue or credit the difference. We will pay the undisputed part in the normal run.\n\nGloria Esposito\nMeridian Health Partners`;
  return {
    key: 'meridian', customerRef: demoCustomer(DEMO_CAST.partialPayments).ref, provider: 'gmail', providerThreadId: DEMO_THREADS.meridianPricing.id,
    subject, loggedBy: 'priya', loggedAt: timestampOn(openedAt.slice(0, 10), '15:02'),
    messages: [
      message({
        internetMessageId: '<CAMhp3Tq8LxW0=Uu7@mail.gmail.com>', providerMessageId: '18f41b0e6cd2a377', from: gloria, to: [userAddress('priya')],
        sentAt: timestampOn(openedAt.slice(0, 10), '13:47'), subject, bodyText,
        bodyHtml: `<div dir="ltr"><p>Hi Priya,</p><p>Both invoices are billed at <b>list price</b>. Our 2026 rate card is 5% lower — please reissue or credit the difference.</p><table><tr><td>${first?.number ?? ''}</td><td>${second?.number ?? ''}</td></tr></table><p>Gloria Esposito<br>Meridian Health Partners</p></div>`,
      }),
    ],
  };
}

/** The five logged threads; `openedAt` are the open disputes' timestamps (Initech, Meridian). */
export function planThreads(
  ledger: PlannedLedger,
  asOf: string,
  promises: { kept: PlannedPromise; broken: PlannedPromise; renewed: PlannedPromise },
  openedAt: { initech: string; meridian: string },
): PlannedThread[] {
  return [
    acmeThread(ledger),
    globexThread(ledger, promises.kept),
    initechThread(ledger, asOf, openedAt.initech),
    tidewaterThread(promises.broken, promises.renewed),
    meridianThread(ledger, openedAt.meridian),
  ];
}
