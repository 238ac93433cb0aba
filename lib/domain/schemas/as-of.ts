/**
 * The query of the public pages that show an agreement as it stood on a day (the scorecard, its changes):
 * `?asOf=YYYY-MM-DD`. Other parameters are ignored. Pure: today is given by the route, which reads the clock once.
 */
import { z } from "zod";
import { isIsoDay } from "../dates";
import { parseInput } from "./parse";

/** The value a query string gives: the first of a repeated parameter; a blank one (a form sent empty) is none. */
function firstNonBlank(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
}

export const asOfQuerySchema = z.object({
  asOf: z.preprocess(
    firstNonBlank,
    z
      .string({ error: "Give the day as YYYY-MM-DD." })
      .trim()
      .refine(isIsoDay, { error: (issue) => `"${String(issue.input)}" is not a date; use YYYY-MM-DD.` })
      .optional(),
  ),
});
export type AsOfQuery = z.infer<typeof asOfQuerySchema>;

export interface ResolvedAsOf {
  /** The day to show, `YYYY-MM-DD`: the reader's, else today. */
  readonly asOf: string;
  readonly isToday: boolean;
  /** The field's message when the reader's `asOf` was refused (the page then shows today and says why). */
  readonly error: string | null;
}

/** The day a page shows, from its query (searchParams) and today (`YYYY-MM-DD`, UTC). Never throws. */
export function resolveAsOf(query: unknown, today: string): ResolvedAsOf {
  const parsed = parseInput(asOfQuerySchema, query);
  if (!parsed.ok) {
    return { asOf: today, isToday: true, error: parsed.fieldErrors.asOf?.[0] ?? "Give the day as YYYY-MM-DD." };
  }
  const asOf = parsed.data.asOf ?? today;
  return { asOf, isToday: asOf === today, error: null };
}

/**
 * The public pages are cached whole (app/[locale]/(public)/asof/[day]/…, see lib/http/cache-control.ts), so the day a
 * page shows is part of its path, not of its query: proxy.ts turns `?asOf=` into that segment (asOfSegment) and the
 * page reads it back (resolveAsOfSegment). A refused day becomes one of a few fixed segments, never the text the
 * reader typed: the cache keeps one page per segment, and a typo or a crawler must not add one. The days that get a
 * segment of their own are bounded: from EARLIEST_DAY to today. A day after today is not a state the page was ever in
 * (the date picker offers none: its `max` is today), and a day before EARLIEST_DAY predates anything tracked here.
 * Both are refused like a non-date, with their own message. Between EARLIEST_DAY and an agreement's announcement its
 * pages show the day as asked: they say that nothing had happened yet (the changes page names the announcement).
 * Those pages of past days stay in memory only (lib/http/bounded-file-system-cache.mjs), so they bound nothing on disk.
 */
export const INVALID_DAY = "invalid";
export const AFTER_TODAY = "after-today";
export const BEFORE_EARLIEST = "before-earliest";

/** The earliest day a public page may be shown as of: a bound on the days the proxy accepts, older than any agreement this tracks. */
export const EARLIEST_DAY = "1900-01-01";

/** The page's message for a refused `asOf` (the reader's text is not in the cached page: see INVALID_DAY). */
export const INVALID_DAY_MESSAGE = "The day asked for is not a date; use YYYY-MM-DD.";
export const AFTER_TODAY_MESSAGE =
  "The day asked for is after today; a page can only be shown as it stood on a past day.";
export const BEFORE_EARLIEST_MESSAGE = "The day asked for is before 1900; no page is shown as of a day that early.";

/** The segment of a day that is a date: itself when it lies in [EARLIEST_DAY, today], else its refusal's. */
function boundedDay(day: string, today: string): string {
  if (day > today) return AFTER_TODAY;
  if (day < EARLIEST_DAY) return BEFORE_EARLIEST;
  return day;
}

/** The path segment of the day a query asks for: `YYYY-MM-DD` (today when none), or one of the refused segments. */
export function asOfSegment(query: unknown, today: string): string {
  const { asOf, error } = resolveAsOf(query, today);
  return error === null ? boundedDay(asOf, today) : INVALID_DAY;
}

const SEGMENT_MESSAGES: ReadonlyMap<string, string> = new Map([
  [AFTER_TODAY, AFTER_TODAY_MESSAGE],
  [BEFORE_EARLIEST, BEFORE_EARLIEST_MESSAGE],
]);

/**
 * The day a cached public page shows, from its path segment (asOfSegment) and today. Never throws. A day out of
 * bounds (a request that did not come through the proxy, or a segment made just before midnight) is refused as the
 * proxy would have.
 */
export function resolveAsOfSegment(segment: string, today: string): ResolvedAsOf {
  const bounded = isIsoDay(segment) ? boundedDay(segment, today) : segment;
  if (isIsoDay(bounded)) return { asOf: bounded, isToday: bounded === today, error: null };
  return { asOf: today, isToday: true, error: SEGMENT_MESSAGES.get(bounded) ?? INVALID_DAY_MESSAGE };
}
