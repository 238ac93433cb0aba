/**
 * The OpenAPI document of the open-data API (issue 4: "The OpenAPI document validates, and every documented endpoint
 * answers as documented"), driven by the document as served: it validates as OpenAPI 3.1; every route handler under
 * app/api/v1 is documented and every documented operation has one; each documented operation, called with the
 * document's own example parameters, answers each documented status with a body that validates against the
 * documented schema (a JSON Schema 2020-12 validator, not zod) and with the documented headers.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { installDatabase } from "@/lib/db/client";
import { openApiDocumentSchema } from "@/lib/domain/api/responses";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import type { RouteHandler } from "@/lib/http/handler";
import { createPgliteDatabase, type TestDatabase } from "../support/databases";
import { DRAFT, DRAFTS_ONLY_ORG, ORG, ROOT, demoWithDraft, draftsOnly, get, routes } from "../support/open-data";

// ---- The document's shapes, as far as the test reads them ----

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  example?: string;
}
interface MediaType {
  schema: Record<string, unknown>;
  "x-row-schema"?: Record<string, unknown>;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, { $ref: string }>;
  content: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  parameters: Parameter[];
  responses: Record<string, ResponseObject>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; headers: Record<string, unknown> };
}

const API_DIR = "app/api/v1";
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/** Route files under app/api/v1, as the OpenAPI paths they serve ([org] → {org}). */
function routeFiles(dir = API_DIR): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) for (const [p, f] of routeFiles(relative)) found.set(p, f);
    else if (/^route\.tsx?$/.test(entry.name)) {
      found.set(dir.replace(/^app/, "").replace(/\[([^\]]+)\]/g, "{$1}"), relative);
    }
  }
  return found;
}

async function routeModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}

/** Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) over the document's components. */
function schemaValidator(doc: Document): (schema: Record<string, unknown>) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword("components");
  const base = "https://accordwatch.test/api/v1/openapi.json";
  ajv.addSchema({ $id: base, components: { schemas: doc.components.schemas } });
  const compiled = new Map<string, ValidateFunction>();
  return (schema) => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (validate === undefined) {
      const ref = schema.$ref;
      validate = ajv.compile(typeof ref === "string" ? { $ref: `${base}${ref}` } : schema);
      compiled.set(key, validate);
    }
    return validate;
  };
}

function expectValid(validate: ValidateFunction, value: unknown, what: string): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors, what).toEqual([]);
}

describe("the OpenAPI document", () => {
  let db: TestDatabase;
  let restore: () => void;
  let doc: Document;
  let validatorFor: (schema: Record<string, unknown>) => ValidateFunction;

  beforeAll(async () => {
    db = await createPgliteDatabase();
    restore = installDatabase(db.database);
    const cli = systemViewer("cli:openapi-test");
    await importDataset(cli, ORG, demoWithDraft(), { organisationName: "Accordwatch demo" });
    await importDataset(cli, DRAFTS_ONLY_ORG, draftsOnly(), { organisationName: "Drafts only" });
    const response = await get((await routes.openapi()).GET, "/api/v1/openapi.json", {});
    expect(response.status).toBe(200);
    doc = JSON.parse(await response.text()) as Document;
    validatorFor = schemaValidator(doc);
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("is served as generated from the endpoints' schemas", () => {
    expect(doc).toEqual(buildOpenApiDocument());
    expect(openApiDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has component schemas that compile as JSON Schema 2020-12 in strict mode", () => {
    for (const id of Object.keys(doc.components.schemas)) {
      expect(() => validatorFor({ $ref: `#/components/schemas/${id}` }), id).not.toThrow();
    }
  });

  it("documents every route handler under app/api/v1, and documents none that is not there", async () => {
    const files = routeFiles();
    expect([...files.keys()].sort()).toEqual(Object.keys(doc.paths).sort());
    for (const [apiPath, file] of files) {
      const exported = Object.keys(await routeModule(file)).filter((name) => HTTP_METHODS.includes(name));
      const documented = Object.keys(doc.paths[apiPath] ?? {}).map((m) => m.toUpperCase());
      // HEAD is GET without a body (Next.js answers it with the GET handler); OPTIONS is the CORS preflight.
      expect(exported.sort(), file).toEqual(documented.sort());
    }
  });

  describe("every documented operation answers as documented", () => {
    const files = routeFiles();
    // Built from the document as generated; the first test checks it is the document served.
    const operations = Object.entries(buildOpenApiDocument().paths as Document["paths"]).flatMap(([p, item]) =>
      Object.entries(item).map(([method, op]) => ({ path: p, method, op })),
    );

    async function call(
      apiPath: string,
      op: Operation,
      override: { params?: Record<string, string>; query?: string } = {},
    ): Promise<Response> {
      const file = files.get(apiPath);
      if (file === undefined) throw new Error(`no route file for ${apiPath}`);
      const handler = (await routeModule(file)).GET as RouteHandler;
      const params: Record<string, string> = {};
      const query = new URLSearchParams();
      for (const parameter of op.parameters) {
        if (parameter.in === "path") {
          expect(parameter.example, `${op.operationId}: example of ${parameter.name}`).toBeDefined();
          params[parameter.name] = override.params?.[parameter.name] ?? parameter.example ?? "";
        } else if (override.query !== undefined) {
          query.set(parameter.name, override.query);
        } else if (parameter.example !== undefined) {
          query.set(parameter.name, parameter.example);
        }
      }
      const search = query.toString();
      return get(handler, `${fill(apiPath, params)}${search ? `?${search}` : ""}`, params);
    }

    async function expectDocumented(op: Operation, status: string, response: Response): Promise<void> {
      const what = `${op.operationId} ${status}`;
      const documented = op.responses[status];
      if (documented === undefined) throw new Error(`${what} is not documented`);
      expect(String(response.status), what).toBe(status);
      for (const header of Object.keys(documented.headers ?? {})) {
        if (header === "Access-Control-Allow-Origin") expect(response.headers.get(header), what).toBe("*");
        else expect(response.headers.get(header), `${what}: header ${header}`).not.toBeNull();
      }
      const [mediaType, more] = Object.keys(documented.content);
      expect(more, `${what}: one media type`).toBeUndefined();
      const media = documented.content[mediaType ?? ""];
      if (mediaType === undefined || media === undefined) throw new Error(`${what}: no content`);
      expect(response.headers.get("content-type"), what).toBe(`${mediaType}; charset=utf-8`);
      const text = await response.text();
      if (mediaType === "application/json") {
        expectValid(validatorFor(media.schema), JSON.parse(text), what);
      } else if (mediaType === "text/csv") {
        expectValid(validatorFor(media.schema), text, what);
        const rowSchema = media["x-row-schema"];
        if (rowSchema === undefined) throw new Error(`${what}: no x-row-schema`);
        const ref = String(rowSchema.$ref).replace("#/components/schemas/", "");
        const columns = Object.keys((doc.components.schemas[ref]?.properties ?? {}) as object);
        const [header, ...rows] = parseCsv(text) as string[][];
        expect(header, `${what}: columns`).toEqual(columns);
        expect(rows.length, `${what}: rows`).toBeGreaterThan(0);
        for (const row of rows) {
          expectValid(validatorFor(rowSchema), Object.fromEntries(columns.map((c, i) => [c, row[i]])), what);
        }
      } else {
        throw new Error(`${what}: undocumented media type ${mediaType}`);
      }
    }

    it("has operations", () => expect(operations.length).toBeGreaterThanOrEqual(6));

    it.each(operations.map((o) => [o.method.toUpperCase(), o.path, o] as const))(
      "%s %s",
      async (_method, apiPath, { op }) => {
        await expectDocumented(op, "200", await call(apiPath, op));
        if ("400" in op.responses) {
          await expectDocumented(op, "400", await call(apiPath, op, { query: "not-a-day" }));
        }
        if ("404" in op.responses) {
          const names = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
          const missing = Object.fromEntries(names.map((name) => [name, "no-such-thing"]));
          await expectDocumented(op, "404", await call(apiPath, op, { params: missing }));
          // A published organisation's draft, or an organisation with drafts only, is as absent as nothing.
          const draft: Record<string, string> = names.includes("agreement")
            ? { agreement: DRAFT }
            : { org: DRAFTS_ONLY_ORG };
          await expectDocumented(op, "404", await call(apiPath, op, { params: draft }));
        }
        if ("503" in op.responses) {
          const saved = process.env.DATABASE_URL;
          restore();
          process.env.DATABASE_URL = "postgres://accordwatch@127.0.0.1:9/accordwatch";
          try {
            await expectDocumented(op, "503", await call(apiPath, op));
          } finally {
            if (saved === undefined) delete process.env.DATABASE_URL;
            else process.env.DATABASE_URL = saved;
            restore = installDatabase(db.database);
          }
        }
      },
    );
  });
});
