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
 * page reads it back (resolveAsOfSegment). A refused day becomes the one segment INVALID_DAY, never the text the
 * reader typed: the cache keeps one page per day asked for, and a typo must not add one.
 */
export const INVALID_DAY = "invalid";

/** The page's message for a refused `asOf` (the reader's text is not in the cached page: see INVALID_DAY). */
export const INVALID_DAY_MESSAGE = "The day asked for is not a date; use YYYY-MM-DD.";

/** The path segment of the day a query asks for: `YYYY-MM-DD` (today when none), or INVALID_DAY. */
export function asOfSegment(query: unknown, today: string): string {
  const { asOf, error } = resolveAsOf(query, today);
  return error === null ? asOf : INVALID_DAY;
}

/** The day a cached public page shows, from its path segment (asOfSegment) and today. Never throws. */
export function resolveAsOfSegment(segment: string, today: string): ResolvedAsOf {
  if (!isIsoDay(segment)) return { asOf: today, isToday: true, error: INVALID_DAY_MESSAGE };
  return { asOf: segment, isToday: segment === today, error: null };
}
