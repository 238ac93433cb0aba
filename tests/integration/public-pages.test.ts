/**
 * The public reads behind the commitment, milestone and source pages (issue 4, item 1), on both databases: a source's
 * page is built from the published agreements that cite it, never from a draft, never across organisations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, systemViewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { getPublishedSource } from "@/lib/data/public";
import { installDatabase } from "@/lib/db/client";
import { sourceCitations } from "@/lib/domain/citations";
import { parseInterchangeText } from "@/lib/domain/interchange";
import type { Agreement, Dataset, Source } from "@/lib/domain/types";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const cli = systemViewer("cli:public-pages-test");

function demo(): Dataset {
  const parsed = parseInterchangeText(demoText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

const DEMO = demo();
const PUBLISHED = DEMO.agreements[0]!;
const DRAFT_SOURCE: Source = {
  id: "draft-only-source",
  outlet: "Draft Gazette",
  title: "Cited by a draft only",
  published: { date: "2025-12-01", precision: "DAY" },
  kind: "MEDIA_REPORT",
};

/** The demo, a draft copy that also cites the demo's sources, and a source only the draft cites. */
function demoWithDraft(): Dataset {
  const draft: Agreement = {
    ...PUBLISHED,
    slug: "draft-copy",
    title: "A draft copy",
    published: false,
    commitments: PUBLISHED.commitments.map((c) => ({
      ...c,
      milestones: c.milestones.map((m) => ({
        ...m,
        evidence: [...m.evidence, { source: DRAFT_SOURCE.id, stance: "CONTRADICTS", quote: "Draft only." }],
      })),
    })),
  };
  return { sources: [...DEMO.sources, DRAFT_SOURCE], agreements: [PUBLISHED, draft] };
}

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("public reads of sources on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    expect((await importDataset(cli, "demo", demoWithDraft())).sources).toBeGreaterThan(0);
    // Another organisation with a source of the same key but another title.
    const renamed = DEMO.sources.map((s) => (s.id === "bbc-2025-10-23" ? { ...s, title: "Other organisation's" } : s));
    await importDataset(cli, "other", { ...DEMO, sources: renamed });
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("gives a cited source with the published agreements that cite it, drafts left out", async () => {
    const found = await getPublishedSource(ANONYMOUS, "demo", "bbc-2025-10-23");
    expect(found?.organisation).toEqual({ slug: "demo", name: expect.any(String) });
    expect(found?.source).toEqual(DEMO.sources.find((s) => s.id === "bbc-2025-10-23"));
    expect(found?.agreements.map((a) => a.slug)).toEqual([PUBLISHED.slug]);
    expect(found?.agreements[0]).toEqual(PUBLISHED);
  });

  it("lists every kind of citation of The Times, an observation included, as the pure function does", async () => {
    const found = await getPublishedSource(ANONYMOUS, "demo", "times-2025-11");
    if (found === null) throw new Error("not found");
    const kinds = new Set(sourceCitations(found.agreements, found.source, "2026-01-01").map((c) => c.kind));
    expect([...kinds].sort()).toEqual(["DEADLINE_CHANGE", "EVIDENCE", "OBSERVATION", "STATUS_UPDATE"]);
  });

  it("answers null for a source cited by drafts only, an unknown source and an unknown organisation", async () => {
    expect(await getPublishedSource(ANONYMOUS, "demo", DRAFT_SOURCE.id)).toBeNull();
    expect(await getPublishedSource(ANONYMOUS, "demo", "no-such-source")).toBeNull();
    expect(await getPublishedSource(ANONYMOUS, "no-such-org", "bbc-2025-10-23")).toBeNull();
  });

  it("reads each organisation's own source of a shared key", async () => {
    const other = await getPublishedSource(ANONYMOUS, "other", "bbc-2025-10-23");
    expect(other?.source.title).toBe("Other organisation's");
    expect(other?.organisation.slug).toBe("other");
    const own = await getPublishedSource(ANONYMOUS, "demo", "bbc-2025-10-23");
    expect(own?.source.title).not.toBe("Other organisation's");
  });
});
