/**
 * "Check only" of the workspace import (checkImportDocument) on both databases: it reports what an import would do
 * (the agreements, those the organisation has already, the sources) or every error of the document, writes nothing,
 * and agrees with what importDocument then does. Who may run it is the authorization matrix's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, systemViewer } from "@/lib/auth/viewer";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { checkImportDocument, importDocument } from "@/lib/data/import-dataset";
import { installDatabase } from "@/lib/db/client";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import { rowCounts } from "../support/counts";
import { validDocument } from "../support/invalid-documents";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const cli = systemViewer("cli:test");
const DEMO = "uk-france-small-boats-2025";

/** The demo with its agreement under another slug, and one more source of its own. */
function renamedDemo(slug: string): string {
  const document = JSON.parse(demoText) as { sources: object[]; agreements: Array<{ slug: string }> };
  return JSON.stringify({
    ...document,
    sources: [
      ...document.sources,
      { id: `${slug}-source`, outlet: "Elsewhere", title: "[A statement]", published: "2025", kind: "STATEMENT" },
    ],
    agreements: document.agreements.map((agreement) => ({ ...agreement, slug })),
  });
}

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("checking an import on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    expect((await importDocument(cli, "alpha", demoText)).ok).toBe(true);
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("reports a document of new agreements, with the sources the organisation has already, writing nothing", async () => {
    const before = await rowCounts(db.prisma);
    const outcome = await checkImportDocument(cli, "alpha", renamedDemo("a-new-agreement"));
    expect(outcome).toEqual({
      ok: true,
      check: {
        organisationExists: true,
        agreements: ["a-new-agreement"],
        existingAgreements: [],
        sources: 3,
        existingSources: 2,
      },
    });
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("names the agreements that exist already, and the import then refuses them unless asked to replace", async () => {
    const before = await rowCounts(db.prisma);
    const outcome = await checkImportDocument(cli, "alpha", demoText);
    expect(outcome).toMatchObject({ ok: true, check: { agreements: [DEMO], existingAgreements: [DEMO] } });
    expect(await rowCounts(db.prisma)).toEqual(before);

    await expect(importDocument(cli, "alpha", demoText)).rejects.toThrow(ConflictError);
    await expect(importDocument(cli, "alpha", demoText)).rejects.toThrow(`already has the agreement(s) ${DEMO}`);
    const replaced = await importDocument(cli, "alpha", demoText, { replace: true });
    expect(replaced).toMatchObject({ ok: true, result: { imported: [DEMO], replaced: [DEMO] } });
  });

  it("finds no conflict where the import then finds none", async () => {
    const text = renamedDemo("checked-then-imported");
    const outcome = await checkImportDocument(cli, "alpha", text);
    expect(outcome).toMatchObject({ ok: true, check: { existingAgreements: [] } });
    const imported = await importDocument(cli, "alpha", text);
    expect(imported).toMatchObject({ ok: true, result: { imported: ["checked-then-imported"], replaced: [] } });
    // Now it is there.
    expect(await checkImportDocument(cli, "alpha", text)).toMatchObject({
      ok: true,
      check: { existingAgreements: ["checked-then-imported"], existingSources: 3 },
    });
  });

  it("returns every error of an invalid document with its path, as the import does, writing nothing", async () => {
    const document = validDocument();
    document.colour = "blue";
    document.sources[0].kind = "BLOG";
    document.agreements[0].commitments[0].milestones[0].statusUpdates[0].status = "DONE";
    const text = JSON.stringify(document);
    const before = await rowCounts(db.prisma);
    const outcome = await checkImportDocument(cli, "alpha", text);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.path)).toEqual([
      "sources[0].kind",
      "agreements[0].commitments[0].milestones[0].statusUpdates[0].status",
      "colour",
    ]);
    expect(outcome.errors[1]?.message).toContain('got "DONE"');
    expect(await importDocument(cli, "alpha", text)).toEqual(outcome);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("says the command line would create an organisation that does not exist, and creates nothing", async () => {
    const before = await rowCounts(db.prisma);
    expect(await checkImportDocument(cli, "not-yet", demoText)).toMatchObject({
      ok: true,
      check: { organisationExists: false, agreements: [DEMO], existingAgreements: [], existingSources: 0 },
    });
    expect(await rowCounts(db.prisma)).toEqual(before);
    expect(await db.prisma.organisation.findUnique({ where: { slug: "not-yet" } })).toBeNull();
  });

  it("answers anyone else about an organisation that does not exist as about one they may not see", async () => {
    await expect(checkImportDocument(ANONYMOUS, "not-yet", demoText)).rejects.toThrow(NotFoundError);
    await expect(checkImportDocument(ANONYMOUS, "alpha", demoText)).rejects.toThrow('There is no organisation "alpha"');
  });
});
