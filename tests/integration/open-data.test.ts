/**
 * The open-data API (issue 4, "Open data") on both databases, through its route handlers as Next.js calls them:
 * drafts never show, the health document is the domain's, and the CSV, the API and the scorecard page's data agree on
 * every milestone's health on several days; errors, CORS and cache headers as documented.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, systemViewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { loadDataset } from "@/lib/data/load-dataset";
import { getPublishedAgreement } from "@/lib/data/public";
import { installDatabase } from "@/lib/db/client";
import {
  MILESTONE_COLUMNS,
  agreementListSchema,
  agreementSummarySchema,
  errorSchema,
  healthDocumentSchema,
  interchangeDocumentSchema,
  milestoneRowSchema,
  type MilestoneRow,
} from "@/lib/domain/api/responses";
import { formatDateText } from "@/lib/domain/dates";
import { evaluateDataset } from "@/lib/domain/health";
import { serializeInterchange } from "@/lib/domain/interchange";
import { recordKey } from "@/lib/domain/schemas/comments";
import { scorecardAt } from "@/lib/domain/scorecard";
import type { Health } from "@/lib/domain/types";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import {
  AGREEMENT,
  DRAFT,
  DRAFT_SOURCE,
  DRAFT_TITLE,
  DRAFTS_ONLY_ORG,
  ORG,
  demoDataset,
  demoWithDraft,
  draftsOnly,
  get,
  routes,
  todayUtc,
  type RouteModule,
} from "../support/open-data";

const cli = systemViewer("cli:open-data-test");
/** The days: the doctrine stalls (BBC), is adopted in part (The Times), the deployment is overdue; and today. */
const DAYS = ["2025-10-31", "2025-11-21", "2025-12-01", todayUtc()];

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

type Routes = { [K in keyof typeof routes]: RouteModule };

async function loadRoutes(): Promise<Routes> {
  const entries = await Promise.all(Object.entries(routes).map(async ([k, load]) => [k, await load()] as const));
  return Object.fromEntries(entries) as Routes;
}

const agreementPath = (org: string, agreement: string, rest = "") => `/api/v1/${org}/agreements/${agreement}${rest}`;

async function json(response: Response): Promise<unknown> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return JSON.parse(await response.text()) as unknown;
}

function csvRows(text: string): MilestoneRow[] {
  const records = parseCsv(text, { columns: true, skip_empty_lines: false }) as unknown[];
  return records.map((r) => milestoneRowSchema.parse(r));
}

describe.each(engines)("the open-data API on %s", (_engine, create) => {
  let db: TestDatabase;
  let restore: () => void;
  let api: Routes;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    await importDataset(cli, ORG, demoWithDraft(), { organisationName: "Accordwatch demo" });
    await importDataset(cli, DRAFTS_ONLY_ORG, draftsOnly(), { organisationName: "Drafts only" });
    api = await loadRoutes();
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  describe("drafts never appear", () => {
    it("lists the published agreement only, with links to its other resources", async () => {
      const response = await get(api.agreements.GET, `/api/v1/${ORG}/agreements`, { org: ORG });
      expect(response.status).toBe(200);
      const body = agreementListSchema.parse(await json(response));
      expect(body.organisation).toEqual({ slug: ORG, name: "Accordwatch demo" });
      expect(body.agreements.map((a) => a.slug)).toEqual([AGREEMENT]);
      expect(body.agreements[0]).toMatchObject({
        title: "UK–France measures against small-boat crossings",
        parties: ["GB", "FR"],
        announced: "2025-07",
        links: {
          self: agreementPath(ORG, AGREEMENT),
          health: agreementPath(ORG, AGREEMENT, "/health"),
          milestones: agreementPath(ORG, AGREEMENT, "/milestones.csv"),
          scorecard: `/${ORG}/${AGREEMENT}`,
        },
      });
      expect(body.links).toEqual({ self: `/api/v1/${ORG}/agreements`, export: `/api/v1/${ORG}/export` });
      expect(JSON.stringify(body)).not.toContain(DRAFT);
    });

    it("answers a draft on every agreement endpoint exactly as an agreement that does not exist", async () => {
      for (const [name, route, rest] of [
        ["agreement", api.agreement, ""],
        ["health", api.health, "/health"],
        ["milestones", api.milestones, "/milestones.csv"],
      ] as const) {
        const draft = await get(route.GET, agreementPath(ORG, DRAFT, rest), { org: ORG, agreement: DRAFT });
        const missing = await get(route.GET, agreementPath(ORG, "no-such-agreement", rest), {
          org: ORG,
          agreement: "no-such-agreement",
        });
        expect([draft.status, missing.status], name).toEqual([404, 404]);
        const draftText = await draft.text();
        expect(draftText, name).not.toContain(DRAFT_TITLE);
        expect(errorSchema.parse(JSON.parse(draftText))).toEqual({
          error: { message: `The organisation "${ORG}" has no published agreement "${DRAFT}".` },
        });
        expect(draftText.replaceAll(DRAFT, "no-such-agreement"), name).toBe(await missing.text());
      }
    });

    it("answers an organisation with drafts only exactly as one that does not exist", async () => {
      for (const [route, suffix] of [
        [api.agreements, "agreements"],
        [api.export, "export"],
      ] as const) {
        const drafts = await get(route.GET, `/api/v1/${DRAFTS_ONLY_ORG}/${suffix}`, { org: DRAFTS_ONLY_ORG });
        const unknown = await get(route.GET, `/api/v1/no-such-org/${suffix}`, { org: "no-such-org" });
        expect([drafts.status, unknown.status], suffix).toEqual([404, 404]);
        expect((await drafts.text()).replaceAll(DRAFTS_ONLY_ORG, "no-such-org"), suffix).toBe(await unknown.text());
      }
      const health = await get(api.health.GET, agreementPath(DRAFTS_ONLY_ORG, DRAFT, "/health"), {
        org: DRAFTS_ONLY_ORG,
        agreement: DRAFT,
      });
      expect(health.status).toBe(404);
    });

    it("exports the published agreement and only the sources it cites: the bytes of `export --public`", async () => {
      const response = await get(api.export.GET, `/api/v1/${ORG}/export`, { org: ORG });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toBe(serializeInterchange(await loadDataset(cli, ORG, { publicOnly: true })));
      // The demo file is the published agreement with exactly the sources it cites.
      expect(text).toBe(serializeInterchange(demoDataset()));
      const document = interchangeDocumentSchema.parse(JSON.parse(text));
      expect(document.agreements.map((a) => a.slug)).toEqual([AGREEMENT]);
      expect(text).not.toContain(DRAFT);
      expect(text).not.toContain(DRAFT_SOURCE);
    });
  });

  describe("the health document", () => {
    it.each(DAYS)("as of %s equals what the domain computes from the demo file, in the CLI's bytes", async (asOf) => {
      const response = await get(api.health.GET, agreementPath(ORG, AGREEMENT, `/health?asOf=${asOf}`), {
        org: ORG,
        agreement: AGREEMENT,
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      const expected = evaluateDataset(demoDataset(), asOf, { agreement: AGREEMENT });
      // `npm run health -- --org demo --agreement … --as-of … --json` prints exactly this (keys in spec order).
      expect(text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
      expect(healthDocumentSchema.parse(JSON.parse(text))).toEqual(JSON.parse(JSON.stringify(expected)));
    });

    it("is as of today when no day is given", async () => {
      const response = await get(api.health.GET, agreementPath(ORG, AGREEMENT, "/health"), {
        org: ORG,
        agreement: AGREEMENT,
      });
      const body = healthDocumentSchema.parse(await json(response));
      expect(body.asOf).toBe(todayUtc());
    });

    it("ignores the draft's evidence: the published agreement's health is the same as without the draft", async () => {
      const response = await get(api.agreement.GET, agreementPath(ORG, AGREEMENT, "?asOf=2025-11-21"), {
        org: ORG,
        agreement: AGREEMENT,
      });
      const body = agreementSummarySchema.parse(await json(response));
      const expected = evaluateDataset(demoDataset(), "2025-11-21").agreements[0];
      expect(body.counts).toEqual(expected?.counts);
      expect(body.compliance).toEqual(expected?.parties);
      expect(JSON.stringify(body)).not.toContain(DRAFT_SOURCE);
    });
  });

  describe("the CSV, the API and the scorecard page agree on every milestone", () => {
    it.each(DAYS)("as of %s", async (asOf) => {
      const params = { org: ORG, agreement: AGREEMENT };
      const query = `?asOf=${asOf}`;

      // The page: lib/data/public.ts and the evaluation app/[locale]/(public)/[org]/[agreement]/page.tsx renders.
      const found = await getPublishedAgreement(ANONYMOUS, ORG, AGREEMENT);
      if (found === null) throw new Error("the demo agreement is not published");
      const page = scorecardAt(found.agreement, found.sources, asOf);
      const pageHealth = new Map<string, Health>();
      const pageReasons = new Map<string, string[]>();
      for (const c of page.health.commitments) {
        for (const m of c.milestones) {
          pageHealth.set(recordKey(c.id, m.id), m.health);
          pageReasons.set(
            recordKey(c.id, m.id),
            m.flags.map((f) => f.reason),
          );
        }
      }

      // The API's health document.
      const healthResponse = await get(api.health.GET, agreementPath(ORG, AGREEMENT, `/health${query}`), params);
      const document = healthDocumentSchema.parse(await json(healthResponse));
      const apiHealth = new Map<string, Health>();
      for (const a of document.agreements) {
        for (const c of a.commitments) for (const m of c.milestones) apiHealth.set(recordKey(c.id, m.id), m.health);
      }

      // The CSV.
      const csvResponse = await get(
        api.milestones.GET,
        agreementPath(ORG, AGREEMENT, `/milestones.csv${query}`),
        params,
      );
      expect(csvResponse.status).toBe(200);
      const rows = csvRows(await csvResponse.text());
      const csvHealth = new Map(rows.map((r) => [recordKey(r.commitment_id, r.milestone_id), r.health]));

      // The API's agreement summary: its stalled milestones are the page's.
      const summaryResponse = await get(api.agreement.GET, agreementPath(ORG, AGREEMENT, query), params);
      const summary = agreementSummarySchema.parse(await json(summaryResponse));

      const milestones = found.agreement.commitments.flatMap((c) => c.milestones.map((m) => recordKey(c.id, m.id)));
      expect(milestones.length).toBe(3);
      expect([...pageHealth.keys()]).toEqual(milestones);
      expect([...apiHealth.entries()]).toEqual([...pageHealth.entries()]);
      expect([...csvHealth.entries()]).toEqual([...pageHealth.entries()]);
      expect(summary.stalled.map((s) => recordKey(s.commitment, s.milestone))).toEqual(
        [...pageHealth.entries()].filter(([, h]) => h === "STALLED").map(([key]) => key),
      );
      expect(summary.counts).toEqual(page.health.counts);

      // And each row says what the page says beside the milestone: status, deadline in force, flags, reasons.
      for (const row of rows) {
        const key = recordKey(row.commitment_id, row.milestone_id);
        const state = page.milestones.get(key);
        expect(row.as_of).toBe(asOf);
        expect(row.status).toBe(state?.status);
        expect(row.deadline).toBe(state?.deadline ? formatDateText(state.deadline) : "");
        expect(row.reasons).toBe((pageReasons.get(key) ?? []).join("\n"));
      }
    });

    it("tells the demo's story by the rules alone", async () => {
      const healthOn = async (asOf: string) => {
        const response = await get(api.milestones.GET, agreementPath(ORG, AGREEMENT, `/milestones.csv?asOf=${asOf}`), {
          org: ORG,
          agreement: AGREEMENT,
        });
        return Object.fromEntries(csvRows(await response.text()).map((r) => [r.milestone_id, r]));
      };
      const october = await healthOn("2025-10-31");
      expect(october["adopt-doctrine"]).toMatchObject({
        health: "STALLED",
        flags: expect.stringContaining("CONTRADICTED"),
      });
      expect(october["adopt-doctrine"]?.reasons).toContain("The latest source, BBC, 23 October 2025, reports delay");
      expect((await healthOn("2025-11-21"))["adopt-doctrine"]?.health).toBe("PARTIAL");
      const december = await healthOn("2025-12-01");
      expect(december["deploy-tactics"]).toMatchObject({ health: "STALLED", deadline: "2025-11", due: "2025-11-30" });
      expect(december["deploy-tactics"]?.reasons).toContain("Overdue since 1 December 2025 (deadline: November 2025)");
    });
  });

  describe("the CSV file", () => {
    it("is RFC 4180 UTF-8 with a header line, CRLF line ends and a file name", async () => {
      const response = await get(api.milestones.GET, agreementPath(ORG, AGREEMENT, "/milestones.csv?asOf=2025-10-31"), {
        org: ORG,
        agreement: AGREEMENT,
      });
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="${ORG}-${AGREEMENT}-milestones-2025-10-31.csv"`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text.split("\r\n")[0]).toBe(MILESTONE_COLUMNS.join(","));
      expect(text.endsWith("\r\n")).toBe(true);
      // Reasons hold commas: quoted.
      expect(text).toMatch(/,"The latest source, BBC, 23 October 2025, reports delay: “[^"]*”"\r\n/);
      expect(csvRows(text).map((r) => r.milestone_id)).toEqual(["adopt-doctrine", "deploy-tactics", "enact-scheme"]);
    });
  });

  describe("errors", () => {
    it.each([["2025-13-45"], ["yesterday"], [""], ["2025-02-30"]])(
      "refuses asOf=%j with 400 and a message for the field",
      async (asOf) => {
        for (const [route, rest] of [
          [api.agreement, ""],
          [api.health, "/health"],
          [api.milestones, "/milestones.csv"],
        ] as const) {
          const response = await get(
            route.GET,
            agreementPath(ORG, AGREEMENT, `${rest}?asOf=${encodeURIComponent(asOf)}`),
            { org: ORG, agreement: AGREEMENT },
          );
          expect(response.status).toBe(400);
          const body = errorSchema.parse(await json(response));
          expect(body.error.fieldErrors).toEqual({
            asOf: [`expected a day YYYY-MM-DD, got ${asOf === "" ? "an empty string" : JSON.stringify(asOf)}`],
          });
          expect(body.error.message).toContain("asOf: expected a day YYYY-MM-DD");
          expect(response.headers.get("cache-control")).toBe("public, max-age=10, s-maxage=10");
          expect(response.headers.get("access-control-allow-origin")).toBe("*");
        }
      },
    );

    it("refuses asOf given twice", async () => {
      const response = await get(
        api.health.GET,
        agreementPath(ORG, AGREEMENT, "/health?asOf=2025-10-31&asOf=2025-11-21"),
        { org: ORG, agreement: AGREEMENT },
      );
      expect(response.status).toBe(400);
      expect(errorSchema.parse(await json(response)).error.fieldErrors).toEqual({
        asOf: ["expected a day YYYY-MM-DD, got 2 items"],
      });
    });

    it("ignores unknown query parameters", async () => {
      const response = await get(api.agreements.GET, `/api/v1/${ORG}/agreements?_=123`, { org: ORG });
      expect(response.status).toBe(200);
    });

    it("answers a malformed slug with the same 404 as a missing one, naming the field", async () => {
      const response = await get(api.agreement.GET, agreementPath(ORG, "Not_A_Slug"), {
        org: ORG,
        agreement: "Not_A_Slug",
      });
      expect(response.status).toBe(404);
      const body = errorSchema.parse(await json(response));
      expect(body.error.message).toBe(`The organisation "${ORG}" has no published agreement "Not_A_Slug".`);
      expect(Object.keys(body.error.fieldErrors ?? {})).toEqual(["agreement"]);
    });
  });

  describe("headers", () => {
    it("opens every answer to any origin, without credentials, and lets shared caches keep it briefly", async () => {
      const response = await get(
        api.agreements.GET,
        `/api/v1/${ORG}/agreements`,
        { org: ORG },
        {
          headers: { Origin: "https://example.org" },
        },
      );
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("cache-control")).toBe("public, s-maxage=1, stale-while-revalidate=59");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    });

    it("answers a CORS preflight for GET, HEAD and OPTIONS", async () => {
      for (const route of Object.values(api)) {
        const response = await route.OPTIONS(
          new Request("http://localhost/api/v1/demo/agreements", { method: "OPTIONS" }),
          {
            params: Promise.resolve({}),
          },
        );
        expect(response.status).toBe(204);
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
        expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
        expect(response.headers.get("access-control-allow-headers")).toBe("*");
        expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      }
    });
  });
});

describe("when the database is unavailable", () => {
  it("answers 503 with Retry-After, and nothing is cached", async () => {
    // Nothing installed: the handlers open the configured database, here a local port where nothing listens.
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgres://accordwatch@127.0.0.1:9/accordwatch";
    try {
      const api = await loadRoutes();
      for (const [route, path, params] of [
        [api.agreements, `/api/v1/${ORG}/agreements`, { org: ORG }],
        [api.health, agreementPath(ORG, AGREEMENT, "/health"), { org: ORG, agreement: AGREEMENT }],
        [api.milestones, agreementPath(ORG, AGREEMENT, "/milestones.csv"), { org: ORG, agreement: AGREEMENT }],
        [api.export, `/api/v1/${ORG}/export`, { org: ORG }],
      ] as const) {
        const response = await get(route.GET, path, params);
        expect(response.status, path).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
        const body = errorSchema.parse(await json(response));
        // The database's address stays on the server.
        expect(body.error.message).toBe("The database is unavailable; please try again shortly.");
      }
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
