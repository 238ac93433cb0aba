/**
 * The OpenAPI 3.1 document of the open-data API, generated from the endpoints (endpoints.ts) and their zod schemas.
 *
 * Built with zod's own JSON Schema converter (`z.toJSONSchema`, draft 2020-12: the dialect of OpenAPI 3.1 schema
 * objects) around a small hand-written frame, rather than with zod-openapi or @asteasolutions/zod-to-openapi: the
 * frame is six GET operations, the schema conversion is the part that matters and zod does it itself, and
 * zod-openapi 6 asks for Node ≥ 22.14 while this project runs on Node 20.
 */
import { z } from "zod";
import { apiDocs } from "@/lib/domain/api/registry";
import type { openApiDocumentSchema } from "@/lib/domain/api/responses";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { ALLOWED_METHODS, RETRY_AFTER_SECONDS } from "./respond";

type Json = Record<string, unknown>;
type OpenApiDocument = z.input<typeof openApiDocumentSchema>;

const COMPONENT_PREFIX = "#/components/schemas/";

function ref(id: string): Json {
  return { $ref: `${COMPONENT_PREFIX}${id}` };
}

/** Every schema of the registry that has an id, as components; `$schema` and `$id` dropped (the document's dialect). */
function schemaComponents(): Record<string, Json> {
  const converted = z.toJSONSchema(apiDocs, { io: "input", uri: (id) => `${COMPONENT_PREFIX}${id}` }) as {
    schemas: Record<string, Json>;
  };
  const out: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(converted.schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    out[id] = rest;
  }
  return out;
}

/** A schema in place: a reference when it is a component, else converted inline. */
function schemaOf(schema: z.ZodType): Json {
  const id = apiDocs.get(schema)?.id;
  if (id !== undefined) return ref(id);
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: "input", metadata: apiDocs }) as Json;
  return rest;
}

/** Parameter objects from a params or query schema: description and example lifted from the property's schema. */
function parameters(schema: z.ZodObject, where: "path" | "query"): Json[] {
  const converted = z.toJSONSchema(schema, { io: "input", metadata: apiDocs }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(converted.properties ?? {}).map(([name, property]) => {
    const { description, example, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (converted.required ?? []).includes(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
      ...(example === undefined ? {} : { example }),
    };
  });
}

const HEADER_REFS = {
  "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
  "Cache-Control": { $ref: "#/components/headers/CacheControl" },
};

function errorResponse(description: string, headers: Json = {}): Json {
  return {
    description,
    headers: { ...HEADER_REFS, ...headers },
    content: { "application/json": { schema: ref("Error") } },
  };
}

function operation(endpoint: Endpoint): Json {
  const ok =
    endpoint.response.kind === "json"
      ? {
          description: endpoint.response.description,
          headers: HEADER_REFS,
          content: { "application/json": { schema: schemaOf(endpoint.response.schema) } },
        }
      : {
          description: endpoint.response.description,
          headers: { ...HEADER_REFS, "Content-Disposition": { $ref: "#/components/headers/ContentDisposition" } },
          content: {
            "text/csv": {
              schema: { type: "string", description: "RFC 4180 CSV, UTF-8, with a header line." },
              // OpenAPI 3.1 has no way to describe CSV rows: the row schema is named by an extension.
              "x-row-schema": schemaOf(endpoint.response.row),
            },
          },
        };
  const responses: Json = { "200": ok };
  if (Object.keys(endpoint.query.shape).length > 0) {
    responses["400"] = errorResponse("A query parameter was refused; `fieldErrors` says which and why.");
  }
  if (endpoint.notFound !== null) {
    responses["404"] = errorResponse(
      "agreement" in endpoint.params.shape
        ? "No such organisation, or no such published agreement: a draft answers as if it did not exist."
        : "No such organisation, or one that publishes nothing: drafts answer as if they did not exist.",
    );
  }
  if (endpoint.usesDatabase) {
    responses["503"] = errorResponse("The database is unavailable; try again after `Retry-After` seconds.", {
      "Retry-After": { $ref: "#/components/headers/RetryAfter" },
    });
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description,
    tags: [...endpoint.tags],
    parameters: [...parameters(endpoint.params, "path"), ...parameters(endpoint.query, "query")],
    responses,
  };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[] = ENDPOINTS): OpenApiDocument {
  const paths: Record<string, Json> = {};
  for (const endpoint of endpoints) paths[endpoint.path] = { get: operation(endpoint) };
  return {
    openapi: "3.1.1",
    info: {
      title: "Accordwatch open data",
      version: "1.0.0",
      description:
        "Read-only, public data of Accordwatch organisations: published agreements only. Every endpoint answers " +
        `GET and HEAD to any origin (CORS, no credentials; preflight by OPTIONS: ${ALLOWED_METHODS}). Health is ` +
        "computed by the rules of spec/health.md as of `asOf` (default: today, UTC).",
    },
    tags: [
      { name: "agreements", description: "Published agreements." },
      { name: "health", description: "Computed health, as the scorecard shows it." },
      { name: "export", description: "Bulk data in the accordwatch/v1 interchange format." },
      { name: "meta", description: "This description." },
    ],
    paths,
    components: {
      schemas: schemaComponents(),
      headers: {
        AccessControlAllowOrigin: {
          description: "Always `*`: any origin may read the answer (never with credentials).",
          schema: { type: "string", const: "*" },
        },
        CacheControl: {
          description: "Public answers are short-lived in shared caches; errors shorter; failures not at all.",
          schema: { type: "string" },
        },
        ContentDisposition: {
          description: "`attachment` with the file's name.",
          schema: { type: "string" },
        },
        RetryAfter: {
          description: "Seconds to wait before trying again.",
          schema: { type: "integer", minimum: 1, examples: [RETRY_AFTER_SECONDS] },
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document of the API as served (built once per process: it depends on the code only). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
