/**
 * lib/data/public.ts findPublishedMilestones, the find page's read, reads and computes an organisation's published
 * agreements AGREEMENTS_PER_BATCH at a time and keeps one page: it must answer exactly what the whole
 * organisation read at once gives (findAgreementDocuments of every published agreement, then lib/domain/find.ts
 * findMilestones, findOptions and pageOfResults over all of it), for every filter, page and a text search: on a generated dataset of several batches
 * (PostgreSQL), and on the demo on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { systemViewer } from "@/lib/auth/viewer";
import { AGREEMENTS_PER_BATCH, findAgreementDocuments } from "@/lib/data/agreement-documents";
import { findPublishedMilestones, readPublishedInBatches, searchPublishedMilestones } from "@/lib/data/public";
import { organisationChangesFeed } from "@/lib/feeds/changes-feed";
import { importDataset } from "@/lib/data/import-dataset";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { FIND_PAGE_SIZE, findMilestones, findOptions, pageOfResults, type FoundMilestone } from "@/lib/domain/find";
import type { FindFilters } from "@/lib/domain/schemas/find";
import { connect, FULL_SCALE, generateScale } from "../../bench/scale/generator";
import { createPostgresDatabase, type PostgresTestDatabase, type TestDatabase } from "../support/databases";
import { oneBatch } from "../support/batches";
import { demoDataset, ENGINES } from "../support/demo";

const NONE: FindFilters = { q: null, party: null, health: [], owner: null, tag: null, overdue: false };

/** What a found milestone is, for comparing: where it is, its health, its hits. */
const summary = (found: FoundMilestone) => ({
  agreement: found.agreement.slug,
  commitment: found.commitment.id,
  milestone: found.milestone.id,
  health: found.health,
  hits: found.hits,
});

/** The whole organisation read at once, as the find page did before it read in batches. */
async function expected(prisma: PrismaClient, org: string, filters: FindFilters, asOf: string, page: number) {
  const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: org } });
  const all = await findAgreementDocuments(prisma, organisation.id, {
    where: { published: true },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
  });
  let applied = filters;
  let hits = null;
  if (filters.q !== null) {
    const search = await searchPublishedMilestones(ANONYMOUS, org, filters.q, asOf);
    if (search?.searchable) hits = search.hits;
    else applied = { ...filters, q: null };
  }
  const results = pageOfResults(findMilestones(all.agreements, all.sources, applied, asOf, hits, "en"), page);
  const cited = new Set(results.items.flatMap((f) => f.hits.flatMap((h) => (h.source === null ? [] : [h.source]))));
  return {
    options: findOptions(all.agreements),
    filters: applied,
    results: { ...results, items: results.items.map(summary) },
    sources: all.sources.filter((s) => cited.has(s.id)).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

async function actual(org: string, filters: FindFilters, asOf: string, page: number) {
  const found = await findPublishedMilestones(ANONYMOUS, org, { filters, asOf, page, locale: "en" });
  if (found === null) throw new Error(`${org} publishes nothing`);
  return {
    options: found.options,
    filters: found.filters,
    results: { ...found.results, items: found.results.items.map(summary) },
    sources: [...found.sources].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe("findPublishedMilestones on a generated dataset of several batches (PostgreSQL)", () => {
  let db: PostgresTestDatabase;
  let restore: () => void;
  let published: number;
  let owner: string;
  let tag: string;

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const client = await connect(db.url);
    try {
      await generateScale(client, {
        ...FULL_SCALE,
        organisations: 1,
        agreements: 3 * AGREEMENTS_PER_BATCH,
        commitments: 150,
        milestones: 900,
        evidenceLinks: 1_800,
        sourcesPerOrganisation: 300,
        bigCommitments: 10,
        bigMilestonesEach: 20,
      });
    } finally {
      await client.end();
    }
    restore = installDatabase(db.database);
    published = await db.prisma.agreement.count({ where: { published: true } });
    const milestone = await db.prisma.milestone.findFirstOrThrow({ orderBy: { id: "asc" } });
    owner = milestone.owner;
    const tagged = await db.prisma.commitment.findFirstOrThrow({ where: { NOT: { tags: { isEmpty: true } } } });
    tag = tagged.tags[0]!;
  });
  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("spans more than two batches", () => {
    expect(published).toBeGreaterThan(2 * AGREEMENTS_PER_BATCH);
  });

  it.each([
    ["no filter, page 1", {}, 1],
    ["no filter, page 2", {}, 2],
    ["no filter, a page in the middle", {}, 9],
    ["no filter, a page beyond the last", {}, 10_000],
    ["stalled or at risk", { health: ["STALLED", "AT_RISK"] }, 1],
    ["overdue, page 2", { overdue: true }, 2],
    ["a party", { party: "FR" }, 3],
    ["an owner", "owner", 1],
    ["a tag", "tag", 1],
    ["a common word", { q: "patrol" }, 2],
    ["a phrase", { q: '"border security"' }, 1],
    ["a word and a health", { q: "delay", health: ["ON_TRACK", "AT_RISK", "STALLED"] }, 1],
    ["a text with no searchable word", { q: "the" }, 1],
  ] as const)("%s: as the whole organisation read at once", async (_name, asked, page) => {
    const filters: FindFilters =
      asked === "owner" ? { ...NONE, owner } : asked === "tag" ? { ...NONE, tag } : { ...NONE, ...asked };
    for (const asOf of ["2025-11-21", "2026-06-30"]) {
      const want = await expected(db.prisma, "scale-00", filters, asOf, page);
      expect(await actual("scale-00", filters, asOf, page)).toStrictEqual(want);
    }
  });

  it("finds results in more than one batch, and pages of FIND_PAGE_SIZE", async () => {
    const found = await actual("scale-00", NONE, "2025-11-21", 1);
    expect(found.results.items).toHaveLength(FIND_PAGE_SIZE);
    const last = await actual("scale-00", NONE, "2025-11-21", found.results.pages);
    expect(new Set([...found.results.items, ...last.results.items].map((f) => f.agreement)).size).toBeGreaterThan(1);
  });

  it.each([7, 100, 5_000])(
    "builds the organisation feed of %i entries in batches as from the whole organisation at once",
    async (entries) => {
      const organisation = await db.prisma.organisation.findUniqueOrThrow({ where: { slug: "scale-00" } });
      const whole = await findAgreementDocuments(db.prisma, organisation.id, {
        where: { published: true },
        orderBy: [{ title: "asc" }, { slug: "asc" }],
      });
      const context = { origin: "https://accordwatch.example", until: "2026-06-30", entries };
      const summary = { slug: organisation.slug, name: organisation.name };
      const want = await organisationChangesFeed(
        { organisation: summary, batches: oneBatch(whole.agreements, whole.sources) },
        context,
      );
      const published = await readPublishedInBatches(ANONYMOUS, "scale-00");
      expect(published).not.toBeNull();
      expect(await organisationChangesFeed(published!, context)).toBe(want);
      // The links of each entry's agreement and the sources of its content were kept across the batches.
      expect(want).toContain('<link href="https://accordwatch.example/scale-00/');
      expect((want.match(/<entry>/g) ?? []).length).toBe(entries);
    },
  );

  it("answers null for an organisation that does not exist", async () => {
    expect(
      await findPublishedMilestones(ANONYMOUS, "nope", { filters: NONE, asOf: "2025-11-21", page: 1, locale: "en" }),
    ).toBeNull();
  });
});

describe.each(ENGINES)("findPublishedMilestones on the demo (%s)", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    await importDataset(systemViewer("cli:find-published-test"), "demo", demoDataset());
  });
  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it.each([
    ["no filter", NONE],
    ["a word with its sources", { ...NONE, q: "backing" }],
    ["overdue", { ...NONE, overdue: true }],
  ] as const)("%s: as the whole organisation read at once", async (_n, filters) => {
    const want = await expected(db.prisma, "demo", filters, "2025-12-01", 1);
    expect(want.results.total).toBeGreaterThan(0);
    expect(await actual("demo", filters, "2025-12-01", 1)).toStrictEqual(want);
  });
});
