/**
 * The open-data API (issue 4, "Open data"): every endpoint, read-only, public (published data only), open to any
 * origin. The route files under app/api/v1 serve these; /api/v1/openapi.json describes them.
 */
import { API_PATHS } from "@/lib/domain/api/paths";
import {
  agreementParamsSchema,
  asOfQuerySchema,
  noParamsSchema,
  noQuerySchema,
  orgParamsSchema,
} from "@/lib/domain/api/params";
import {
  agreementListSchema,
  agreementSummarySchema,
  healthDocumentSchema,
  interchangeDocumentSchema,
  milestoneRowSchema,
  openApiDocumentSchema,
} from "@/lib/domain/api/responses";
import type { CsvEndpoint, Endpoint, JsonEndpoint } from "./endpoint";

const nothingPublished = (p: Readonly<Record<string, string>>) =>
  `There is no organisation "${p.org ?? ""}" with published agreements.`;
const noPublishedAgreement = (p: Readonly<Record<string, string>>) =>
  `The organisation "${p.org ?? ""}" has no published agreement "${p.agreement ?? ""}".`;

export const listAgreementsEndpoint = {
  path: API_PATHS.agreements,
  operationId: "listAgreements",
  summary: "The organisation's published agreements",
  description: "Every published agreement of the organisation, by title, with links to its other resources.",
  tags: ["agreements"],
  params: orgParamsSchema,
  query: noQuerySchema,
  response: { kind: "json", schema: agreementListSchema, description: "The published agreements." },
  notFound: nothingPublished,
  usesDatabase: true,
} as const satisfies JsonEndpoint;

export const getAgreementEndpoint = {
  path: API_PATHS.agreement,
  operationId: "getAgreement",
  summary: "One published agreement and its health as of a day",
  description:
    "The agreement's facts, each party's compliance, the count of commitments in each health, every commitment's " +
    "health and the stalled milestones with their reasons, as the scorecard shows them on `asOf`.",
  tags: ["agreements"],
  params: agreementParamsSchema,
  query: asOfQuerySchema,
  response: { kind: "json", schema: agreementSummarySchema, description: "The agreement as of the day." },
  notFound: noPublishedAgreement,
  usesDatabase: true,
} as const satisfies JsonEndpoint;

export const getHealthEndpoint = {
  path: API_PATHS.health,
  operationId: "getAgreementHealth",
  summary: "The health document of one published agreement",
  description:
    "Exactly the health document of spec/health.md for this agreement as of `asOf`: the JSON that " +
    "`npm run health -- --org {org} --agreement {agreement} --as-of {asOf} --json` prints.",
  tags: ["health"],
  params: agreementParamsSchema,
  query: asOfQuerySchema,
  response: { kind: "json", schema: healthDocumentSchema, description: "The health document." },
  notFound: noPublishedAgreement,
  usesDatabase: true,
} as const satisfies JsonEndpoint;

export const milestonesCsvEndpoint = {
  path: API_PATHS.milestones,
  operationId: "getMilestonesCsv",
  summary: "Every milestone of one published agreement, with its health, as CSV",
  description:
    "One row per milestone as of `asOf`, in the scorecard's order: commitment, milestone, responsible party, owner, " +
    "deadline in force, status, health, flags and the reasons the scorecard prints. RFC 4180, UTF-8, a header line.",
  tags: ["health"],
  params: agreementParamsSchema,
  query: asOfQuerySchema,
  response: { kind: "csv", row: milestoneRowSchema, description: "The milestone table (a file download)." },
  notFound: noPublishedAgreement,
  usesDatabase: true,
} as const satisfies CsvEndpoint;

export const exportEndpoint = {
  path: API_PATHS.export,
  operationId: "exportPublished",
  summary: "The organisation's published data as accordwatch/v1",
  description:
    "The public export (spec/interchange.md): published agreements with their whole history and only the sources " +
    "they cite, byte for byte what `npm run export -- --org {org} --public` writes.",
  tags: ["export"],
  params: orgParamsSchema,
  query: noQuerySchema,
  response: { kind: "json", schema: interchangeDocumentSchema, description: "An accordwatch/v1 document." },
  notFound: nothingPublished,
  usesDatabase: true,
} as const satisfies JsonEndpoint;

export const openApiEndpoint = {
  path: API_PATHS.openapi,
  operationId: "getOpenApiDocument",
  summary: "This API's OpenAPI 3.1 document",
  description: "Generated from the zod schemas the endpoints validate their parameters with and answer with.",
  tags: ["meta"],
  params: noParamsSchema,
  query: noQuerySchema,
  response: { kind: "json", schema: openApiDocumentSchema, description: "The OpenAPI document." },
  notFound: null,
  usesDatabase: false,
} as const satisfies JsonEndpoint;

/** Every endpoint, in the order the OpenAPI document lists them. */
export const ENDPOINTS: readonly Endpoint[] = [
  listAgreementsEndpoint,
  getAgreementEndpoint,
  getHealthEndpoint,
  milestonesCsvEndpoint,
  exportEndpoint,
  openApiEndpoint,
];
