/** Builds a message and context for hand-worked intent examples. */
import { detectIntents } from '../../../shared/src/intents';
import type { IntentContext } from '../../../shared/src/intents';

export const INVOICES = [
  { number: 'INV-7001', poNumber: 'PO-11', balance: '1200.00', currency: 'EUR' },
  { number: 'INV-7002', poNumber: null, balance: '300.00', currency: 'EUR' },
  { number: '55310', poNumber: null, balance: '90.00', currency: 'EUR' },
];

/** Runs detectIntents on a body received Thursday 3 Dec 2026, 10:00 in Berlin, from a customer with three invoices. */
export function detect(bodyText: string, options: { subject?: string; from?: string; receivedAt?: string; timeZone?: string; customer?: IntentContext['customer'] } = {}) {
  return detectIntents(
    { subject: options.subject ?? 'Open items', bodyText, from: { name: 'Kim Lee', address: options.from ?? 'kim.lee@buyer.example' }, to: [{ address: 'ar@seller.example' }], receivedAt: options.receivedAt ?? '2026-12-03T09:00:00Z' },
    {
      timeZone: options.timeZone ?? 'Europe/Berlin',
      orgDomains: ['seller.example'],
      customer: options.customer === undefined ? { currency: 'EUR', invoices: INVOICES, contacts: [{ name: 'Sam Berg', email: 'sam.berg@buyer.example', role: 'ap' }] } : options.customer,
    },
  );
}

export const intents = (s: Array<{ intent: string }>) => s.map((x) => x.intent).sort();
