/**
 * A scripted mailbox for the sandbox page: emails that exercise matching (known contact,
 * known domain, shared domain, free mail, no match), an already-logged thread, hostile
 * HTML, and compose drafts. Built from the same plan as `seedDemo`, so every contact,
 * domain, invoice number and Message-ID exists in the seeded database.
 */
import { formatMoney } from '@shared/money';
import { addDays } from '@shared/ar';
import { DEMO_CAST, SHARED_DOMAIN } from './demo-directory';
import type { MailAddress } from './demo-plan.types';
import { demoContact, DEMO_THREADS, INITECH_DISPUTE_MESSAGE_ID, userAddress } from './demo-threads';
import { initechDisputedInvoice } from './plan-activity';
import { planDemo, todayUtc } from './plan-demo';
import { openInvoicesOf, required, timestampOn } from './plan-helpers';

export interface DemoMailboxItem {
  id: string;
  conversationId: string;
  /** The RFC 5322 Message-ID; null for a draft that has not been sent. */
  internetMessageId: string | null;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  bodyText: string;
  receivedAt: string;
  mode: 'read' | 'compose';
  /** What the item demonstrates, for the sandbox's list. */
  scenario: string;
}

/** The demo emails for `asOf` (default today UTC): eight to read, two drafts. */
export function demoMailbox(asOf: string = todayUtc()): DemoMailboxItem[] {
  const plan = planDemo(asOf);
  const { ledger } = plan;
  const acmeOpen = required(openInvoicesOf(ledger, DEMO_CAST.reliable).at(-1), 'open Acme invoice');
  const oakridgeOldest = required(openInvoicesOf(ledger, DEMO_CAST.atRisk)[0], 'open Oakridge invoice');
  const vektorLatest = required(openInvoicesOf(ledger, DEMO_CAST.creditNote).at(-1), 'open Vektor invoice');
  const disputed = initechDisputedInvoice(ledger, asOf);
  const initechThread = required(plan.threads.find((t) => t.providerThreadId === DEMO_THREADS.initechDispute.id), 'Initech thread');
  const logged = required(initechThread.messages.find((m) => m.internetMessageId === INITECH_DISPUTE_MESSAGE_ID), 'logged message');
  const today = (time: string) => timestampOn(asOf, time);
  const yesterday = (time: string) => timestampOn(addDays(asOf, -1), time);
  const marcus = userAddress('marcus');
  const priya = userAddress('priya');
  const read = (item: Omit<DemoMailboxItem, 'mode' | 'cc'> & { cc?: MailAddress[] }): DemoMailboxItem => ({ cc: [], mode: 'read', ...item });

  return [
    read({
      id: 'demo-01', scenario: 'Known contact (primary payer) asks about an invoice number',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAGm1Hc2t8V9Pq3nKx0aR7uE=',
      internetMessageId: '<CAF5510.2208@mail.acme-industrial.co.uk>',
      from: demoContact(DEMO_CAST.reliable, 'helen.ashworth@acme-industrial.co.uk'), to: [marcus],
      subject: `Copy of ${acmeOpen.number} please`, receivedAt: today('08:12'),
      bodyText: `Hi Marcus,\n\nOur AP system rejected the PDF for ${acmeOpen.number}${acmeOpen.poNumber ? ` (${acmeOpen.poNumber})` : ''}. Could you resend it? It's for ${formatMoney(acmeOpen.amount, acmeOpen.currency)} and should go in Thursday's run.\n\nThanks,\nHelen`,
    }),
    read({
      id: 'demo-02', scenario: 'Unknown person at a known customer domain',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAB8wTn4kXc1Ee0pLs5yQv2o=',
      internetMessageId: '<CAJx9m4Tt2Wd8=Hk1@mail.gmail.com>',
      from: { name: 'Jamie Okafor', address: 'jamie.okafor@globex-logistics.com' }, to: [priya],
      subject: 'New AP contact for Globex East Coast', receivedAt: today('09:03'),
      bodyText: "Hi Priya,\n\nI've taken over payables for the East Coast depots from Rachel. Please copy me on statements and reminders from now on.\n\nJamie Okafor\nGlobex Logistics",
    }),
    read({
      id: 'demo-03', scenario: 'Sender at a domain shared by a parent and its subsidiary (ambiguous)',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAKz3Pp0sW8xNc2ZbV7qLm1c=',
      internetMessageId: '<LO2P265MB3471E0A9C2B14D@LO2P265MB3471.GBRP265.PROD.OUTLOOK.COM>',
      from: { name: 'Lucy Fenwick', address: `lucy.fenwick@${SHARED_DOMAIN}` }, to: [marcus],
      subject: 'Statement request', receivedAt: today('09:41'),
      bodyText: 'Hello,\n\nCould you send me a statement of all open invoices for Halden? Month-end close is on Friday.\n\nKind regards,\nLucy Fenwick\nGroup Finance, Halden',
    }),
    read({
      id: 'demo-04', scenario: 'Free-mail sender (gmail.com) mentioning an invoice number',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAE2vRt6yJq0Bn7sXw4dLp8k=',
      internetMessageId: '<CAOq7Pz1M4d=Vt9@mail.gmail.com>',
      from: { name: 'Carol Dunn', address: 'caroldunn.bookkeeping@gmail.com' }, to: [marcus],
      subject: `Query on ${oakridgeOldest.number}`, receivedAt: yesterday('18:22'),
      bodyText: `Hi,\n\nI do the books for a few local builders. Steve asked me to check ${oakridgeOldest.number} — can you send a copy and confirm what is still owed?\n\nCarol`,
    }),
    read({
      id: 'demo-05', scenario: 'Sender that matches no customer',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAHh6Fy2nPo4Xr1cTe9gWb0s=',
      internetMessageId: '<onboarding.5521.x7q@larchmont-estates.com>',
      from: { name: 'Larchmont Estates Procurement', address: 'procurement@larchmont-estates.com' }, to: [userAddress('dana')],
      subject: 'Supplier onboarding form', receivedAt: yesterday('11:15'),
      bodyText: 'Dear supplier,\n\nTo be set up on our payment system please return the attached onboarding form with your bank details on letterhead.\n\nLarchmont Estates',
    }),
    read({
      id: 'demo-06', scenario: 'A message already logged on the Initech dispute thread',
      conversationId: DEMO_THREADS.initechDispute.id, internetMessageId: logged.internetMessageId,
      from: logged.from, to: logged.to, cc: logged.cc, subject: logged.subject, bodyText: logged.bodyText, receivedAt: logged.sentAt,
    }),
    read({
      id: 'demo-07', scenario: 'A new message on the already-logged Initech thread',
      conversationId: DEMO_THREADS.initechDispute.id, internetMessageId: '<CAF1290.0032@mail.initech.de>',
      from: logged.from, to: [priya], subject: `RE: Quantity discrepancy on ${disputed.number}`, receivedAt: today('07:45'),
      bodyText: 'Hi Priya,\n\nany news on the delivery notes? We would like to pay the undisputed 40 units this week.\n\nJonas',
    }),
    read({
      id: 'demo-08', scenario: 'Body with a script tag and HTML as plain text (must never execute)',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAMd1Lq8vZa3Ty6hNp2oKc5w=',
      internetMessageId: '<CAF7741.0915@mail.vektor-maschinenbau.de>',
      from: demoContact(DEMO_CAST.creditNote, 'k.vogel@vektor-maschinenbau.de'), to: [priya],
      subject: `Zahlungsavis ${vektorLatest.number}`, receivedAt: yesterday('15:37'),
      bodyText: `Guten Tag,\n\nour portal exported this remittance as text:\n<script>alert(1)</script>\n<b>Rechnung</b> <a href="javascript:alert(2)">${vektorLatest.number}</a> <img src=x onerror="alert(3)">\n<table><tr><td>${formatMoney(vektorLatest.amount, vektorLatest.currency)}</td></tr></table>\n\nKatrin Vogel`,
    }),
    {
      id: 'demo-draft-01', scenario: 'Reply draft to a late-paying customer: insert the open-invoice statement',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAPr4Xk7cVn2Lw0bFd8sHq6a=', internetMessageId: null,
      from: priya, to: [demoContact(DEMO_CAST.paysLatePredictably, 'rachel.kim@globex-logistics.com')], cc: [],
      subject: 'Statement of account – Globex Logistics', bodyText: 'Hi Rachel,\n\nPlease find your current statement below.\n\n',
      receivedAt: today('10:00'), mode: 'compose',
    },
    {
      id: 'demo-draft-02', scenario: 'New email to an at-risk customer while a promise is open',
      conversationId: 'AAQkADk0NzQ1ZWJmLTM2YjAtNDU4Ny1hYzA5LWZlMzQ2ODE0YmNkMwAQAJt3Wm9eBb5Rq1vGy7cNx2d=', internetMessageId: null,
      from: marcus, to: [demoContact(DEMO_CAST.atRisk, 'steve.barlow@oakridge-construction.co.uk')], cc: [userAddress('dana')],
      subject: 'Overdue balance – Oakridge Construction Ltd', bodyText: 'Hi Steve,\n\nFollowing our call, ',
      receivedAt: today('10:30'), mode: 'compose',
    },
  ];
}
