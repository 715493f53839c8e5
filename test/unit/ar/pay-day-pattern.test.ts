import { describe, expect, it } from 'vitest';
import { detectPayDayPattern } from '@shared/ar';

const asOf = '2024-06-30';
const received = (...dates: string[]) => dates.map((receivedDate) => ({ receivedDate }));

describe('detectPayDayPattern', () => {
  it('needs at least 4 payments', () => {
    expect(detectPayDayPattern(received('2024-03-15', '2024-04-15', '2024-05-15'), asOf)).toBeNull();
  });

  it('ignores payments older than 365 days or after asOf', () => {
    // Only 2024-05-15 and 2024-06-15 are in the window: too few.
    const dates = received('2023-03-15', '2023-04-15', '2023-05-15', '2024-05-15', '2024-06-15', '2024-07-15');
    expect(detectPayDayPattern(dates, asOf)).toBeNull();
  });

  it('finds a day of the month within ±2 days and picks the best centre', () => {
    // Around the 15th: 15 (0), 14 (1), 16 (1), 15 (0), 17 (2) → 5 of 6; the 3rd is an outlier.
    // Centre 16 also catches 5 but with total distance 5 > 4; centre 14 catches only 4.
    const pattern = detectPayDayPattern(
      received('2024-01-15', '2024-02-14', '2024-03-16', '2024-04-15', '2024-05-17', '2024-06-03'),
      asOf,
    );
    expect(pattern).toEqual({ kind: 'day-of-month', day: 15, share: 5 / 6, text: 'usually pays around the 15th' });
  });

  it('clusters month ends together, and says "end of the month" for the 31st', () => {
    // Centre 31 (the last day of every month): 31 Jan (0), 1 Mar (1 after 29 Feb), 29 Mar (2),
    // 30 Apr (0), 1 Jun (1 after 31 May), 28 Jun (2 before 30 Jun) → 6 of 6, total distance 6.
    // Centre 30 also catches 6 but with total distance 7.
    const pattern = detectPayDayPattern(
      received('2024-01-31', '2024-03-01', '2024-03-29', '2024-04-30', '2024-06-01', '2024-06-28'),
      asOf,
    );
    expect(pattern).toMatchObject({ kind: 'day-of-month', day: 31, share: 1, text: 'usually pays around the end of the month' });
  });

  it('wraps the 1st back into the previous month', () => {
    // Centre 1: 30 Jan (2 before 1 Feb), 1 Mar (0), 2 Apr (1), 30 Apr (1 before 1 May), 1 Jun (0) → 5 of 5,
    // total 4; centre 31 also catches 5 with total 5.
    const pattern = detectPayDayPattern(received('2024-01-30', '2024-03-01', '2024-04-02', '2024-04-30', '2024-06-01'), asOf);
    expect(pattern).toMatchObject({ kind: 'day-of-month', day: 1, text: 'usually pays around the 1st' });
  });

  it('uses only the 12 most recent payments', () => {
    // 14 payments: the 2 oldest are off-pattern. Of the last 12, 8 are on the 15th → 8/12 ≈ 0.67 ≥ 0.6.
    // Over all 14 it would be 8/14 ≈ 0.57, no pattern.
    const pattern = detectPayDayPattern(
      received(
        '2023-07-03', '2023-07-24',
        '2023-08-15', '2023-09-15', '2023-10-15', '2023-11-15', '2023-12-15', '2024-01-15', '2024-02-15', '2024-03-15',
        '2024-04-03', '2024-04-25', '2024-05-07', '2024-06-24',
      ),
      asOf,
    );
    expect(pattern).toMatchObject({ kind: 'day-of-month', day: 15, share: 8 / 12 });
  });

  it('falls back to a weekday when days of the month are spread', () => {
    // Thursdays 4 Jan, 15 Feb, 28 Mar, 11 Apr, 23 May and Monday 3 Jun → 5 of 6 on Thursday (4).
    const pattern = detectPayDayPattern(
      received('2024-01-04', '2024-02-15', '2024-03-28', '2024-04-11', '2024-05-23', '2024-06-03'),
      asOf,
    );
    expect(pattern).toEqual({ kind: 'weekday', weekday: 4, share: 5 / 6, text: 'pays on Thursdays' });
  });

  it('accepts exactly 60%', () => {
    // Thursdays 4 Jan, 15 Feb, 28 Mar + Mon 12 Feb, Wed 20 Mar → 3 of 5 = 0.6; no day of month has 3.
    const pattern = detectPayDayPattern(received('2024-01-04', '2024-02-12', '2024-02-15', '2024-03-20', '2024-03-28'), asOf);
    expect(pattern).toMatchObject({ kind: 'weekday', weekday: 4, share: 0.6 });
  });

  it('finds nothing when payments are spread over days and weekdays', () => {
    // Thu 4 Jan, Mon 12 Feb, Wed 20 Mar, Sat 27 Apr, Tue 7 May, Fri 21 Jun: at most 2 of 6 together.
    const dates = received('2024-01-04', '2024-02-12', '2024-03-20', '2024-04-27', '2024-05-07', '2024-06-21');
    expect(detectPayDayPattern(dates, asOf)).toBeNull();
  });
});
