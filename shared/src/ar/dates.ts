/**
 * ISO business-date arithmetic. Dates are `YYYY-MM-DD` strings handled as whole UTC
 * days, so results never depend on the machine's time zone or on daylight saving.
 */
import type { IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Parsing dominates long replays (the backtest), so parsed dates are remembered, up to a bound.
const MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();

/** Days since 1970-01-01 of an ISO date; throws a RangeError on anything but a real `YYYY-MM-DD`. */
export function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const dayNumber = parseDayNumber(date);
  if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, dayNumber);
  return dayNumber;
}

function parseDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = new Date(0).setUTCFullYear(year, month - 1, day);
  if (fromDayNumber(ms / MS_PER_DAY) !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return ms / MS_PER_DAY;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  const known = isoDates.get(dayNumber);
  if (known !== undefined) return known;
  const date = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoDates.size >= MEMO_LIMIT) isoDates.clear();
  isoDates.set(dayNumber, date);
  return date;
}

/** Signed whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

/** Day of the month, 1–31. */
export function dayOfMonth(date: IsoDate): number {
  return Number(date.slice(8, 10));
}

/** Number of days in a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `date`'s day of month is `day`, clamped to short months (31 matches 30 April and 28 February). */
export function isDayOfMonth(date: IsoDate, day: number): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return dayOfMonth(date) === Math.min(day, daysInMonth(year, month));
}

/** Whether `date` falls in the `days`-day window ending on `asOf` (asOf − days + 1 … asOf, both included). */
export function isWithinLastDays(date: IsoDate, asOf: IsoDate, days: number): boolean {
  const age = daysBetween(date, asOf);
  return age >= 0 && age < days;
}
