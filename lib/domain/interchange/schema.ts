/**
 * The structure of an accordwatch/v1 document (../shared/spec/interchange.md, "Fields") as one zod schema.
 *
 * Strict objects (an unknown field is an error), every message says what was expected and what was got. The schema
 * checks each value on its own; the rules that relate values to each other (source ids exist, ids unique, responsible
 * is a party, sources present unless NOT_STARTED) are in references.ts, and parseInterchange runs both at once.
 * No transforms: the schema describes the document as written (defaults filled in), so it can be turned into JSON
 * Schema / OpenAPI with `z.toJSONSchema(interchangeSchema, { io: "input" })`.
 */
import { z } from "zod";
import { isCountryCode } from "../countries";
import { parseDateText } from "../dates";
import { DEFAULT_SETTINGS, SOURCE_KINDS, STANCES, STATUSES } from "../types";
import { expectationMessage, listValues } from "./messages";

export const FORMAT = "accordwatch/v1";

/** Upper bounds, so that a hostile document cannot be huge. */
export const LIMITS = {
  idChars: 80,
  titleChars: 300,
  nameChars: 300,
  shortChars: 50,
  textChars: 10_000,
  urlChars: 2_000,
  sources: 10_000,
  agreements: 1_000,
  commitments: 500,
  milestones: 200,
  indicators: 100,
  statusUpdates: 1_000,
  deadlineChanges: 200,
  evidence: 1_000,
  observations: 5_000,
  sourcesPerRecord: 50,
  tags: 20,
  maxWeight: 1_000,
} as const;

export const SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;
export const DATE_EXPECTED = "a date YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY";

/** The error option of a schema or check: its messages read `expected <expected>, got <value>`. */
function expecting(expected: string) {
  return { error: (issue: z.core.$ZodRawIssue) => expectationMessage(issue, expected) };
}

/** A required, trimmed, non-empty text of at most `max` characters. */
/** PostgreSQL text cannot hold U+0000: a text carrying one is refused here, by path, not by the database. */
const withoutNul = (s: string) => !s.includes("\u0000");
const nulExpected = expecting("a text without the null character (U+0000)");

function text(max: number) {
  const e = expecting(`a non-empty text of at most ${max} characters`);
  return z.string(e).trim().min(1, e).max(max, e).refine(withoutNul, nulExpected);
}

function list<T extends z.ZodType>(item: T, max: number, what: string) {
  const e = expecting(`an array of at most ${max} ${what}`);
  return z.array(item, e).max(max, e);
}

function object<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, expecting("an object"));
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, expecting(`one of ${listValues(values)}`));
}

function wholeNumber(min: number, max: number) {
  const e = expecting(`a whole number from ${min} to ${max}`);
  return z.int(e).min(min, e).max(max, e);
}

/** True for an absolute http or https URL with a host (no javascript:, data:, ftp:, relative or blank URLs). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const slugExpected = expecting(`a slug of 1 to ${LIMITS.idChars} characters a-z, 0-9 or "-"`);
/** An agreement slug: `[a-z0-9-]{1,80}`. */
export const slugSchema = z.string(slugExpected).regex(SLUG_PATTERN, slugExpected);

const idExpected = expecting(`an id of 1 to ${LIMITS.idChars} characters a-z, 0-9 or "-"`);
/** The id of a source, commitment, milestone or indicator: the same alphabet as slugs. */
export const idSchema = z.string(idExpected).regex(SLUG_PATTERN, idExpected);

const dateExpected = expecting(DATE_EXPECTED);
/** A date in its interchange form: `2025-11-21`, `2025-11`, `2025-Q4` or `2025`, a real calendar date. */
export const dateTextSchema = z.string(dateExpected).refine((s) => parseDateText(s) !== null, dateExpected);

const urlExpected = expecting(`an http or https URL of at most ${LIMITS.urlChars} characters`);
export const urlSchema = z.string(urlExpected).max(LIMITS.urlChars, urlExpected).refine(isHttpUrl, urlExpected);

const countryExpected = expecting('an ISO 3166-1 alpha-2 country code such as "GB"');
export const partyCodeSchema = z.string(countryExpected).refine(isCountryCode, countryExpected);

const sourceRefExpected = expecting("the id of a source");
const sourceRef = z.string(sourceRefExpected).min(1, sourceRefExpected);

const finiteNumber = z.number(expecting("a finite number"));

export const sourceSchema = object({
  id: idSchema,
  url: urlSchema.optional(),
  outlet: text(LIMITS.nameChars),
  title: text(LIMITS.titleChars),
  published: dateTextSchema,
  kind: oneOf(SOURCE_KINDS),
});

export const settingsSchema = object({
  staleAfterDays: wholeNumber(1, 3650).default(DEFAULT_SETTINGS.staleAfterDays),
  warnBeforeDays: wholeNumber(0, 365).default(DEFAULT_SETTINGS.warnBeforeDays),
});

export const statusUpdateSchema = object({
  on: dateTextSchema,
  status: oneOf(STATUSES),
  rationale: text(LIMITS.textChars),
  sources: list(sourceRef, LIMITS.sourcesPerRecord, "source ids"),
});

export const deadlineChangeSchema = object({
  on: dateTextSchema,
  to: dateTextSchema,
  reason: text(LIMITS.textChars),
  sources: list(sourceRef, LIMITS.sourcesPerRecord, "source ids"),
});

export const evidenceSchema = object({
  source: sourceRef,
  stance: oneOf(STANCES),
  quote: text(LIMITS.textChars),
});

export const observationSchema = object({
  on: dateTextSchema,
  value: finiteNumber,
  source: sourceRef,
  quote: text(LIMITS.textChars),
});

export const indicatorSchema = object({
  id: idSchema,
  title: text(LIMITS.titleChars),
  unit: text(LIMITS.shortChars),
  target: finiteNumber.optional(),
  observations: list(observationSchema, LIMITS.observations, "observations"),
});

export const milestoneSchema = object({
  id: idSchema,
  title: text(LIMITS.titleChars),
  owner: text(LIMITS.nameChars),
  deadline: dateTextSchema.optional(),
  deadlineChanges: list(deadlineChangeSchema, LIMITS.deadlineChanges, "deadline changes"),
  statusUpdates: list(statusUpdateSchema, LIMITS.statusUpdates, "status updates"),
  evidence: list(evidenceSchema, LIMITS.evidence, "evidence links"),
});

const descriptionExpected = expecting(`a text of at most ${LIMITS.textChars} characters`);
const responsibleExpected = expecting('one of the agreement\'s parties or "joint"');
const weightExpected = expecting(`a number greater than 0 and at most ${LIMITS.maxWeight}`);

export const commitmentSchema = object({
  id: idSchema,
  title: text(LIMITS.titleChars),
  description: z
    .string(descriptionExpected)
    .trim()
    .max(LIMITS.textChars, descriptionExpected)
    .refine(withoutNul, nulExpected),
  responsible: z.string(responsibleExpected).min(1, responsibleExpected),
  owner: text(LIMITS.nameChars),
  tags: list(text(LIMITS.shortChars), LIMITS.tags, "tags").default(() => []),
  weight: z.number(weightExpected).gt(0, weightExpected).max(LIMITS.maxWeight, weightExpected).default(1),
  milestones: list(milestoneSchema, LIMITS.milestones, "milestones"),
  indicators: list(indicatorSchema, LIMITS.indicators, "indicators").default(() => []),
});

const partiesExpected = expecting("exactly 2 party codes");

export const agreementSchema = object({
  slug: slugSchema,
  title: text(LIMITS.titleChars),
  summary: text(LIMITS.textChars),
  parties: z.array(partyCodeSchema, partiesExpected).length(2, partiesExpected),
  announced: dateTextSchema,
  published: z.boolean(expecting("true or false")),
  settings: settingsSchema.default(() => ({ ...DEFAULT_SETTINGS })),
  commitments: list(commitmentSchema, LIMITS.commitments, "commitments"),
});

/** The whole document. Use parseInterchange to also check the references between its parts. */
export const interchangeSchema = object({
  format: z.literal(FORMAT, expecting(JSON.stringify(FORMAT))),
  sources: list(sourceSchema, LIMITS.sources, "sources"),
  agreements: list(agreementSchema, LIMITS.agreements, "agreements"),
});

/** A document as written (optional fields may be left out). */
export type InterchangeDocument = z.input<typeof interchangeSchema>;
/** A document after the structural parse (defaults filled in, texts trimmed; dates still strings). */
export type ParsedInterchangeDocument = z.output<typeof interchangeSchema>;
