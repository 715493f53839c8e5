/** The whole demo as plain values for one as-of date: pure and deterministic. */
import { toDayNumber } from '@shared/ar';
import { planContacts } from './demo-contacts';
import { DEMO_CUSTOMERS } from './demo-directory';
import type { DemoPlan } from './demo-plan.types';
import { planThreads } from './demo-threads';
import { planDisputes, planHolds, planPromises } from './plan-activity';
import { planLedger } from './plan-ledger';
import { planNotes } from './plan-notes';
import { required } from './plan-helpers';

/** Today in UTC, `YYYY-MM-DD`. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Everything `seedDemo` inserts, for `asOf` (default today UTC); the same date always gives the same plan. */
export function planDemo(asOf: string = todayUtc()): DemoPlan {
  toDayNumber(asOf); // throws a RangeError on anything but a real YYYY-MM-DD
  const ledger = planLedger(asOf);
  const disputes = planDisputes(ledger, asOf);
  const promises = planPromises(ledger, asOf);
  const kept = required(promises.find((p) => p.status === 'kept'), 'kept promise');
  const broken = required(promises.find((p) => p.status === 'broken'), 'broken promise');
  const renewed = required(promises.find((p) => p.status === 'open' && p.customerRef === broken.customerRef), 'renewed promise');
  const openDisputes = disputes.filter((d) => d.status === 'open');
  const threads = planThreads(ledger, asOf, { kept, broken, renewed }, {
    initech: required(openDisputes[0], 'Initech dispute').openedAt,
    meridian: required(openDisputes[1], 'Meridian dispute').openedAt,
  });
  return {
    asOf,
    customers: DEMO_CUSTOMERS.map((spec) => ({ spec, contacts: planContacts(spec, asOf) })),
    ledger,
    disputes,
    promises,
    holds: planHolds(asOf),
    threads,
    notes: planNotes(ledger, asOf, broken),
  };
}
