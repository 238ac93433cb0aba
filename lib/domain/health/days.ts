/**
 * Memoised date arithmetic for the health engine's hot path.
 *
 * The engine compares ISO days as strings (lexicographic order is date order) and only turns them into day numbers
 * where it needs a distance. The same few hundred dates recur across a dataset, so the results of the (Date-based)
 * helpers of ../dates.ts are cached by their input string. The caches are bounded and hold pure functions of their
 * keys: they change how fast an answer comes, never what it is.
 */
import { dayNumber, formatDay, formatPreciseDate, isIsoDay, isoFromDayNumber, periodEnd } from "../dates";
import type { PreciseDate, Precision } from "../types";

const LIMIT = 20_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= LIMIT) map.clear();
  map.set(key, value);
  return value;
}

const dayNumbers = new Map<string, number>();
const isoDays = new Map<number, string>();
const coarseEnds: Record<Exclude<Precision, "DAY">, Map<string, string>> = {
  MONTH: new Map(),
  QUARTER: new Map(),
  YEAR: new Map(),
};
const dayLabels = new Map<string, string>();
const preciseLabels: Record<Precision, Map<string, string>> = {
  DAY: dayLabels,
  MONTH: new Map(),
  QUARTER: new Map(),
  YEAR: new Map(),
};

/** dayNumber, memoised. */
export function dayOf(isoDay: string): number {
  const n = dayNumbers.get(isoDay);
  return n === undefined ? remember(dayNumbers, isoDay, dayNumber(isoDay)) : n;
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
export function dayLabel(isoDay: string): string {
  const s = dayLabels.get(isoDay);
  return s === undefined ? remember(dayLabels, isoDay, formatDay(isoDay)) : s;
}

/** formatPreciseDate, memoised: "23 October 2025", "November 2025", "Q4 2025", "2025". */
export function preciseLabel(d: PreciseDate): string {
  const map = preciseLabels[d.precision];
  const s = map.get(d.date);
  return s === undefined ? remember(map, d.date, formatPreciseDate(d)) : s;
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
