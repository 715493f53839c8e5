/**
 * Finding the date a clause speaks of, resolved against the received day in the org's time zone.
 * Month names go through chrono-node's per-language parsers; numeric dates, weekdays and relative
 * words follow the corpus conventions (see test/fixtures/intents/README.md, "Date resolution").
 */
import * as chrono from 'chrono-node';
import { addDays, endOfMonth, fridayOfIsoWeek, makeDay, placeYear, weekday } from './calendar';

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'nl';
export type Direction = 'future' | 'past';

export interface DateOptions {
  today: string;
  direction: Direction;
  lang: Lang;
  /** MM/DD when both parts are ≤ 12 (US senders). */
  monthFirst?: boolean;
}

export interface FoundDate {
  date: string;
  index: number;
  /** numeric, named, day, month_end, week, relative, offset, next_week_day, weekday */
  kind: string;
}

const WEEKDAYS: Record<string, number> = {};
for (const names of [
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
  ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
]) names.forEach((name, i) => (WEEKDAYS[name] = i));
const WD = Object.keys(WEEKDAYS).join('|');
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|januari|februari|maart|mei|augustus|oktober';
const MONTH_INDEX: Record<string, number> = {};
for (const [i, group] of [
  'january januar jänner janvier enero januari',
  'february februar février febrero februari',
  'march märz mars marzo maart',
  'april avril abril',
  'may mai mayo mei',
  'june juni juin junio',
  'july juli juillet julio',
  'august août agosto augustus',
  'september septembre septiembre setiembre',
  'october oktober octobre octubre',
  'november novembre noviembre',
  'december dezember décembre diciembre',
].entries()) for (const m of group.split(' ')) MONTH_INDEX[m] = i + 1;

const NEXT_WEEK = 'next week|nächste woche|nächster woche|kommende woche|la semaine prochaine|la semana que viene|la próxima semana|volgende week|komende week';
const RE_NEXT_WEEK_DAY = new RegExp(`(?:(?:${NEXT_WEEK})\\s+(?:on\\s+|am\\s+|op\\s+|el\\s+)?(${WD}))|(?:(${WD})\\s+(?:${NEXT_WEEK}))`, 'iu');
const RE_WEEKDAY = new RegExp(`(?<![\\p{L}])(${WD})(?![\\p{L}])`, 'iu');
const RE_NUMERIC = /(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d%,]|\.\d)/;
const RE_ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const RE_DAY_ONLY = new RegExp(
  `(?:\\b(?:on|by|the)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?(?:${MONTHS}))|(?:\\ble|\\bel(?:\\s+día)?|\\bam|\\bop\\s+de)\\s+(\\d{1,2})(?:e\\b|\\.(?!\\d)|(?![\\d.,/]))(?!\\s*(?:de\\s+)?(?:${MONTHS}))|(?:${WD}),?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|e)?\\b(?![./]\\d)(?!\\s+(?:de\\s+)?(?:${MONTHS})))`,
  'iu',
);
const RE_MONTH_END_NAMED = new RegExp(`(?:end of|ende|fin(?:al)?(?: de)?|eind(?:e)?(?: van)?|finales de)\\s+(${MONTHS})`, 'iu');
const RE_MONTH_END =
  /\b(?:end of (?:the |this )?month|month[- ]end|ende (?:des|dieses) monats|monatsende|ende monat|fin (?:de|du) mois|fin de ce mois|final(?:es)? de(?:l)? mes|fin de mes|eind(?:e)? van (?:de|deze) maand|einde maand|eind deze maand|ultimo)\b/iu;
const RE_KW = /\bKW\s?(\d{1,2})\b/u;
const RE_OFFSET =
  /\b(?:in|within|innerhalb(?: von)?|binnen|dentro de|en|sous|d'ici|over)\s+(\d{1,3})\s+(days|tagen|jours|días|dias|dagen|werktagen)\b/iu;
const RE_HUITAINE = /\bsous (huitaine|quinzaine)\b/iu;
const RELATIVE: Array<[RegExp, number, Lang | null]> = [
  [/\b(?:today|this morning|this afternoon|heute|aujourd'hui|ce jour|ce matin|hoy|esta mañana|vandaag|vanmorgen|vanochtend|just now)\b/iu, 0, null],
  [/\b(?:tomorrow|demain)\b/iu, 1, null],
  [/(?<![\p{L}])(?<!esta )mañana(?![\p{L}])/iu, 1, null],
  [/\bmorgen\b/iu, 1, null],
  [/\b(?:yesterday|gestern|ayer|gisteren)\b/iu, -1, null],
  [/\bhier\b/iu, -1, 'fr'],
];

const CHRONO: Record<Lang, { parse: typeof chrono.parse }> = { en: chrono.en.GB, de: chrono.de, fr: chrono.fr, es: chrono.es, nl: chrono.nl };

/** Every date in `text`, best first (explicit dates before relative words, then by position). */
export function findDates(text: string, options: DateOptions): FoundDate[] {
  const { today, direction } = options;
  const found: Array<FoundDate & { rank: number }> = [];
  const add = (date: string | null, index: number, kind: string, rank: number) => {
    if (date) found.push({ date, index, kind, rank });
  };
  const iso = RE_ISO.exec(text);
  if (iso) add(makeDay(Number(iso[1]), Number(iso[2]), Number(iso[3])), iso.index, 'numeric', 0);
  const numeric = RE_NUMERIC.exec(text);
  if (numeric && !(iso && numeric.index >= iso.index && numeric.index < iso.index + 10)) add(resolveNumeric(numeric, options), numeric.index, 'numeric', 0);
  for (const { window, offset } of monthWindows(text)) {
    const reference = new Date(`${today}T12:00:00Z`);
    let results = CHRONO[options.lang].parse(window, reference);
    // en-GB reads "December 10" as a month and a year; the US parser reads it as a day.
    if (options.lang === 'en' && !results.some((r) => r.start.isCertain('day'))) results = chrono.en.parse(window, reference);
    for (const r of results) {
      if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
      if (/^\d{1,2}[./-]\d{1,2}/.test(r.text.replace(/^\D+/, '')) && !/\p{L}{3}/u.test(r.text)) continue;
      const month = r.start.get('month')!;
      const dayOfMonth = r.start.get('day')!;
      add(r.start.isCertain('year') ? makeDay(r.start.get('year')!, month, dayOfMonth) : placeYear(month, dayOfMonth, today, direction), offset + r.index, 'named', 0);
    }
  }
  const dayOnly = RE_DAY_ONLY.exec(text);
  if (dayOnly) add(resolveDayOfMonth(Number(dayOnly[1] ?? dayOnly[2] ?? dayOnly[3]), today, direction), dayOnly.index, 'day', 1);
  const endNamed = RE_MONTH_END_NAMED.exec(text);
  if (endNamed) {
    const month = MONTH_INDEX[endNamed[1]!.toLowerCase()]!;
    const year = Number(today.slice(0, 4)) + (month < Number(today.slice(5, 7)) ? 1 : 0);
    add(endOfMonth(year, month), endNamed.index, 'month_end', 1);
  }
  const end = RE_MONTH_END.exec(text);
  if (end) add(endOfMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7))), end.index, 'month_end', 2);
  const kw = RE_KW.exec(text);
  if (kw) add(fridayOfIsoWeek(Number(today.slice(0, 4)), Number(kw[1])), kw.index, 'week', 2);
  const offset = RE_OFFSET.exec(text);
  if (offset) add(addDays(today, (direction === 'past' ? -1 : 1) * Number(offset[1])), offset.index, 'offset', 3);
  const huitaine = RE_HUITAINE.exec(text);
  if (huitaine) add(addDays(today, huitaine[1]!.toLowerCase() === 'huitaine' ? 8 : 15), huitaine.index, 'offset', 3);
  for (const [re, delta, lang] of RELATIVE) {
    if (lang && lang !== options.lang) continue;
    const m = re.exec(text);
    if (m) add(addDays(today, delta), m.index, 'relative', 3);
  }
  const nextWeekDay = RE_NEXT_WEEK_DAY.exec(text);
  if (nextWeekDay) {
    const target = WEEKDAYS[(nextWeekDay[1] ?? nextWeekDay[2])!.toLowerCase()]!;
    const monday = addDays(today, -((weekday(today) + 6) % 7) + 7);
    add(addDays(monday, (target + 6) % 7), nextWeekDay.index, 'next_week_day', 4);
  } else {
    const wd = RE_WEEKDAY.exec(text);
    if (wd) add(resolveWeekday(WEEKDAYS[wd[1]!.toLowerCase()]!, today, direction), wd.index, 'weekday', 5);
  }
  return found.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ rank: _rank, ...rest }) => rest);
}

const RE_MONTH_NAME = new RegExp(`(?<![\\p{L}])(?:${MONTHS})(?![\\p{L}])`, 'giu');

/** Short windows around month names: chrono only ever sees a few words, so its cost stays bounded. */
function monthWindows(text: string): Array<{ window: string; offset: number }> {
  const out: Array<{ window: string; offset: number }> = [];
  for (const m of text.matchAll(RE_MONTH_NAME)) {
    const offset = Math.max(0, (m.index ?? 0) - 30);
    out.push({ window: text.slice(offset, (m.index ?? 0) + m[0].length + 12), offset });
    if (out.length >= 4) break;
  }
  return out;
}

function resolveNumeric(m: RegExpExecArray, { today, direction, monthFirst }: DateOptions): string | null {
  let a = Number(m[1]);
  let b = Number(m[3]);
  if (m[2] === '-' && !m[4]) return null;
  if ((monthFirst && a <= 12 && b <= 12) || (a <= 12 && b > 12)) [a, b] = [b, a];
  const yearText = m[4];
  if (!yearText) return placeYear(b, a, today, direction);
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return makeDay(year, b, a);
}

function resolveDayOfMonth(dayOfMonth: number, today: string, direction: Direction): string | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const same = makeDay(year, month, dayOfMonth);
  if (direction === 'future') return same && same >= today ? same : month === 12 ? makeDay(year + 1, 1, dayOfMonth) : makeDay(year, month + 1, dayOfMonth);
  return same && same <= today ? same : month === 1 ? makeDay(year - 1, 12, dayOfMonth) : makeDay(year, month - 1, dayOfMonth);
}

/** The next such weekday strictly after today (future) or the last strictly before (past). */
function resolveWeekday(target: number, today: string, direction: Direction): string {
  const now = weekday(today);
  if (direction === 'future') return addDays(today, ((target - now + 7) % 7) || 7);
  return addDays(today, -(((now - target + 7) % 7) || 7));
}

/** The first (best) date in `text`, or null. */
export function findDate(text: string, options: DateOptions): FoundDate | null {
  return findDates(text, options)[0] ?? null;
}
