/**
 * What an endpoint of the open-data API is: its address, its parameters and its answer, each as a zod schema. The
 * route handler parses with these schemas (handler.ts) and the OpenAPI document is generated from them (openapi.ts),
 * so the two cannot drift apart.
 */
import type { z } from "zod";
import type { ApiPath } from "@/lib/domain/api/paths";

interface EndpointBase<P extends z.ZodObject, Q extends z.ZodObject> {
  readonly path: ApiPath;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** Path parameters, by the names in `path`. */
  readonly params: P;
  /** Query parameters. */
  readonly query: Q;
  /**
   * The 404 message, from the path parameters as requested. The same words whatever the reason (no such
   * organisation, a draft, a malformed slug), so that a 404 reveals nothing. Null for an endpoint that cannot miss.
   */
  readonly notFound: ((params: Readonly<Record<string, string>>) => string) | null;
  /** Reads the database, and so may answer 503 when it is unavailable. */
  readonly usesDatabase: boolean;
}

/** Answers JSON: the body is `schema`'s (registered in lib/domain/api/registry.ts with an id: a component). */
export interface JsonEndpoint<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  R extends z.ZodType = z.ZodType,
> extends EndpointBase<P, Q> {
  readonly response: { readonly kind: "json"; readonly schema: R; readonly description: string };
}

/** Answers a CSV file: one line per `row`, its keys the columns in order, every value text. */
export interface CsvEndpoint<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  R extends z.ZodObject = z.ZodObject,
> extends EndpointBase<P, Q> {
  readonly response: { readonly kind: "csv"; readonly row: R; readonly description: string };
}

export type Endpoint = JsonEndpoint | CsvEndpoint;
