/**
 * Dates with a precision (spec/health.md, "Dates with a precision"). Pure: no clock, no time zone (all UTC days).
 */
import { DEFAULT_LOCALE, type Locale } from "./locale";
import type { PreciseDate, Precision } from "./types";

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const YEAR_RE = /^(\d{4})$/;

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

const MONTHS: Readonly<Record<Locale, readonly string[]>> = { en: MONTHS_EN, fr: MONTHS_FR };

const pad2 = (n: number): string => String(n).padStart(2, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `text` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const m = DAY_RE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses the interchange form of a date (`2025-11-21`, `2025-11`, `2025-Q4`, `2025`); null when it is not one.
 */
export function parseDateText(text: string): PreciseDate | null {
  if (isIsoDay(text)) return { date: text, precision: "DAY" };
  let m = MONTH_RE.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (Number(m[1]) < 1 || month < 1 || month > 12) return null;
    return { date: `${m[1]}-${m[2]}-01`, precision: "MONTH" };
  }
  m = QUARTER_RE.exec(text);
  if (m) {
    if (Number(m[1]) < 1) return null;
    const month = (Number(m[2]) - 1) * 3 + 1;
    return { date: `${m[1]}-${pad2(month)}-01`, precision: "QUARTER" };
  }
  m = YEAR_RE.exec(text);
  if (m) {
    if (Number(m[1]) < 1) return null;
    return { date: `${m[1]}-01-01`, precision: "YEAR" };
  }
  return null;
}

/** The interchange form of a date: the inverse of parseDateText. */
export function formatDateText(d: PreciseDate): string {
  const [y, m] = d.date.split("-");
  switch (d.precision) {
    case "DAY":
      return d.date;
    case "MONTH":
      return `${y}-${m}`;
    case "QUARTER":
      return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
    case "YEAR":
      return `${y}`;
  }
}

/** Builds a PreciseDate from its first day and precision, normalising the day to the start of the period. */
export function preciseDate(isoDay: string, precision: Precision): PreciseDate {
  const [ys, ms] = isoDay.split("-");
  const y = ys ?? "";
  const month = Number(ms);
  switch (precision) {
    case "DAY":
      return { date: isoDay, precision };
    case "MONTH":
      return { date: `${y}-${pad2(month)}-01`, precision };
    case "QUARTER":
      return { date: `${y}-${pad2(Math.floor((month - 1) / 3) * 3 + 1)}-01`, precision };
    case "YEAR":
      return { date: `${y}-01-01`, precision };
  }
}

/** The first day of the period (`YYYY-MM-DD`): when a record with this date becomes known. */
export function periodStart(d: PreciseDate): string {
  return d.date;
}

/** The last day of the period (`YYYY-MM-DD`): where a deadline with this date falls. */
export function periodEnd(d: PreciseDate): string {
  const [ys, ms] = d.date.split("-");
  const year = Number(ys);
  const month = Number(ms);
  switch (d.precision) {
    case "DAY":
      return d.date;
    case "MONTH":
      return `${ys}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
    case "QUARTER": {
      const last = month + 2;
      return `${ys}-${pad2(last)}-${pad2(daysInMonth(year, last))}`;
    }
    case "YEAR":
      return `${ys}-12-31`;
  }
}

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(isoDay: string): number {
  const y = Number(isoDay.slice(0, 4));
  const m = Number(isoDay.slice(5, 7));
  const d = Number(isoDay.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO day of a day number (inverse of dayNumber). */
export function isoFromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDay) + days);
}

/** An ISO day for people: "1 December 2025"; in French "1er décembre 2025" (the first of a month is "1er"). */
export function formatDay(isoDay: string, locale: Locale = DEFAULT_LOCALE): string {
  const [y, m, d] = isoDay.split("-");
  const day = Number(d);
  const month = MONTHS[locale][Number(m) - 1];
  return locale === "fr" ? `${day === 1 ? "1er" : day} ${month} ${y}` : `${day} ${month} ${y}`;
}

/**
 * A date in its own precision for people: "1 December 2025", "November 2025", "Q4 2025", "2025"; in French
 * "1er décembre 2025", "novembre 2025", "T4 2025" (trimestre), "2025".
 */
export function formatPreciseDate(d: PreciseDate, locale: Locale = DEFAULT_LOCALE): string {
  const [y, m] = d.date.split("-");
  switch (d.precision) {
    case "DAY":
      return formatDay(d.date, locale);
    case "MONTH":
      return `${MONTHS[locale][Number(m) - 1]} ${y}`;
    case "QUARTER":
      return `${locale === "fr" ? "T" : "Q"}${Math.floor((Number(m) - 1) / 3) + 1} ${y}`;
    case "YEAR":
      return `${y}`;
  }
}

/**
 * Orders two precise dates by their first day (when they become known). Equal days tie, so that a stable sort keeps
 * insertion order among them, as spec/interchange.md asks.
 */
export function comparePreciseDates(a: PreciseDate, b: PreciseDate): number {
  return a.date === b.date ? 0 : a.date < b.date ? -1 : 1;
}
