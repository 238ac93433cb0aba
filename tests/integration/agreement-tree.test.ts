/**
 * lib/data/agreement-tree.ts findAgreementTrees reads exactly what Prisma's `include: agreementTree` reads (the rows
 * toAgreement and the workspace's versions are built from), in the same order, and lib/data/agreement-documents.ts
 * findAgreementDocuments exactly what toAgreement and toSource make of those rows: on both engines with the demo and
 * a draft copy, and on PostgreSQL with a generated Scale dataset (bench/scale/generator.ts) of every kind of record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer } from "@/lib/auth/viewer";
import { findAgreementDocuments } from "@/lib/data/agreement-documents";
import { findAgreementTrees } from "@/lib/data/agreement-tree";
import { importDataset } from "@/lib/data/import-dataset";
import { agreementTree, toAgreement, toSource } from "@/lib/data/mappers";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { healthAt } from "@/lib/domain/scorecard";
import type { Agreement, Source } from "@/lib/domain/types";
import { connect, FULL_SCALE, generateScale } from "../../bench/scale/generator";
import { createPostgresDatabase, type PostgresTestDatabase, type TestDatabase } from "../support/databases";
import { demoWithDraft, ENGINES } from "../support/demo";

async function expectSameTrees(prisma: PrismaClient, orgSlug: string): Promise<number> {
  const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: orgSlug } });
  const orderBy = [{ title: "asc" as const }, { slug: "asc" as const }];
  const expected = await prisma.agreement.findMany({
    where: { organisationId: organisation.id },
    orderBy,
    include: agreementTree,
  });
  const { agreements, citedSources } = await findAgreementTrees(prisma, organisation.id, { orderBy });
  expect(agreements).toEqual(expected);

  const keys = new Set<string>();
  for (const a of expected) {
    for (const c of a.commitments) {
      for (const m of c.milestones) {
        for (const u of m.statusUpdates) for (const s of u.sources) keys.add(s.source.key);
        for (const d of m.deadlineChanges) for (const s of d.sources) keys.add(s.source.key);
        for (const e of m.evidenceLinks) keys.add(e.source.key);
      }
      for (const i of c.indicators) for (const o of i.observations) keys.add(o.source.key);
    }
  }
  const sources = await prisma.source.findMany({
    where: { organisationId: organisation.id, key: { in: [...keys] } },
    orderBy: { key: "asc" },
  });
  expect(citedSources).toEqual(sources);

  // The domain objects: what the mappers make of the same rows, with undefined members as the mappers leave them out.
  const documents = await findAgreementDocuments(prisma, organisation.id, { orderBy });
  expect(documents.agreements).toStrictEqual(expected.map(toAgreement));
  expect(documents.sources).toStrictEqual(sources.map(toSource));
  expectHealthRead(await findAgreementDocuments(prisma, organisation.id, { orderBy, detail: "health" }), documents);
  return expected.reduce((n, a) => n + a.commitments.reduce((m, c) => m + c.milestones.length, 0), 0);
}

/**
 * The `detail: "health"` read (agreement-documents.ts) is the whole read without what it says it leaves out, and
 * gives the same health on every day of the agreements' records, in both languages.
 */
function expectHealthRead(
  lean: { agreements: Agreement[]; sources: Source[] },
  full: { agreements: Agreement[]; sources: Source[] },
): void {
  const delaying = new Set(["CONTRADICTS", "INDICATES_DELAY"]);
  const cited = new Set<string>();
  const blanked = full.agreements.map((a): Agreement => ({
    ...a,
    commitments: a.commitments.map((c) => ({
      ...c,
      milestones: c.milestones.map((m) => ({
        ...m,
        statusUpdates: m.statusUpdates.map((u) => ({ ...u, rationale: "", sources: [] })),
        deadlineChanges: m.deadlineChanges.map((d) => ({ ...d, reason: "", sources: [] })),
        evidence: m.evidence.map((e) => {
          cited.add(e.source);
          return { ...e, quote: delaying.has(e.stance) ? e.quote : "" };
        }),
      })),
      indicators: c.indicators.map((i) => {
        for (const o of i.observations) cited.add(o.source);
        return i;
      }),
    })),
  }));
  expect(lean.agreements).toStrictEqual(blanked);
  // The same sources, in the order they are first cited (the full read's are by key).
  const byKey = (sources: readonly Source[]) => [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  expect(new Set(lean.sources.map((s) => s.id)).size).toBe(lean.sources.length);
  expect(byKey(lean.sources)).toStrictEqual(
    byKey(full.sources.filter((s) => cited.has(s.id)).map(({ url: _url, ...s }): Source => ({ ...s, title: "" }))),
  );

  let quoted = 0;
  full.agreements.forEach((agreement, i) => {
    const days = new Set([agreement.announced.date]);
    for (const c of agreement.commitments) {
      for (const m of c.milestones) {
        for (const u of m.statusUpdates) days.add(u.on.date);
        for (const d of m.deadlineChanges) days.add(d.on.date);
      }
    }
    for (const day of [...days]
      .sort()
      .filter((_, n) => n % 7 === 0)
      .concat("2030-01-01")) {
      for (const locale of ["en", "fr"] as const) {
        const health = healthAt(agreement, full.sources, day, locale);
        expect(healthAt(lean.agreements[i]!, lean.sources, day, locale)).toStrictEqual(health);
        quoted += JSON.stringify(health).split("“").length - 1;
      }
    }
  });
  // The quotes a reason shows came through (the demo and the generated datasets both have delaying evidence).
  expect(quoted).toBeGreaterThan(0);
}

describe.each(ENGINES)("findAgreementTrees on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    await importDataset(systemViewer("cli:agreement-tree-test"), "demo", demoWithDraft({ laterRecord: true }));
  });
  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("reads the demo and its draft copy as include: agreementTree does", async () => {
    expect(await expectSameTrees(db.prisma, "demo")).toBeGreaterThan(0);
  });

  it("reads nothing for an agreement that is not there, and answers [] for no match", async () => {
    const organisation = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: "demo" } });
    expect(await findAgreementTrees(db.prisma, organisation.id, { where: { slug: "nope" } })).toEqual({
      agreements: [],
      citedSources: [],
    });
    expect(await findAgreementDocuments(db.prisma, organisation.id, { where: { slug: "nope" } })).toEqual({
      agreements: [],
      sources: [],
    });
  });
});

describe("findAgreementTrees on a generated Scale dataset (PostgreSQL)", () => {
  let db: PostgresTestDatabase;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const client = await connect(db.url);
    try {
      await generateScale(client, {
        ...FULL_SCALE,
        organisations: 2,
        agreements: 6,
        commitments: 120,
        milestones: 700,
        evidenceLinks: 1_400,
        sourcesPerOrganisation: 300,
        bigCommitments: 10,
        bigMilestonesEach: 20,
      });
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("reads every organisation's agreements as include: agreementTree does", async () => {
    expect(await expectSameTrees(db.prisma, "scale-00")).toBeGreaterThan(200);
    expect(await expectSameTrees(db.prisma, "scale-01")).toBeGreaterThan(0);
  });
});
