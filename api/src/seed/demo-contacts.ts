/** Contacts of the demo customers: hand-written ones where the demo emails need them, generated otherwise. */
import type { DemoContactSpec, DemoCustomerSpec } from './demo-directory';
import { createRng, type Rng } from './prng';

const FIRST_NAMES = [
  'Alice', 'Hannah', 'James', 'Oliver', 'Sophie', 'Daniel', 'Chloe', 'Martin', 'Grace', 'Samuel',
  'Laura', 'Peter', 'Emily', 'Adam', 'Zoe', 'Nathan', 'Ruth', 'Patrick', 'Isla', 'Joseph',
];
const LAST_NAMES = [
  'Turner', 'Hughes', 'Patel', 'Morgan', 'Reid', 'Brennan', 'Lowe', 'Ward', 'Fraser', 'Quinn',
  'Hart', 'Lindqvist', 'Moreau', 'Novak', 'Osei', 'Sutton', 'Vance', 'Ellison', 'Kaur', 'Whitlock',
];
const AP_MAILBOXES = ['accounts', 'ap', 'invoices', 'payables', 'finance'];
const PAYER_NOTES = [
  'Prefers a statement at month end rather than individual reminders.',
  'Needs the PO number on every invoice or it is rejected.',
  'Works Monday to Thursday.',
  'Call before emailing about anything over 30 days.',
  null,
  null,
];

/** Country calling code and a plausible local number shape for a customer's currency and domain. */
function phoneFor(customer: DemoCustomerSpec, rng: Rng): string {
  const tld = customer.domains[0]?.split('.').pop();
  if (customer.currency === 'USD') return `+1 ${rng.pick(['312', '415', '617', '713'])} 555 01${String(rng.int(0, 99)).padStart(2, '0')}`;
  if (tld === 'uk') return `+44 ${rng.pick(['20 7946', '113 496', '161 496'])} 0${String(rng.int(0, 999)).padStart(3, '0')}`;
  const code = { de: '49', fr: '33', nl: '31', no: '47', ie: '353' }[tld ?? ''] ?? '49';
  return `+${code} ${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
}

function generateContacts(customer: DemoCustomerSpec, rng: Rng): DemoContactSpec[] {
  const domain = customer.domains[0] ?? 'example.com';
  const person = (role: DemoContactSpec['role'], primary: boolean): DemoContactSpec => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const notes = rng.pick(PAYER_NOTES);
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}@${domain}`.toLowerCase(),
      role,
      primary,
      phone: phoneFor(customer, rng),
      ...(notes ? { notes } : {}),
    };
  };
  const contacts: DemoContactSpec[] = [
    person('payer', !customer.noPrimaryPayer),
    { name: `${customer.name.split(' ')[0]} Accounts`, email: `${rng.pick(AP_MAILBOXES)}@${domain}`, role: 'ap' },
  ];
  if (rng.chance(0.5)) contacts.push(person('approver', false));
  if (rng.chance(0.25)) contacts.push(person(rng.pick(['billing', 'other'] as const), false));
  // Two generated people can share a name: keep the (customer, email) pair unique.
  return contacts.filter((contact, i) => contacts.findIndex((other) => other.email === contact.email) === i);
}

/** The 2–4 contacts of a customer, the same for the same as-of date. */
export function planContacts(customer: DemoCustomerSpec, asOf: string): DemoContactSpec[] {
  return customer.contacts ?? generateContacts(customer, createRng(`${asOf}|contacts|${customer.ref}`));
}
