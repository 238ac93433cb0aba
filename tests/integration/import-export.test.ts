/**
 * Import and export through the data layer on both databases (spec/interchange.md): the round trip is
 * byte-identical, an invalid document or a conflict changes nothing, a replacement is one audit event.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/data/errors";
import { importDataset, importDocument } from "@/lib/data/import-dataset";
import { loadDataset } from "@/lib/data/load-dataset";
import { getPublishedAgreement, listPublishedAgreementsByOrganisation } from "@/lib/data/public";
import { installDatabase } from "@/lib/db/client";
import { evaluateDataset } from "@/lib/domain/health";
import { parseInterchangeText, serializeInterchange } from "@/lib/domain/interchange";
import type { Dataset } from "@/lib/domain/types";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import { invalidCases, validDocument } from "../support/invalid-documents";
import { rowCounts } from "../support/counts";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const cli = systemViewer("cli:test");

function parse(text: string): Dataset {
  const parsed = parseInterchangeText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

/** The broken documents that JSON text can carry (Infinity, for one, cannot: it becomes null). */
const textCases = invalidCases.flatMap((c) => {
  const doc = validDocument();
  const returned = c.breakIt(doc);
  const broken = returned === undefined ? doc : returned;
  const text = JSON.stringify(broken);
  return text !== undefined && isDeepStrictEqual(JSON.parse(text), broken) ? [[c.name, { ...c, text }] as const] : [];
});

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("import and export on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    const result = await importDocument(cli, "alpha", demoText);
    expect(result.ok).toBe(true);
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("exports the demo as the very bytes of its file", async () => {
    expect(serializeInterchange(await loadDataset(cli, "alpha"))).toBe(demoText);
  });

  it("gives the same bytes after export, import into an empty organisation, export", async () => {
    const first = serializeInterchange(await loadDataset(cli, "alpha"));
    const outcome = await importDocument(cli, "beta", first);
    expect(outcome).toMatchObject({ ok: true, result: { organisationCreated: true, agreements: 1 } });
    expect(serializeInterchange(await loadDataset(cli, "beta"))).toBe(first);
  });

  it("round-trips a document with drafts, every date precision, indicators with targets and several updates a day", async () => {
    const doc = validDocument();
    doc.agreements[0].commitments[0].milestones[0].statusUpdates.push(
      { on: "2025-07", status: "NOT_STARTED", rationale: "Same month, later in the array", sources: [] },
      { on: "2025-Q3", status: "IN_PROGRESS", rationale: "Quarter precision", sources: ["bbc-2025-10-23"] },
    );
    const text = serializeInterchange(parse(JSON.stringify(doc)));
    const outcome = await importDocument(cli, "gamma", text);
    expect(outcome.ok).toBe(true);
    expect(serializeInterchange(await loadDataset(cli, "gamma"))).toBe(text);
  });

  it("computes the same health from the database as from the file", async () => {
    for (const asOf of ["2025-10-31", "2025-11-21", "2025-12-01"]) {
      expect(evaluateDataset(await loadDataset(cli, "alpha"), asOf)).toEqual(evaluateDataset(parse(demoText), asOf));
    }
  });

  it("tries at least 15 kinds of invalid document", () => expect(textCases.length).toBeGreaterThanOrEqual(15));

  it.each(textCases)(
    "refuses %s with its path and leaves the database unchanged",
    async (_kind, { text, path: errorPath, message }) => {
      const before = await rowCounts(db.prisma);
      const outcome = await importDocument(cli, "delta", text);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.errors).toEqual(
        expect.arrayContaining([{ path: errorPath, message: expect.stringContaining(message) }]),
      );
      expect(await rowCounts(db.prisma)).toEqual(before);
    },
  );

  it("refuses an agreement that exists already, changing nothing, unless asked to replace it", async () => {
    const before = await rowCounts(db.prisma);
    await expect(importDocument(cli, "alpha", demoText)).rejects.toThrow(ConflictError);
    expect(await rowCounts(db.prisma)).toEqual(before);

    const outcome = await importDocument(cli, "alpha", demoText, { replace: true });
    expect(outcome).toMatchObject({ ok: true, result: { replaced: ["uk-france-small-boats-2025"] } });
    const after = await rowCounts(db.prisma);
    expect(after.auditEvents).toBe((before.auditEvents ?? 0) + 1);
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
    const event = await db.prisma.auditEvent.findFirst({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "organisation.import.replace", actor: "cli:test" });
    expect(serializeInterchange(await loadDataset(cli, "alpha"))).toBe(demoText);
  });

  it("leaves nothing behind when the import fails half-way, not even the organisation it created", async () => {
    const before = await rowCounts(db.prisma);
    const dataset = parse(demoText);
    // Bypass validation: a citation of a source the document does not carry fails inside the transaction.
    const broken: Dataset = { ...dataset, sources: dataset.sources.slice(1) };
    await expect(importDataset(cli, "epsilon", broken)).rejects.toThrow(/missing from the import/);
    expect(await rowCounts(db.prisma)).toEqual(before);
    expect(await db.prisma.organisation.findUnique({ where: { slug: "epsilon" } })).toBeNull();
  });

  it("exports publicly the published agreements only and the sources they cite", async () => {
    const doc = validDocument();
    expect(await importDocument(cli, "zeta", JSON.stringify(doc))).toMatchObject({ ok: true });
    const full = await loadDataset(cli, "zeta");
    const open = await loadDataset(cli, "zeta", { publicOnly: true });
    expect(full.agreements.map((a) => a.slug)).toEqual(["a-draft", "uk-france-small-boats-2025"]);
    expect(open.agreements.map((a) => a.slug)).toEqual(["uk-france-small-boats-2025"]);
    expect(full.sources.map((s) => s.id)).toContain("uncited");
    expect(open.sources.map((s) => s.id)).not.toContain("uncited");
  });

  it("shows the public only published agreements", async () => {
    const listed = await listPublishedAgreementsByOrganisation(ANONYMOUS);
    const zeta = listed.find((entry) => entry.organisation.slug === "zeta");
    expect(zeta?.agreements.map((a) => a.slug)).toEqual(["uk-france-small-boats-2025"]);
    expect(await getPublishedAgreement(ANONYMOUS, "zeta", "a-draft")).toBeNull();
    expect(await getPublishedAgreement(ANONYMOUS, "zeta", "uk-france-small-boats-2025")).not.toBeNull();
    expect(await getPublishedAgreement(ANONYMOUS, "no-such-org", "uk-france-small-boats-2025")).toBeNull();
  });

  it("does not let the public import or export a whole organisation, nor learn that it exists", async () => {
    const before = await rowCounts(db.prisma);
    await expect(importDocument(ANONYMOUS, "alpha", demoText, { replace: true })).rejects.toThrow(
      'There is no organisation "alpha".',
    );
    await expect(importDocument(ANONYMOUS, "new-org", demoText)).rejects.toThrow('There is no organisation "new-org".');
    await expect(loadDataset(ANONYMOUS, "alpha")).rejects.toThrow('There is no organisation "alpha".');
    expect(await rowCounts(db.prisma)).toEqual(before);
  });
});
