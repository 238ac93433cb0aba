/**
 * The pure parts of the open-data API: its parameters, its addresses, the milestone table and its CSV form, and the
 * agreement between the endpoints' path templates and their parameter schemas.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { agreementListBody, agreementSummaryBody } from "@/lib/domain/api/agreements";
import { milestoneRows, milestonesFilename } from "@/lib/domain/api/milestone-rows";
import { asOfQuerySchema, agreementParamsSchema } from "@/lib/domain/api/params";
import { API_PATHS, apiPath, scorecardPath } from "@/lib/domain/api/paths";
import {
  MILESTONE_COLUMNS,
  agreementListSchema,
  agreementSummarySchema,
  milestoneRowSchema,
} from "@/lib/domain/api/responses";
import { evaluateDataset } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { parseInput } from "@/lib/domain/schemas/parse";
import type { Dataset } from "@/lib/domain/types";
import { toCsv } from "@/lib/http/csv";
import { ENDPOINTS } from "@/lib/http/endpoints";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");

function demo(): Dataset {
  const parsed = parseInterchangeText(demoText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

describe("the asOf parameter", () => {
  it.each([
    ["2025-10-31", null],
    ["2024-02-29", null],
    ["2025-02-30", 'expected a day YYYY-MM-DD, got "2025-02-30"'],
    ["2025-13-01", 'expected a day YYYY-MM-DD, got "2025-13-01"'],
    ["2025-1-01", 'expected a day YYYY-MM-DD, got "2025-1-01"'],
    ["2025-11", 'expected a day YYYY-MM-DD, got "2025-11"'],
    ["", "expected a day YYYY-MM-DD, got an empty string"],
    [["2025-10-31", "2025-11-01"], "expected a day YYYY-MM-DD, got 2 items"],
  ])("%j → %s", (asOf, message) => {
    const parsed = parseInput(asOfQuerySchema, { asOf });
    expect(parsed).toEqual(
      message === null ? { ok: true, data: { asOf } } : { ok: false, fieldErrors: { asOf: [message] } },
    );
  });

  it("may be left out", () => {
    expect(parseInput(asOfQuerySchema, {})).toEqual({ ok: true, data: {} });
  });

  it("names the path parameter that is not a slug", () => {
    expect(parseInput(agreementParamsSchema, { org: "demo", agreement: "Bad Slug" })).toEqual({
      ok: false,
      fieldErrors: { agreement: ['expected an agreement slug of 1 to 80 characters a-z, 0-9 or "-", got "Bad Slug"'] },
    });
  });
});

describe("addresses", () => {
  it("fills a template, encodes its values and adds the query it is given", () => {
    expect(apiPath(API_PATHS.health, { org: "demo", agreement: "a b" }, { asOf: "2025-10-31" })).toBe(
      "/api/v1/demo/agreements/a%20b/health?asOf=2025-10-31",
    );
    expect(apiPath(API_PATHS.export, { org: "demo" }, { asOf: undefined })).toBe("/api/v1/demo/export");
    expect(() => apiPath(API_PATHS.agreement, { org: "demo" })).toThrow("no value for {agreement}");
    expect(scorecardPath("demo", "x", "2025-10-31")).toBe("/demo/x?asOf=2025-10-31");
  });

  it("gives every endpoint path parameters that are exactly its template's", () => {
    for (const endpoint of ENDPOINTS) {
      const inTemplate = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(Object.keys(endpoint.params.shape), endpoint.path).toEqual(inTemplate);
    }
  });

  it("has one endpoint per address and one operation id each", () => {
    expect(new Set(ENDPOINTS.map((e) => e.path)).size).toBe(ENDPOINTS.length);
    expect(new Set(ENDPOINTS.map((e) => e.operationId)).size).toBe(ENDPOINTS.length);
    expect(new Set(ENDPOINTS.map((e) => e.path))).toEqual(new Set(Object.values(API_PATHS)));
  });
});

describe("the agreement bodies", () => {
  it("list the agreements with links and follow the schema", () => {
    const dataset = demo();
    const body = agreementListBody({ slug: "demo", name: "Demo" }, dataset.agreements);
    expect(agreementListSchema.parse(body)).toEqual(body);
    expect(body.agreements[0]?.links.milestones).toBe(
      "/api/v1/demo/agreements/uk-france-small-boats-2025/milestones.csv",
    );
  });

  it("summarise an agreement as of a day with the health the engine computes", () => {
    const dataset = demo();
    const [agreement] = dataset.agreements;
    if (agreement === undefined) throw new Error("no agreement");
    for (const asOf of ["2025-10-31", "2025-11-21", "2025-12-01"]) {
      const body = agreementSummaryBody({ slug: "demo", name: "Demo" }, agreement, dataset.sources, asOf);
      expect(agreementSummarySchema.parse(body)).toEqual(body);
      const health = evaluateDataset(dataset, asOf).agreements[0];
      expect(body.counts).toEqual(health?.counts);
      expect(body.compliance).toEqual(health?.parties);
      expect(body.commitments.map((c) => [c.id, c.health, c.progress, c.score])).toEqual(
        health?.commitments.map((c) => [c.id, c.health, c.progress, c.score]),
      );
      expect(body.links.health).toBe(`/api/v1/demo/agreements/uk-france-small-boats-2025/health?asOf=${asOf}`);
    }
  });
});

describe("the milestone table", () => {
  it.each(["2025-07-15", "2025-10-31", "2025-11-21", "2025-12-01", "2026-06-30"])(
    "as of %s has one row per milestone with the engine's health, flags and reasons",
    (asOf) => {
      const dataset = demo();
      const [agreement] = dataset.agreements;
      if (agreement === undefined) throw new Error("no agreement");
      const rows = milestoneRows(agreement, dataset.sources, asOf);
      const health = evaluateDataset(dataset, asOf).agreements[0];
      const expected = (health?.commitments ?? []).flatMap((c) =>
        c.milestones.map((m) => ({
          commitment_id: c.id,
          milestone_id: m.id,
          health: m.health,
          flags: m.flags.map((f) => f.flag).join(";"),
          reasons: m.flags.map((f) => f.reason).join("\n"),
        })),
      );
      expect(rows).toEqual(expected.map((e) => expect.objectContaining({ ...e, as_of: asOf })));
      for (const row of rows) expect(milestoneRowSchema.parse(row)).toEqual(row);
    },
  );

  it("names its file by organisation, agreement and day", () => {
    expect(milestonesFilename("demo", "x", "2025-10-31")).toBe("demo-x-milestones-2025-10-31.csv");
  });
});

describe("CSV", () => {
  const columns = ["a", "b"] as const;

  it("writes a header line, CRLF line ends, and quotes commas, quotes and line breaks (RFC 4180)", () => {
    const text = toCsv(columns, [
      { a: "plain", b: "with, comma" },
      { a: 'a "quote"', b: "two\nlines" },
      { a: "", b: "“curly” – dash" },
    ]);
    expect(text).toBe('a,b\r\nplain,"with, comma"\r\n"a ""quote""","two\nlines"\r\n,“curly” – dash\r\n');
    expect(parseCsv(text, { columns: true })).toEqual([
      { a: "plain", b: "with, comma" },
      { a: 'a "quote"', b: "two\nlines" },
      { a: "", b: "“curly” – dash" },
    ]);
  });

  it("writes the header of an empty table", () => {
    expect(toCsv(columns, [])).toBe("a,b\r\n");
  });

  it("puts the milestone columns in the row schema's order", () => {
    expect(MILESTONE_COLUMNS).toEqual([
      "as_of",
      "commitment_id",
      "commitment_title",
      "milestone_id",
      "milestone_title",
      "responsible",
      "owner",
      "deadline",
      "due",
      "status",
      "health",
      "flags",
      "reasons",
    ]);
  });
});
