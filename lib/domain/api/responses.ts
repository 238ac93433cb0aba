/**
 * The bodies the open-data API answers with, as zod schemas: the OpenAPI document describes them (lib/http/openapi.ts)
 * and the tests check every response against them. Strict objects: a field the schema does not name is an error, so
 * the documentation cannot fall behind the code.
 */
import { z } from "zod";
import { isIsoDay, parseDateText } from "../dates";
import { idSchema, interchangeSchema, slugSchema } from "../interchange/schema";
import { FLAGS, HEALTHS, STATUSES } from "../types";
import { apiDocs } from "./registry";

// ---- Values ----

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDay)
  .register(apiDocs, { format: "date", description: "A day, YYYY-MM-DD (UTC)." });

const DATE_TEXT_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4])?$/;

/** A date with its precision, as the interchange format writes it. */
const dateText = z
  .string()
  .regex(DATE_TEXT_PATTERN)
  .refine((text) => parseDateText(text) !== null)
  .register(apiDocs, {
    description:
      "A date with its precision, as in accordwatch/v1: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY (spec/health.md, " +
      '"Dates with a precision").',
  });

const partyCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .register(apiDocs, { description: "An ISO 3166-1 alpha-2 country code." });

const responsible = z
  .string()
  .regex(/^(?:[A-Z]{2}|joint)$/)
  .register(apiDocs, { description: 'The party responsible: one of the agreement\'s parties, or "joint".' });

const count = z.int().min(0);

/** A path on this server, with its query when it has one (e.g. `/api/v1/demo/agreements`). */
const link = z
  .string()
  .regex(/^\/\S*$/)
  .register(apiDocs, { description: "A path on this server." });

export const healthSchema = z.enum(HEALTHS).register(apiDocs, {
  id: "Health",
  description: "Computed health (spec/health.md).",
});

export const flagSchema = z.enum(FLAGS).register(apiDocs, {
  id: "Flag",
  description: "Why an open milestone is not on track, in the order reasons are printed (worst first).",
});

export const statusSchema = z.enum(STATUSES).register(apiDocs, {
  id: "Status",
  description: "A milestone's status as set by an editor; NOT_STARTED when it has no status update yet.",
});

// ---- The health document of spec/health.md ----

export const raisedFlagSchema = z
  .strictObject({
    flag: flagSchema,
    since: day,
    reason: z.string().min(1),
  })
  .register(apiDocs, { id: "RaisedFlag", description: "A raised flag, the day it took effect and why." });

export const milestoneHealthSchema = z
  .strictObject({
    id: idSchema,
    health: healthSchema,
    flags: z.array(raisedFlagSchema),
  })
  .register(apiDocs, { id: "MilestoneHealth" });

export const commitmentHealthSchema = z
  .strictObject({
    id: idSchema,
    health: healthSchema,
    progress: z.int().min(0).max(100),
    score: z.literal([-1, 0, 1]),
    milestones: z.array(milestoneHealthSchema),
  })
  .register(apiDocs, {
    id: "CommitmentHealth",
    description: "progress: percent of milestones delivered (partial ones count half); score: -1, 0 or +1.",
  });

export const partyComplianceSchema = z
  .strictObject({
    mean: z.number().min(-1).max(1),
    percent: z.int().min(0).max(100),
  })
  .register(apiDocs, {
    id: "PartyCompliance",
    description: "The weighted mean of the party's compliance scores (-1…+1, two decimals) and as a percentage.",
  });

const partiesCompliance = z.record(partyCode, partyComplianceSchema.nullable()).register(apiDocs, {
  description: "One key per party, in the agreement's order; null for a party responsible for nothing.",
});

export const healthCountsSchema = z
  .strictObject({
    ON_TRACK: count,
    AT_RISK: count,
    STALLED: count,
    DONE: count,
    PARTIAL: count,
    BROKEN: count,
  })
  .register(apiDocs, { id: "HealthCounts", description: "The number of commitments in each health." });

export const agreementHealthSchema = z
  .strictObject({
    slug: slugSchema,
    parties: partiesCompliance,
    counts: healthCountsSchema,
    commitments: z.array(commitmentHealthSchema),
  })
  .register(apiDocs, { id: "AgreementHealth" });

/** The health document of spec/health.md: what `npm run health -- --json` prints. */
export const healthDocumentSchema = z
  .strictObject({
    asOf: day,
    agreements: z.array(agreementHealthSchema),
  })
  .register(apiDocs, {
    id: "HealthDocument",
    description:
      "The health document of spec/health.md, as `npm run health -- --json` prints it: keys in this order, arrays " +
      "in display order.",
  });
export type HealthDocumentBody = z.output<typeof healthDocumentSchema>;

// ---- Agreements ----

export const organisationRefSchema = z
  .strictObject({ slug: slugSchema, name: z.string().min(1) })
  .register(apiDocs, { id: "Organisation" });

const agreementFacts = {
  slug: slugSchema,
  title: z.string().min(1),
  summary: z.string(),
  parties: z.tuple([partyCode, partyCode]),
  announced: dateText,
};

export const agreementListItemSchema = z
  .strictObject({
    ...agreementFacts,
    links: z.strictObject({ self: link, health: link, milestones: link, scorecard: link }),
  })
  .register(apiDocs, { id: "AgreementListItem" });

export const agreementListSchema = z
  .strictObject({
    organisation: organisationRefSchema,
    agreements: z.array(agreementListItemSchema),
    links: z.strictObject({ self: link, export: link }),
  })
  .register(apiDocs, {
    id: "AgreementList",
    description: "The organisation's published agreements, by title.",
  });
export type AgreementListBody = z.output<typeof agreementListSchema>;

export const commitmentSummarySchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1),
    responsible,
    owner: z.string().min(1),
    health: healthSchema,
    progress: z.int().min(0).max(100),
    score: z.literal([-1, 0, 1]),
    milestones: z.int().min(0).register(apiDocs, { description: "The number of milestones." }),
  })
  .register(apiDocs, { id: "CommitmentSummary" });

export const stalledMilestoneSchema = z
  .strictObject({
    commitment: idSchema,
    milestone: idSchema,
    title: z.string().min(1),
    flags: z.array(raisedFlagSchema),
  })
  .register(apiDocs, { id: "StalledMilestone" });

export const agreementSummarySchema = z
  .strictObject({
    organisation: organisationRefSchema,
    ...agreementFacts,
    asOf: day,
    compliance: partiesCompliance,
    counts: healthCountsSchema,
    commitments: z.array(commitmentSummarySchema),
    stalled: z.array(stalledMilestoneSchema),
    links: z.strictObject({ self: link, health: link, milestones: link, export: link, scorecard: link }),
  })
  .register(apiDocs, {
    id: "AgreementSummary",
    description:
      "One published agreement as of a day: each party's compliance, the count of commitments in each health, " +
      "every commitment's health, and the stalled milestones with their reasons (what the scorecard shows).",
  });
export type AgreementSummaryBody = z.output<typeof agreementSummarySchema>;

// ---- The milestone table (CSV) ----

const FLAG_LIST_PATTERN = new RegExp(`^(?:(?:${FLAGS.join("|")})(?:;(?:${FLAGS.join("|")}))*)?$`);

/** One row of milestones.csv; the columns are these keys, in this order. Every value is text. */
export const milestoneRowSchema = z
  .strictObject({
    as_of: day,
    commitment_id: idSchema,
    commitment_title: z.string().min(1),
    milestone_id: idSchema,
    milestone_title: z.string().min(1),
    responsible,
    owner: z.string().min(1),
    deadline: z.union([dateText, z.literal("")]).register(apiDocs, {
      description: "The deadline in force on as_of, with its precision; empty when none was stated.",
    }),
    due: z.union([day, z.literal("")]).register(apiDocs, {
      description: "The day that deadline falls on (the last day of its period); empty when none.",
    }),
    status: statusSchema,
    health: healthSchema,
    flags: z.string().regex(FLAG_LIST_PATTERN).register(apiDocs, {
      description: "The raised flags, worst first, separated by ';'; empty when none.",
    }),
    reasons: z.string().register(apiDocs, {
      description: "The reason of each raised flag as the scorecard prints it, one per line; empty when none.",
    }),
  })
  .register(apiDocs, {
    id: "MilestoneRow",
    description: "A row of milestones.csv: one milestone of the agreement as of the day.",
  });
export type MilestoneRow = z.output<typeof milestoneRowSchema>;

/** The CSV's columns, in order: the row schema's keys. */
export const MILESTONE_COLUMNS = Object.keys(milestoneRowSchema.shape) as ReadonlyArray<keyof MilestoneRow>;

// ---- The public export, errors, the OpenAPI document ----

export const interchangeDocumentSchema = interchangeSchema.register(apiDocs, {
  id: "InterchangeDocument",
  description:
    "An accordwatch/v1 document (spec/interchange.md) holding the organisation's published agreements and only the " +
    "sources they cite: what `npm run export -- --public` writes.",
});

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      message: z.string().min(1),
      fieldErrors: z
        .record(z.string(), z.array(z.string().min(1)).min(1))
        .optional()
        .register(apiDocs, {
          description: "Messages by parameter name, when parameters were refused.",
        }),
    }),
  })
  .register(apiDocs, { id: "Error" });
export type ErrorBody = z.output<typeof errorSchema>;

export const openApiDocumentSchema = z
  .looseObject({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.looseObject({})),
  })
  .register(apiDocs, { id: "OpenApiDocument", description: "This document (OpenAPI 3.1)." });
