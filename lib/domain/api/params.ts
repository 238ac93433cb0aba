/**
 * The inputs of the open-data API: path parameters and query parameters, one zod schema per endpoint part, with
 * messages that name what was expected and what was got (lib/domain/schemas/parse.ts turns them into field errors).
 * The OpenAPI document describes the parameters from these same schemas.
 */
import { z } from "zod";
import { isIsoDay } from "../dates";
import { SLUG_PATTERN } from "../interchange/schema";
import { expecting } from "../schemas/fields";
import { apiDocs } from "./registry";

const ISO_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const dayExpected = expecting("a day YYYY-MM-DD");
/**
 * A calendar day written `YYYY-MM-DD` (a real one: not 2025-02-30). The command line's `--as-of` uses it too
 * (scripts/lib/cli.ts).
 */
export const asOfSchema = z
  .string(dayExpected)
  // The pattern is for the OpenAPI document; `abort` keeps a malformed value to one message.
  .regex(ISO_DAY_PATTERN, { ...dayExpected, abort: true })
  .refine(isIsoDay, dayExpected);

const orgExpected = expecting('an organisation slug of 1 to 80 characters a-z, 0-9 or "-"');
const agreementExpected = expecting('an agreement slug of 1 to 80 characters a-z, 0-9 or "-"');

const orgParam = z
  .string(orgExpected)
  .regex(SLUG_PATTERN, orgExpected)
  .register(apiDocs, { description: "The organisation's slug, as in the scorecard's address.", example: "demo" });

const agreementParam = z.string(agreementExpected).regex(SLUG_PATTERN, agreementExpected).register(apiDocs, {
  description: "The agreement's slug.",
  example: "uk-france-small-boats-2025",
});

const asOfParam = asOfSchema.optional().register(apiDocs, {
  description:
    "The day to evaluate health on (UTC): records dated after it are ignored (spec/health.md). Default: today.",
  format: "date",
  example: "2025-10-31",
});

/** No path parameter (the OpenAPI document itself). */
export const noParamsSchema = z.strictObject({});

export const orgParamsSchema = z.strictObject({ org: orgParam });
export type OrgParams = z.output<typeof orgParamsSchema>;

export const agreementParamsSchema = z.strictObject({ org: orgParam, agreement: agreementParam });
export type AgreementParams = z.output<typeof agreementParamsSchema>;

/**
 * No query parameter. Unknown query parameters are ignored rather than refused, on every endpoint: a cache-busting
 * `?_=…` or a tracking parameter must not turn a good request into an error.
 */
export const noQuerySchema = z.object({});

export const asOfQuerySchema = z.object({ asOf: asOfParam });
export type AsOfQuery = z.output<typeof asOfQuerySchema>;
