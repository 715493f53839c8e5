/**
 * Who is in the demo: the organisation, its users and its customers, with the payment habit
 * each customer was designed to show. Shared by `seedDemo` and `demoMailbox` so the emails
 * always mention contacts, domains and invoices that exist.
 */

export const DEMO_ORG = {
  slug: 'demo',
  name: 'Northwind Supply Co.',
  timeZone: 'Europe/London',
  baseCurrency: 'GBP',
  ownDomains: ['northwind-supply.com'],
  typicalDelayDays: 7,
} as const;

export type DemoUserKey = 'dana' | 'marcus' | 'priya' | 'tom' | 'elena';
export type DemoCurrency = 'GBP' | 'USD' | 'EUR';
export type DemoTier = 'strategic' | 'key' | 'standard';

export interface DemoUser {
  key: DemoUserKey;
  name: string;
  email: string;
  role: 'admin' | 'collector' | 'viewer';
  /** What the person does, for the demo guide. */
  title: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'dana', name: 'Dana Whitfield', email: 'dana@northwind-supply.com', role: 'admin', title: 'Finance controller' },
  { key: 'marcus', name: 'Marcus Oyelaran', email: 'marcus@northwind-supply.com', role: 'collector', title: 'AR specialist (UK)' },
  { key: 'priya', name: 'Priya Raman', email: 'priya@northwind-supply.com', role: 'collector', title: 'AR specialist (US & EU)' },
  { key: 'tom', name: 'Tom Becker', email: 'tom@northwind-supply.com', role: 'viewer', title: 'Account executive' },
  { key: 'elena', name: 'Elena Costa', email: 'elena@northwind-supply.com', role: 'viewer', title: 'Customer success manager' },
];

/** How a customer settles its invoices; days are relative to the due date. */
export type PaymentHabit =
  | { kind: 'on-time' }
  | { kind: 'late'; min: number; max: number }
  /** Paid about on time until `sinceDaysAgo`, a month late since. */
  | { kind: 'slipping'; sinceDaysAgo: number }
  /** Late by min–max days, and nothing at all in the last `stopDaysAgo` days. */
  | { kind: 'stops-paying'; stopDaysAgo: number; min: number; max: number }
  /** One payment run a month on `day` (weekends: Saturday → Friday, Sunday → Monday). */
  | { kind: 'payment-run'; day: number }
  /** Every invoice in two halves, ten days apart. */
  | { kind: 'instalments' };

/** One-off ledger events that make a customer's record interesting. */
export type LedgerExtra = 'credit-note' | 'void-invoice' | 'cash-on-account' | 'partial-payment' | 'second-currency';

export interface DemoContactSpec {
  name: string;
  email: string;
  role: 'payer' | 'ap' | 'approver' | 'billing' | 'other';
  primary?: boolean;
  phone?: string;
  notes?: string;
}

export interface DemoCustomerSpec {
  ref: string;
  name: string;
  /** Registrable domains, lower case. */
  domains: string[];
  currency: DemoCurrency;
  termsDays: 14 | 30 | 45 | 60;
  tier: DemoTier;
  tags: string[];
  habit: PaymentHabit;
  /** Roughly what the customer is invoiced per month, in major units. */
  monthly: number;
  invoicesPerMonth?: 1 | 2;
  /** Days of history; 365 unless the customer is new. */
  historyDays?: number;
  parentRef?: string;
  collector: 'marcus' | 'priya';
  extras?: LedgerExtra[];
  /** Hand-written contacts (the demo emails use them); generated otherwise. */
  contacts?: DemoContactSpec[];
  /** Generated contacts only: no primary payer recorded yet. */
  noPrimaryPayer?: boolean;
}

/** The customers designed for each behaviour; tests and the demo guide refer to them by name. */
export const DEMO_CAST = {
  reliable: 'Acme Industrial Ltd',
  paysLatePredictably: 'Globex Logistics',
  slipping: 'Initech GmbH',
  atRisk: 'Oakridge Construction Ltd',
  brokenPromise: 'Tidewater Shipping Co.',
  paysOnThe15th: 'Brightwater Foods Ltd',
  newCustomer: 'Yarrow Labs Inc.',
  partialPayments: 'Meridian Health Partners',
  cashOnAccount: 'Pinecrest Hospitality Group',
  creditNote: 'Vektor Maschinenbau AG',
  voidInvoice: 'Harlow & Finch Engineering',
  activeHold: 'Redwood Data Systems Inc.',
  twoCurrencies: 'Kestrel Aerospace Components',
  sharedDomainParent: 'Halden Group plc',
  sharedDomainSubsidiary: 'Halden Freight Ltd',
} as const;

/** The domain both Halden companies write from, so matching has to ask. */
export const SHARED_DOMAIN = 'halden-group.com';

const ukPhone = (n: number) => `+44 20 7946 0${String(n).padStart(3, '0')}`;
const usPhone = (n: number) => `+1 212 555 01${String(n % 100).padStart(2, '0')}`;

export const DEMO_CUSTOMERS: readonly DemoCustomerSpec[] = [
  {
    ref: 'CUST-0001', name: 'Acme Industrial Ltd', domains: ['acme-industrial.co.uk'], currency: 'GBP', termsDays: 30,
    tier: 'strategic', tags: ['manufacturing', 'uk', 'ebilling'], habit: { kind: 'on-time' }, monthly: 48_000, invoicesPerMonth: 2,
    collector: 'marcus',
    contacts: [
      { name: 'Helen Ashworth', email: 'helen.ashworth@acme-industrial.co.uk', role: 'payer', primary: true, phone: ukPhone(112), notes: 'Runs the Thursday payment run; send remittance queries to her directly.' },
      { name: 'Acme Accounts Payable', email: 'ap@billing.acme-industrial.co.uk', role: 'ap', phone: ukPhone(113), notes: 'Shared AP mailbox: invoices must be PDF, one per email, PO in the subject.' },
      { name: 'Graham Doyle', email: 'graham.doyle@acme-industrial.co.uk', role: 'approver', phone: ukPhone(114), notes: 'Finance director; approves anything over £25k.' },
    ],
  },
  {
    ref: 'CUST-0002', name: 'Globex Logistics', domains: ['globex-logistics.com', 'globex-freight.com'], currency: 'USD', termsDays: 45,
    tier: 'key', tags: ['logistics', 'us'], habit: { kind: 'late', min: 15, max: 20 }, monthly: 36_000, invoicesPerMonth: 2,
    collector: 'priya',
    contacts: [
      { name: 'Rachel Kim', email: 'rachel.kim@globex-logistics.com', role: 'payer', primary: true, phone: usPhone(141), notes: 'Pays in the run after approval; always about two weeks behind terms.' },
      { name: 'Globex Accounts Payable', email: 'accountspayable@globex-logistics.com', role: 'ap' },
      { name: 'Sandra Pike', email: 'sandra.pike@globex-logistics.com', role: 'approver', phone: usPhone(142), notes: 'Controller. Escalate here only after 30 days past due.' },
      { name: 'Owen Marsh', email: 'owen.marsh@globex-freight.com', role: 'other', notes: 'Ops manager at the freight arm; receives delivery notes.' },
    ],
  },
  {
    ref: 'CUST-0003', name: 'Initech GmbH', domains: ['initech.de'], currency: 'EUR', termsDays: 30,
    tier: 'key', tags: ['software', 'de'], habit: { kind: 'slipping', sinceDaysAgo: 110 }, monthly: 21_000, invoicesPerMonth: 2,
    collector: 'priya',
    contacts: [
      { name: 'Jonas Weber', email: 'j.weber@initech.de', role: 'payer', primary: true, phone: '+49 30 2018 4471', notes: 'Prefers English; replies within a day.' },
      { name: 'Kreditorenbuchhaltung', email: 'kreditoren@initech.de', role: 'ap' },
      { name: 'Miriam Hoffmann', email: 'm.hoffmann@initech.de', role: 'approver', phone: '+49 30 2018 4400', notes: 'CFO since the summer; new approval rules.' },
    ],
  },
  {
    ref: 'CUST-0004', name: 'Oakridge Construction Ltd', domains: ['oakridge-construction.co.uk'], currency: 'GBP', termsDays: 30,
    tier: 'standard', tags: ['construction', 'uk', 'watchlist'], habit: { kind: 'stops-paying', stopDaysAgo: 150, min: 10, max: 25 },
    monthly: 7_500, collector: 'marcus', extras: ['partial-payment'],
    contacts: [
      { name: 'Steve Barlow', email: 'steve.barlow@oakridge-construction.co.uk', role: 'payer', primary: true, phone: ukPhone(221), notes: 'Owner-director. Mobile only; rarely answers email.' },
      { name: 'Karen Mills', email: 'accounts@oakridge-construction.co.uk', role: 'billing', phone: ukPhone(222) },
    ],
  },
  {
    ref: 'CUST-0005', name: 'Tidewater Shipping Co.', domains: ['tidewater-shipping.com'], currency: 'USD', termsDays: 30,
    tier: 'key', tags: ['shipping', 'us'], habit: { kind: 'stops-paying', stopDaysAgo: 50, min: 10, max: 16 }, monthly: 14_000,
    collector: 'priya',
    contacts: [
      { name: 'Derek Halloran', email: 'derek.halloran@tidewater-shipping.com', role: 'payer', primary: true, phone: usPhone(151) },
      { name: 'Amy Chen', email: 'ap@tidewater-shipping.com', role: 'ap', phone: usPhone(152), notes: 'Cash-flow squeeze since the Q3 charter losses.' },
    ],
  },
  {
    ref: 'CUST-0006', name: 'Brightwater Foods Ltd', domains: ['brightwater-foods.co.uk'], currency: 'GBP', termsDays: 30,
    tier: 'key', tags: ['food', 'uk'], habit: { kind: 'payment-run', day: 15 }, monthly: 11_000, collector: 'marcus',
    contacts: [
      { name: 'Fiona McLeod', email: 'fiona.mcleod@brightwater-foods.co.uk', role: 'payer', primary: true, phone: ukPhone(331), notes: 'One payment run on the 15th; anything approved after the 10th waits a month.' },
      { name: 'Purchase Ledger', email: 'purchaseledger@brightwater-foods.co.uk', role: 'ap' },
    ],
  },
  {
    ref: 'CUST-0007', name: 'Yarrow Labs Inc.', domains: ['yarrowlabs.com'], currency: 'USD', termsDays: 30,
    tier: 'standard', tags: ['biotech', 'us', 'new-logo'], habit: { kind: 'on-time' }, monthly: 4_200, historyDays: 70,
    collector: 'priya',
    contacts: [
      { name: 'Nadia Petrova', email: 'nadia@yarrowlabs.com', role: 'payer', primary: true, phone: usPhone(161) },
      { name: 'Chris Lowell', email: 'chris.lowell@yarrowlabs.com', role: 'approver', notes: 'CFO; signed the MSA.' },
    ],
  },
  {
    ref: 'CUST-0008', name: 'Meridian Health Partners', domains: ['meridian-health-partners.com', 'meridianhp.org'], currency: 'USD',
    termsDays: 60, tier: 'strategic', tags: ['healthcare', 'us'], habit: { kind: 'instalments' }, monthly: 52_000, invoicesPerMonth: 2,
    collector: 'priya',
    contacts: [
      { name: 'Gloria Esposito', email: 'gloria.esposito@meridian-health-partners.com', role: 'payer', primary: true, phone: usPhone(171), notes: 'Splits large invoices across two weekly runs.' },
      { name: 'Meridian AP', email: 'payables@meridianhp.org', role: 'ap' },
      { name: 'Victor Huang', email: 'victor.huang@meridian-health-partners.com', role: 'approver' },
    ],
  },
  { ref: 'CUST-0009', name: 'Pinecrest Hospitality Group', domains: ['pinecrest-hospitality.com'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['hospitality', 'uk'], habit: { kind: 'on-time' }, monthly: 3_100, collector: 'marcus', extras: ['cash-on-account'] },
  {
    ref: 'CUST-0010', name: 'Vektor Maschinenbau AG', domains: ['vektor-maschinenbau.de'], currency: 'EUR', termsDays: 45,
    tier: 'key', tags: ['manufacturing', 'de'], habit: { kind: 'late', min: 2, max: 8 }, monthly: 17_500, collector: 'priya',
    extras: ['credit-note'],
    contacts: [
      { name: 'Katrin Vogel', email: 'k.vogel@vektor-maschinenbau.de', role: 'payer', primary: true, phone: '+49 711 8830 215' },
      { name: 'Rechnungseingang', email: 'rechnungseingang@vektor-maschinenbau.de', role: 'ap', notes: 'Invoices by email only, XRechnung welcome.' },
    ],
  },
  { ref: 'CUST-0011', name: 'Harlow & Finch Engineering', domains: ['harlowfinch.co.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['engineering', 'uk'], habit: { kind: 'on-time' }, monthly: 5_400, collector: 'marcus', extras: ['void-invoice'] },
  {
    ref: 'CUST-0012', name: 'Redwood Data Systems Inc.', domains: ['redwood-datasys.com'], currency: 'USD', termsDays: 30,
    tier: 'strategic', tags: ['software', 'us', 'renewal-q4'], habit: { kind: 'late', min: 0, max: 4 }, monthly: 41_000, collector: 'priya',
    contacts: [
      { name: 'Ben Alvarez', email: 'ben.alvarez@redwood-datasys.com', role: 'payer', primary: true, phone: usPhone(181) },
      { name: 'Redwood AP', email: 'ap@redwood-datasys.com', role: 'ap' },
      { name: 'Julia Brandt', email: 'julia.brandt@redwood-datasys.com', role: 'approver', notes: 'VP Procurement; leading the renewal talks with Tom.' },
    ],
  },
  { ref: 'CUST-0013', name: 'Kestrel Aerospace Components', domains: ['kestrel-aero.co.uk'], currency: 'GBP', termsDays: 60, tier: 'key', tags: ['aerospace', 'uk', 'export'], habit: { kind: 'late', min: 4, max: 10 }, monthly: 19_000, collector: 'marcus', extras: ['second-currency'] },
  {
    ref: 'CUST-0014', name: 'Halden Group plc', domains: [SHARED_DOMAIN], currency: 'GBP', termsDays: 30,
    tier: 'strategic', tags: ['group', 'uk'], habit: { kind: 'on-time' }, monthly: 27_000, invoicesPerMonth: 2, collector: 'marcus',
    contacts: [
      { name: 'Imogen Carter', email: 'imogen.carter@halden-group.com', role: 'payer', primary: true, phone: ukPhone(441), notes: 'Group treasury: pays for the plc only, not the subsidiaries.' },
      { name: 'Halden Group Payables', email: 'payables@halden-group.com', role: 'ap' },
    ],
  },
  {
    ref: 'CUST-0015', name: 'Halden Freight Ltd', domains: [SHARED_DOMAIN, 'halden-freight.co.uk'], currency: 'GBP', termsDays: 30,
    tier: 'standard', tags: ['logistics', 'uk', 'subsidiary'], habit: { kind: 'late', min: 8, max: 14 }, monthly: 6_800,
    parentRef: 'CUST-0014', collector: 'marcus',
    contacts: [
      { name: 'Ravi Sethi', email: 'ravi.sethi@halden-group.com', role: 'payer', primary: true, phone: ukPhone(442), notes: 'Sits in group finance but pays for Halden Freight.' },
      { name: 'Freight Accounts', email: 'accounts@halden-freight.co.uk', role: 'billing' },
    ],
  },
  { ref: 'CUST-0016', name: 'Marlow Brewing Co.', domains: ['marlow-brewing.co.uk'], currency: 'GBP', termsDays: 14, tier: 'standard', tags: ['drinks', 'uk'], habit: { kind: 'late', min: 5, max: 12 }, monthly: 2_600, collector: 'marcus' },
  { ref: 'CUST-0017', name: 'Castellan Retail SAS', domains: ['castellan-retail.fr'], currency: 'EUR', termsDays: 60, tier: 'key', tags: ['retail', 'fr'], habit: { kind: 'late', min: 10, max: 25 }, monthly: 15_500, collector: 'priya' },
  { ref: 'CUST-0018', name: 'Bluewave Marine Supplies', domains: ['bluewave-marine.com'], currency: 'USD', termsDays: 30, tier: 'standard', tags: ['marine', 'us'], habit: { kind: 'on-time' }, monthly: 3_900, collector: 'priya' },
  { ref: 'CUST-0019', name: 'Northgate Pharmacies Ltd', domains: ['northgate-pharmacies.co.uk'], currency: 'GBP', termsDays: 30, tier: 'key', tags: ['healthcare', 'uk'], habit: { kind: 'on-time' }, monthly: 12_800, collector: 'marcus' },
  { ref: 'CUST-0020', name: 'Silverline Print & Packaging', domains: ['silverline-print.co.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['print', 'uk'], habit: { kind: 'late', min: 20, max: 30 }, monthly: 4_700, collector: 'marcus' },
  { ref: 'CUST-0021', name: 'Lumen Dental Clinics', domains: ['lumen-dental.co.uk'], currency: 'GBP', termsDays: 14, tier: 'standard', tags: ['healthcare', 'uk'], habit: { kind: 'on-time' }, monthly: 1_900, collector: 'marcus' },
  { ref: 'CUST-0022', name: 'Quarry Hill Builders Merchants', domains: ['quarryhill-bm.co.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['construction', 'uk'], habit: { kind: 'late', min: 5, max: 10 }, monthly: 6_100, collector: 'marcus' },
  { ref: 'CUST-0023', name: 'Ashgrove Veterinary Group', domains: ['ashgrove-vets.co.uk', 'ashgrovevets.com'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['veterinary', 'uk'], habit: { kind: 'on-time' }, monthly: 2_300, collector: 'marcus' },
  { ref: 'CUST-0024', name: 'Cobalt Energy Services', domains: ['cobalt-energy-services.com'], currency: 'USD', termsDays: 45, tier: 'key', tags: ['energy', 'us'], habit: { kind: 'late', min: 8, max: 15 }, monthly: 22_000, collector: 'priya' },
  { ref: 'CUST-0025', name: 'Elmstead Academy Trust', domains: ['elmstead-trust.org.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['education', 'uk', 'public-sector'], habit: { kind: 'on-time' }, monthly: 3_300, collector: 'marcus', noPrimaryPayer: true },
  { ref: 'CUST-0026', name: 'Fernhill Catering Ltd', domains: ['fernhill-catering.co.uk'], currency: 'GBP', termsDays: 14, tier: 'standard', tags: ['hospitality', 'uk'], habit: { kind: 'late', min: 3, max: 9 }, monthly: 1_700, collector: 'marcus' },
  { ref: 'CUST-0027', name: 'Greystone Property Management', domains: ['greystone-pm.com'], currency: 'USD', termsDays: 30, tier: 'standard', tags: ['real-estate', 'us'], habit: { kind: 'on-time' }, monthly: 5_200, collector: 'priya' },
  { ref: 'CUST-0028', name: 'Halcyon Software BV', domains: ['halcyon-software.nl'], currency: 'EUR', termsDays: 30, tier: 'key', tags: ['software', 'nl'], habit: { kind: 'on-time' }, monthly: 9_600, collector: 'priya' },
  { ref: 'CUST-0029', name: 'Ironbridge Tools Ltd', domains: ['ironbridge-tools.co.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['tools', 'uk'], habit: { kind: 'late', min: 10, max: 16 }, monthly: 4_400, collector: 'marcus' },
  { ref: 'CUST-0030', name: 'Juniper Lane Interiors', domains: ['juniperlane-interiors.com'], currency: 'USD', termsDays: 30, tier: 'standard', tags: ['interiors', 'us'], habit: { kind: 'on-time' }, monthly: 2_800, collector: 'priya' },
  { ref: 'CUST-0031', name: 'Larkspur Garden Centres', domains: ['larkspur-gardens.co.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['retail', 'uk', 'seasonal'], habit: { kind: 'late', min: 0, max: 6 }, monthly: 3_600, collector: 'marcus', noPrimaryPayer: true },
  { ref: 'CUST-0032', name: 'Nordvik Fisk AS', domains: ['nordvik-fisk.no'], currency: 'EUR', termsDays: 45, tier: 'standard', tags: ['seafood', 'no'], habit: { kind: 'late', min: 5, max: 12 }, monthly: 8_200, collector: 'priya' },
  { ref: 'CUST-0033', name: 'Orchard Vale Dairies', domains: ['orchardvale-dairies.co.uk'], currency: 'GBP', termsDays: 14, tier: 'key', tags: ['food', 'uk'], habit: { kind: 'on-time' }, monthly: 13_400, collector: 'marcus' },
  { ref: 'CUST-0034', name: 'Saltmarsh Seafoods Ltd', domains: ['saltmarsh-seafoods.co.uk'], currency: 'GBP', termsDays: 30, tier: 'standard', tags: ['seafood', 'uk'], habit: { kind: 'late', min: 12, max: 20 }, monthly: 3_800, collector: 'marcus' },
  { ref: 'CUST-0035', name: 'Wexford Agri Supplies', domains: ['wexford-agri.ie'], currency: 'EUR', termsDays: 30, tier: 'standard', tags: ['agriculture', 'ie'], habit: { kind: 'on-time' }, monthly: 4_900, collector: 'priya' },
  { ref: 'CUST-0036', name: 'Zephyr Wind Components', domains: ['zephyr-wind.com'], currency: 'USD', termsDays: 60, tier: 'key', tags: ['energy', 'us'], habit: { kind: 'late', min: 4, max: 9 }, monthly: 24_500, collector: 'priya' },
];

/** The customer spec with this name; throws on a typo so a demo story cannot silently drift. */
export function demoCustomer(name: string): DemoCustomerSpec {
  const spec = DEMO_CUSTOMERS.find((customer) => customer.name === name);
  if (!spec) throw new Error(`No demo customer named ${name}`);
  return spec;
}

/** The demo user with this key. */
export function demoUser(key: DemoUserKey): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`No demo user ${key}`);
  return user;
}
