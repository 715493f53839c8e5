/** When a customer with a given payment habit settles an invoice: the dates and amounts of its payments. */
import { addDays, weekdayOf } from '@shared/ar';
import type { PaymentHabit } from './demo-directory';
import type { Rng } from './prng';

export interface Instalment {
  date: string;
  amount: number;
}

/** Banks do not move money at weekends: Saturday payments go out on the Friday, Sunday ones on the Monday. */
export function toBusinessDay(date: string): string {
  const weekday = weekdayOf(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

/** The payment-run date of a month: `day`, or the Friday before a Saturday, or the Monday after a Sunday. */
function runDateOfMonth(year: number, month: number, day: number): string {
  return toBusinessDay(new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10));
}

/** The first payment run on or after `date`. */
export function nextPaymentRun(date: string, day: number): string {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  for (;;) {
    const run = runDateOfMonth(year, month, day);
    if (run >= date) return run;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** Signed days after the due date the customer pays (before weekend adjustment). */
function lateness(habit: PaymentHabit, dueDate: string, asOf: string, rng: Rng): number {
  switch (habit.kind) {
    case 'on-time':
      return rng.chance(0.9) ? -rng.int(0, 5) : rng.int(1, 3);
    case 'late':
    case 'stops-paying':
      return rng.int(habit.min, habit.max);
    case 'slipping':
      return dueDate < addDays(asOf, -habit.sinceDaysAgo) ? rng.int(-3, 0) : rng.int(30, 38);
    case 'instalments':
      return rng.int(0, 8);
    case 'payment-run':
      return rng.int(0, 3);
  }
}

/**
 * The instalments that settle `amount` of an invoice due on `dueDate`, keeping only those
 * made by `asOf` (and, for a customer that stopped paying, before it stopped).
 */
export function planInstalments(habit: PaymentHabit, dueDate: string, amount: number, asOf: string, rng: Rng): Instalment[] {
  const late = lateness(habit, dueDate, asOf, rng);
  let instalments: Instalment[];
  if (habit.kind === 'payment-run') {
    instalments = [{ date: nextPaymentRun(addDays(dueDate, late), habit.day), amount }];
  } else if (habit.kind === 'instalments') {
    const second = toBusinessDay(addDays(dueDate, late));
    const half = Math.floor(amount / 2);
    instalments = [
      { date: toBusinessDay(addDays(second, -10)), amount: half },
      { date: second, amount: amount - half },
    ];
  } else {
    instalments = [{ date: toBusinessDay(addDays(dueDate, late)), amount }];
  }
  const lastDay = habit.kind === 'stops-paying' ? addDays(asOf, -habit.stopDaysAgo) : asOf;
  return instalments.filter((instalment) => instalment.date <= lastDay && instalment.amount > 0);
}
