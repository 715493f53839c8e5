import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfMonth,
  daysBetween,
  daysInMonth,
  isDayOfMonth,
  isWithinLastDays,
  toDayNumber,
  weekdayOf,
} from '@shared/ar';

describe('ISO date arithmetic (UTC days)', () => {
  it('counts days across a leap February', () => {
    // 2024-01-01 → 2024-02-01 = 31, → 2024-03-01 = +29 (leap year) = 60
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2024-03-01', '2024-01-01')).toBe(-60);
  });

  it('is not thrown off by daylight-saving changes', () => {
    // US clocks changed on 2024-03-10, EU clocks on 2024-03-31: still whole days.
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
  });

  it('adds and subtracts days over month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    // 2024-01-05 − 10 days: 5 days back to 2023-12-31, 5 more to 2023-12-26
    expect(addDays('2024-01-05', -10)).toBe('2023-12-26');
  });

  it('gives weekday (0 = Sunday) and day of month', () => {
    expect(weekdayOf('1970-01-01')).toBe(4); // a Thursday
    expect(weekdayOf('2024-05-16')).toBe(4); // 2024-05-01 was a Wednesday, +15 days
    expect(weekdayOf('2024-06-30')).toBe(0); // Sunday
    expect(dayOfMonth('2024-06-30')).toBe(30);
  });

  it('knows month lengths, including Gregorian leap-year rules', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28); // divisible by 100, not by 400
    expect(daysInMonth(2000, 2)).toBe(29); // divisible by 400
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('matches a day of the month clamped to short months', () => {
    expect(isDayOfMonth('2024-04-30', 31)).toBe(true); // April has no 31st
    expect(isDayOfMonth('2023-02-28', 30)).toBe(true);
    expect(isDayOfMonth('2024-02-28', 30)).toBe(false); // 2024 has 29 February
    expect(isDayOfMonth('2024-05-30', 31)).toBe(false);
  });

  it('rejects strings that are not calendar dates', () => {
    expect(() => toDayNumber('2024-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('2024-1-5')).toThrow(RangeError);
    expect(() => toDayNumber('2024-01-05T00:00:00Z')).toThrow(RangeError);
  });

  it('defines "the last N days" as the N days ending on asOf, both ends included', () => {
    // 2024-01-31 → 2024-04-30: 29 (Feb) + 31 (Mar) + 30 (Apr) = 90 days ago → outside a 90-day window
    expect(isWithinLastDays('2024-01-31', '2024-04-30', 90)).toBe(false);
    expect(isWithinLastDays('2024-02-01', '2024-04-30', 90)).toBe(true); // 89 days ago
    expect(isWithinLastDays('2024-04-30', '2024-04-30', 90)).toBe(true);
    expect(isWithinLastDays('2024-05-01', '2024-04-30', 90)).toBe(false); // after asOf
  });
});
