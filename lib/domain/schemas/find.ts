/**
 * The query of the public find page, `/{org}/find?q=&party=&health=&owner=&tag=&overdue=&asOf=&page=`: one schema, a
 * message per field. A refused field is left out (the page says why beside it) and the others still apply, so that
 * a mistyped address never becomes an error page. Pure: today is given by the route, which reads the clock once.
 */
import { z } from "zod";
import { HEALTHS, type Health } from "../types";
import { HEALTH_LABELS } from "../labels";
import { asOfQuerySchema } from "./as-of";
import { parseInput } from "./parse";

export const FIND_FIELDS = ["q", "party", "health", "owner", "tag", "overdue", "asOf", "page"] as const;
export type FindField = (typeof FIND_FIELDS)[number];

export const MAX_QUERY_LENGTH = 200;

/** The first of a repeated parameter; a blank one (a form sent empty) is none. */
function firstNonBlank(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() === "" ? undefined : first;
}

/** Every value of a parameter that may repeat (`health=STALLED&health=AT_RISK`), blanks left out. */
function allNonBlank(value: unknown): unknown {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v) => !(typeof v === "string" && v.trim() === ""));
}

const text = (label: string, max: number) =>
  z.preprocess(
    firstNonBlank,
    z
      .string({ error: `Give the ${label} as text.` })
      .trim()
      .max(max, { error: `The ${label} is too long: at most ${max} characters.` })
      .refine((value) => !value.includes("\u0000"), { error: `The ${label} contains a null character.` })
      .optional(),
  );

const healthList = HEALTHS.map((h) => HEALTH_LABELS[h]).join(", ");

export const findQuerySchema = z.object({
  q: text("search text", MAX_QUERY_LENGTH),
  party: z.preprocess(
    firstNonBlank,
    z
      .string({ error: "Choose a party by its two-letter code, e.g. FR." })
      .trim()
      .regex(/^[A-Za-z]{2}$/, {
        error: (issue) => `"${String(issue.input)}" is not a party code; use two letters, e.g. FR.`,
      })
      .transform((code) => code.toUpperCase())
      .optional(),
  ),
  health: z.preprocess(
    allNonBlank,
    z
      .array(
        z.enum(HEALTHS, {
          error: (issue) => `"${String(issue.input)}" is not a health; choose from ${healthList}.`,
        }),
      )
      .optional(),
  ),
  owner: text("owner", MAX_QUERY_LENGTH),
  tag: text("tag", 100),
  overdue: z.preprocess(
    firstNonBlank,
    z
      .enum(["1", "on", "true"], {
        error: (issue) => `"${String(issue.input)}" is not a choice; tick the box or leave it.`,
      })
      .optional(),
  ),
  asOf: asOfQuerySchema.shape.asOf,
  page: z.preprocess(
    firstNonBlank,
    z
      .string({ error: "Give the page as a whole number, e.g. 2." })
      .trim()
      .regex(/^[1-9]\d{0,5}$/, {
        error: (issue) => `"${String(issue.input)}" is not a page number; use a whole number from 1.`,
      })
      .transform(Number)
      .optional(),
  ),
});

/** What the reader asked for: null (or empty) where they asked nothing. */
export interface FindFilters {
  readonly q: string | null;
  readonly party: string | null;
  /** Any of these; empty: any health. */
  readonly health: readonly Health[];
  readonly owner: string | null;
  readonly tag: string | null;
  readonly overdue: boolean;
}

export interface ResolvedFindQuery {
  readonly filters: FindFilters;
  /** The day to show, `YYYY-MM-DD`: the reader's, else today. */
  readonly asOf: string;
  readonly isToday: boolean;
  /** The page of results asked for, from 1 (1 when none or refused). */
  readonly page: number;
  /** The first message of each refused field; that field was left out of `filters` (asOf: today is shown). */
  readonly errors: Readonly<Partial<Record<FindField, string>>>;
}

function fieldOf(path: string): FindField | null {
  const head = path.split(/[.[]/)[0];
  return (FIND_FIELDS as readonly string[]).includes(head ?? "") ? (head as FindField) : null;
}

/** The find page's filters and day, from its query (searchParams) and today (`YYYY-MM-DD`, UTC). Never throws. */
export function resolveFindQuery(query: unknown, today: string): ResolvedFindQuery {
  const input: Record<string, unknown> =
    typeof query === "object" && query !== null ? { ...(query as Record<string, unknown>) } : {};
  const errors: Partial<Record<FindField, string>> = {};
  let parsed = parseInput(findQuerySchema, input);
  if (!parsed.ok) {
    for (const [path, messages] of Object.entries(parsed.fieldErrors)) {
      const field = fieldOf(path);
      if (field === null || errors[field] !== undefined) continue;
      errors[field] = messages[0] ?? "This value is not accepted.";
      delete input[field];
    }
    parsed = parseInput(findQuerySchema, input);
  }
  // Every field is optional, so what is left after dropping the refused fields parses.
  const data = parsed.ok ? parsed.data : {};
  const asOf = data.asOf ?? today;
  return {
    filters: {
      q: data.q ?? null,
      party: data.party ?? null,
      health: [...new Set(data.health ?? [])],
      owner: data.owner ?? null,
      tag: data.tag ?? null,
      overdue: data.overdue !== undefined,
    },
    asOf,
    isToday: asOf === today,
    page: data.page ?? 1,
    errors,
  };
}

/**
 * The query that asks for `filters` as of `asOf` (none: today), at page `page`: what the form sends, and the page
 * (left out when 1). resolveFindQuery reads it back to the same filters, day and page.
 */
export function findQueryOf(
  filters: FindFilters,
  asOf: string | undefined,
  page: number,
): Record<string, string | readonly string[] | undefined> {
  return {
    q: filters.q ?? undefined,
    party: filters.party ?? undefined,
    health: filters.health,
    owner: filters.owner ?? undefined,
    tag: filters.tag ?? undefined,
    overdue: filters.overdue ? "1" : undefined,
    asOf,
    page: page > 1 ? String(page) : undefined,
  };
}

/** The search box's message when the text has no word to search for (the database says so: stop words only). */
export function unsearchableQueryMessage(q: string): string {
  return `Nothing to search for in “${q}”: give at least one word (common words such as “the” are not searched).`;
}

/** What the reader typed in the search box, to show it again (the first value; "" when none). */
export function typedQueryOf(query: unknown): string {
  const value = typeof query === "object" && query !== null ? (query as Record<string, unknown>).q : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}
