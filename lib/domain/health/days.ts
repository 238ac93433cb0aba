/**
 * Date arithmetic for the health engine's hot path.
 *
 * The engine compares ISO days as strings (lexicographic order is date order) and only turns them into day numbers
 * where it needs a distance (dayOf: plain arithmetic). The same few hundred dates recur across a dataset, so the
 * results of the other (Date-based) helpers of ../dates.ts are memoised by their input. The memos are bounded and
 * hold pure functions of their keys: they change how fast an answer comes, never what it is.
 */
import { formatDay, formatPreciseDate, isIsoDay, isoFromDayNumber, periodEnd } from "../dates";
import { DEFAULT_LOCALE, type Locale } from "../locale";
import type { PreciseDate, Precision } from "../types";

const LIMIT = 20_000;

/** Stores a computed value in a bounded memo and returns it. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= LIMIT) map.clear();
  map.set(key, value);
  return value;
}

const isoDays = new Map<number, string>();
const coarseEnds: Record<Exclude<Precision, "DAY">, Map<string, string>> = {
  MONTH: new Map(),
  QUARTER: new Map(),
  YEAR: new Map(),
};
interface Labels {
  readonly days: Map<string, string>;
  readonly precise: Record<Precision, Map<string, string>>;
}

function labelMemo(): Labels {
  const days = new Map<string, string>();
  return { days, precise: { DAY: days, MONTH: new Map(), QUARTER: new Map(), YEAR: new Map() } };
}

const labels: Readonly<Record<Locale, Labels>> = { en: labelMemo(), fr: labelMemo() };

const ZERO = 48; // "0"
const digit = (s: string, i: number): number => s.charCodeAt(i) - ZERO;

/**
 * dayNumber by arithmetic on the characters (days from the civil calendar, proleptic Gregorian), with no Date and
 * no allocation. Equal to dayNumber for every `YYYY-MM-DD` day (tests/unit/health-milestone.test.ts checks it).
 */
export function dayOf(isoDay: string): number {
  let y = digit(isoDay, 0) * 1000 + digit(isoDay, 1) * 100 + digit(isoDay, 2) * 10 + digit(isoDay, 3);
  const m = digit(isoDay, 5) * 10 + digit(isoDay, 6);
  const d = digit(isoDay, 8) * 10 + digit(isoDay, 9);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** isoFromDayNumber, memoised. */
export function isoOf(day: number): string {
  const s = isoDays.get(day);
  return s === undefined ? remember(isoDays, day, isoFromDayNumber(day)) : s;
}

/** periodEnd, memoised: the day a deadline with this date falls on. */
export function endOf(d: PreciseDate): string {
  if (d.precision === "DAY") return d.date;
  const map = coarseEnds[d.precision];
  const e = map.get(d.date);
  return e === undefined ? remember(map, d.date, periodEnd(d)) : e;
}

/** formatDay, memoised: "1 December 2025". */
export function dayLabel(isoDay: string, locale: Locale = DEFAULT_LOCALE): string {
  const memo = labels[locale].days;
  const s = memo.get(isoDay);
  return s === undefined ? remember(memo, isoDay, formatDay(isoDay, locale)) : s;
}

/** formatPreciseDate, memoised: "23 October 2025", "November 2025", "Q4 2025", "2025". */
export function preciseLabel(d: PreciseDate, locale: Locale = DEFAULT_LOCALE): string {
  const map = labels[locale].precise[d.precision];
  const s = map.get(d.date);
  return s === undefined ? remember(map, d.date, formatPreciseDate(d, locale)) : s;
}

/**
 * The day number of an as-of date given by a caller. Throws a RangeError unless it is a real `YYYY-MM-DD` day: an
 * as-of date comes from outside (a query string, a CLI flag), and a malformed one must not silently compute nonsense.
 */
export function asOfDay(isoDay: string, name = "asOf"): number {
  if (typeof isoDay !== "string" || !isIsoDay(isoDay)) {
    throw new RangeError(`${name} must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(isoDay)}`);
  }
  return dayOf(isoDay);
}
