/**
 * The one way an open-data route handler runs (STYLE.md, "One choke point for access"): the path and query parameters
 * parsed by the endpoint's zod schemas, the data layer called with the anonymous viewer (the route says which
 * function: lib/data asks the policy and returns published data only), the body written as JSON or CSV, and every
 * failure mapped to the JSON error shape. Route files are a few lines on top of this.
 */
import type { z } from "zod";
import { ForbiddenError } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/data/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { parseInput, type FieldErrors } from "@/lib/domain/schemas/parse";
import { logger } from "@/lib/log/logger";
import { toCsv } from "./csv";
import type { CsvEndpoint, JsonEndpoint } from "./endpoint";
import { csvResponse, errorResponse, jsonResponse, preflightResponse } from "./respond";
import { withRequest } from "./with-request";

/** What Next.js passes a route handler besides the request. */
export interface RouteContext {
  readonly params: Promise<Readonly<Record<string, string | string[] | undefined>>>;
}

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** Read-only view of a body, so that the domain's readonly types are accepted where the schema's output is asked. */
type DeepReadonly<T> = T extends (infer U)[]
  ? ReadonlyArray<DeepReadonly<U>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export interface RequestInput<P extends z.ZodObject, Q extends z.ZodObject> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  /** Today (UTC), `YYYY-MM-DD`: the default `asOf`. The domain never reads the clock; this is where it is read. */
  readonly today: string;
}

/** The answer of a run: the body, or null for "not found" (answered with the endpoint's own 404 words). */
export type Run<P extends z.ZodObject, Q extends z.ZodObject, B> = (input: RequestInput<P, Q>) => Promise<B | null>;

export interface CsvFile<R> {
  readonly filename: string;
  readonly rows: readonly R[];
}

/** The query string as an object: a parameter given once is a string, given several times an array (refused). */
function queryObject(url: string): Record<string, string | string[]> {
  const search = new URL(url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    Object.defineProperty(out, key, {
      value: values.length === 1 ? values[0] : values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function describeFieldErrors(fieldErrors: FieldErrors): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => (field === "" ? messages.join("; ") : `${field}: ${messages.join("; ")}`))
    .join("; ");
}

function rawParams(params: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) out[key] = Array.isArray(value) ? value.join("/") : (value ?? "");
  return out;
}

type Parsed<P extends z.ZodObject, Q extends z.ZodObject> =
  { ok: true; input: RequestInput<P, Q> } | { ok: false; response: Response };

async function parseRequest<P extends z.ZodObject, Q extends z.ZodObject>(
  endpoint: { params: P; query: Q; notFound: JsonEndpoint["notFound"] },
  request: Request,
  context: RouteContext,
): Promise<Parsed<P, Q>> {
  // A route without dynamic segments (the OpenAPI document) may be given no params at all.
  const given = (await context.params) ?? {};
  const params = parseInput(endpoint.params, given);
  // A malformed slug names nothing that could exist: a 404, in the same words as any other miss.
  if (!params.ok) {
    const message = endpoint.notFound?.(rawParams(given)) ?? "Not found.";
    return { ok: false, response: errorResponse(404, message, params.fieldErrors) };
  }
  const query = parseInput(endpoint.query, queryObject(request.url));
  if (!query.ok) {
    const message = `Invalid query parameter: ${describeFieldErrors(query.fieldErrors)}`;
    return { ok: false, response: errorResponse(400, message, query.fieldErrors) };
  }
  return {
    ok: true,
    input: { params: params.data, query: query.data, today: new Date().toISOString().slice(0, 10) },
  };
}

/**
 * Expected failures become their status; anything else is logged and answered with a generic 500 (never a stack
 * trace, never the database's address).
 */
function failure(error: unknown, notFoundMessage: string): Response {
  // Forbidden cannot happen on published data; should it, it answers as a miss, revealing nothing.
  if (error instanceof NotFoundError || error instanceof ForbiddenError) return errorResponse(404, notFoundMessage);
  if (isDatabaseUnavailable(error)) {
    logger.warn(
      { reason: error instanceof Error ? error.message.split("\n")[0] : String(error) },
      "database unavailable",
    );
    return errorResponse(503, "The database is unavailable; please try again shortly.");
  }
  logger.error({ err: error }, "open-data request failed");
  return errorResponse(500, "Something went wrong.");
}

async function respond<P extends z.ZodObject, Q extends z.ZodObject, B>(
  endpoint: { params: P; query: Q; notFound: JsonEndpoint["notFound"] },
  request: Request,
  context: RouteContext,
  run: Run<P, Q, B>,
  write: (body: B, input: RequestInput<P, Q>) => Response,
): Promise<Response> {
  let notFoundMessage = "Not found.";
  try {
    const parsed = await parseRequest(endpoint, request, context);
    if (!parsed.ok) return parsed.response;
    notFoundMessage = endpoint.notFound?.(rawParams((await context.params) ?? {})) ?? notFoundMessage;
    const body = await run(parsed.input);
    return body === null ? errorResponse(404, notFoundMessage) : write(body, parsed.input);
  } catch (error) {
    return failure(error, notFoundMessage);
  }
}

/**
 * GET for an endpoint that answers JSON: `run` returns the body or null. The body is typed as the schema's input
 * (fields with a default may be left out), which is what the OpenAPI document describes.
 */
export function jsonGet<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(
  endpoint: JsonEndpoint<P, Q, R>,
  run: Run<P, Q, DeepReadonly<z.input<R>>>,
): RouteHandler {
  return withRequest((request, context) => respond(endpoint, request, context, run, (body) => jsonResponse(body)));
}

/** GET for an endpoint that answers CSV: `run` returns the file's name and rows (z.output of the row schema). */
export function csvGet<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodObject>(
  endpoint: CsvEndpoint<P, Q, R>,
  run: Run<P, Q, CsvFile<z.output<R> & Record<string, string>>>,
): RouteHandler {
  const columns = Object.keys(endpoint.response.row.shape);
  return withRequest((request, context) =>
    respond(endpoint, request, context, run, (file) => csvResponse(toCsv(columns, file.rows), file.filename)),
  );
}

/** OPTIONS: the CORS preflight of every open-data endpoint. */
export const preflight: (request: Request, context: RouteContext) => Promise<Response> = withRequest(async () =>
  preflightResponse(),
);
