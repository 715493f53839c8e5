/** Business dates from ledger files: ISO, DD/MM/YYYY or MM/DD/YYYY, always real calendar dates. */
import { toDayNumber } from '@shared/ar';

/** How a file writes dates: `iso` 2024-03-31, `dmy` 31/03/2024, `mdy` 03/31/2024 ("/", "." or "-" between). */
export type DateFormat = 'iso' | 'dmy' | 'mdy';

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy'];
const LABELS: Record<DateFormat, string> = { iso: 'YYYY-MM-DD', dmy: 'DD/MM/YYYY', mdy: 'MM/DD/YYYY' };

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

/** The ISO date of `text` in `format`; "31/02/2024" and "2023-02-29" are errors, not rolled over. */
export function parseLedgerDate(text: string, format: DateFormat): DateResult {
  const value = text.trim();
  let parts: [string, string, string] | null = null;
  if (format === 'iso') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    if (m) parts = [m[1]!, m[2]!, m[3]!];
  } else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (m) parts = format === 'dmy' ? [m[3]!, m[2]!, m[1]!] : [m[3]!, m[1]!, m[2]!];
  }
  if (!parts) return { ok: false, message: `not a date as ${LABELS[format]}` };
  const iso = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  try {
    toDayNumber(iso);
  } catch {
    return { ok: false, message: `${value} is not a calendar date (${LABELS[format]})` };
  }
  return { ok: true, date: iso };
}
