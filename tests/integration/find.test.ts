/**
 * The find page's full-text search (issue 4, item 6; lib/data/public.ts searchPublishedMilestones) gives the same
 * answers on the embedded PGlite and on a PostgreSQL server, for ordinary words and for whatever a reader may type
 * (quotes, `&`, `|`, `:*`, unicode); it never returns a draft's records nor another organisation's; and it searches
 * only what existed on the as-of day.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, systemViewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { searchPublishedMilestones } from "@/lib/data/public";
import { installDatabase } from "@/lib/db/client";
import { MARK_END, MARK_START, type TextHit } from "@/lib/domain/find";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "../support/databases";
import { AGREEMENT, DRAFT, DRAFTS_ONLY_ORG, ORG, demoWithDraft, draftsOnly } from "../support/open-data";

const cli = systemViewer("cli:find-test");

type Search = Awaited<ReturnType<typeof searchPublishedMilestones>>;

/** [text, asOf]: words of the demo, words only the draft has, and what a reader may type that is no plain word. */
const QUERIES: ReadonlyArray<readonly [string, string]> = [
  ["backing", "2025-12-01"],
  ["backing", "2025-10-01"],
  ["back away", "2025-12-01"],
  ["taxi boats", "2025-12-01"],
  ['"taxi boats"', "2025-12-01"],
  ['"boats taxi"', "2025-12-01"],
  ["doctrine", "2025-12-01"],
  ["doctrine", "2025-10-31"],
  ["delay", "2025-12-01"],
  ["migrants", "2025-12-01"],
  ["153", "2025-12-01"],
  ["153", "2025-10-01"],
  ["returns", "2025-12-01"],
  ["France -doctrine", "2025-12-01"],
  ["Starmer or Macron", "2025-12-01"],
  ["police | tactics", "2025-12-01"],
  ["tactics & sea", "2025-12-01"],
  ["intercept:*", "2025-12-01"],
  ["interc:*", "2025-12-01"],
  ["!doctrine", "2025-12-01"],
  ["it's", "2025-12-01"],
  ["O'Brien \"unclosed", "2025-12-01"],
  ["'; DROP TABLE milestones; --", "2025-12-01"],
  ["())(( <-> :", "2025-12-01"],
  ["gendarmerie — maritime", "2025-12-01"],
  ["naïve café Überfahrt", "2025-12-01"],
  ["日本語 テスト", "2025-12-01"],
  ["émoji 🚤", "2025-12-01"],
  ["public", "2025-12-01"],
  ["Nothing of this is public", "2025-12-01"],
  ["the", "2025-12-01"],
  ["&|!", "2025-12-01"],
];

async function on<T>(db: TestDatabase, fn: () => Promise<T>): Promise<T> {
  const restore = installDatabase(db.database);
  try {
    return await fn();
  } finally {
    restore();
  }
}

function ids(result: Search): string[] {
  return [...new Set((result?.hits ?? []).map((h) => `${h.agreement}/${h.commitment}/${h.milestone}`))];
}

function hitsOf(result: Search): TextHit[] {
  if (result === null) throw new Error("no organisation");
  return result.hits;
}

describe("full-text search of the published milestones on PGlite and PostgreSQL", () => {
  let pglite: TestDatabase;
  let postgres: TestDatabase;
  const answers = new Map<string, { pglite: Search; postgres: Search }>();

  beforeAll(async () => {
    [pglite, postgres] = await Promise.all([createPgliteDatabase(), createPostgresDatabase()]);
    for (const db of [pglite, postgres]) {
      await on(db, async () => {
        await importDataset(cli, ORG, demoWithDraft(), { organisationName: "Accordwatch demo" });
        await importDataset(cli, DRAFTS_ONLY_ORG, draftsOnly(), { organisationName: "Drafts only" });
      });
    }
    for (const [text, asOf] of QUERIES) {
      answers.set(`${text}@${asOf}`, {
        pglite: await on(pglite, () => searchPublishedMilestones(ANONYMOUS, ORG, text, asOf)),
        postgres: await on(postgres, () => searchPublishedMilestones(ANONYMOUS, ORG, text, asOf)),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([pglite?.drop(), postgres?.drop()]);
  });

  const answer = (text: string, asOf = "2025-12-01") => {
    const found = answers.get(`${text}@${asOf}`);
    if (!found) throw new Error(`not queried: ${text}@${asOf}`);
    return found.pglite;
  };

  it.each(QUERIES)("answers %j as of %s identically on both engines, snippets included", (text, asOf) => {
    const found = answers.get(`${text}@${asOf}`);
    expect(found?.pglite).not.toBeNull();
    expect(found?.postgres).toEqual(found?.pglite);
  });

  it("never returns a draft's records, though the draft holds the same words", () => {
    for (const { pglite: result } of answers.values()) {
      expect(hitsOf(result).filter((h) => h.agreement !== AGREEMENT)).toEqual([]);
    }
    expect(hitsOf(answer("public"))).toEqual([]);
    expect(hitsOf(answer("Nothing of this is public"))).toEqual([]);
    expect(DRAFT).not.toBe(AGREEMENT);
  });

  it("finds the BBC's quote on the deployment by a word of it, marking the word", () => {
    const hits = hitsOf(answer("backing"));
    expect(ids(answer("backing"))).toEqual([`${AGREEMENT}/maritime-interception/deploy-tactics`]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ field: "evidence", source: "bbc-2025-10-23" });
    expect(hits[0]?.snippet).toContain(`${MARK_START}backing${MARK_END} away`);
  });

  it("matches other forms of a word ('english' stemming): 'back away' finds 'backing away'", () => {
    expect(ids(answer("back away"))).toEqual([`${AGREEMENT}/maritime-interception/deploy-tactics`]);
  });

  it("does not search a source published after the as-of day", () => {
    expect(hitsOf(answer("backing", "2025-10-01"))).toEqual([]);
    const before = hitsOf(answer("153", "2025-10-01"));
    expect(before.map((h) => h.field)).toEqual(["status-update"]);
    const after = hitsOf(answer("153"));
    expect(after.map((h) => h.field)).toEqual(["status-update", "evidence", "observation"]);
  });

  it("keeps phrases in order and honours or and -word", () => {
    expect(ids(answer('"taxi boats"'))).toEqual([`${AGREEMENT}/maritime-interception/adopt-doctrine`]);
    expect(hitsOf(answer('"boats taxi"'))).toEqual([]);
    // -word leaves out each record that has the word, not the milestone: its other records may still match.
    const withoutDoctrine = hitsOf(answer("France -doctrine"));
    expect(withoutDoctrine.length).toBeGreaterThan(0);
    for (const hit of withoutDoctrine) expect(hit.snippet.toLowerCase()).not.toContain("doctrine");
    expect(ids(answer("Starmer or Macron")).length).toBeGreaterThan(0);
  });

  it("gives a hit on a commitment's title or its observations to each of its milestones", () => {
    expect(hitsOf(answer("returns")).map((h) => `${h.milestone}:${h.field}`)).toContain("enact-scheme:commitment");
    expect(hitsOf(answer("153")).find((h) => h.field === "observation")).toMatchObject({
      milestone: "enact-scheme",
      source: "times-2025-11",
    });
  });

  it("says when a text has nothing to search for, and never fails on what a reader types", () => {
    expect(answer("the")).toEqual({ searchable: false, hits: [] });
    expect(answer("&|!")).toEqual({ searchable: false, hits: [] });
    expect(answer("())(( <-> :")).toEqual({ searchable: false, hits: [] });
    for (const text of [
      "'; DROP TABLE milestones; --",
      "O'Brien \"unclosed",
      "日本語 テスト",
      "naïve café Überfahrt",
    ]) {
      expect(answer(text)?.searchable).toBe(true);
    }
    // A bound parameter: the words are searched (no record has all three), nothing is run.
    expect(hitsOf(answer("'; DROP TABLE milestones; --"))).toEqual([]);
    expect(ids(answer("intercept:*")).length).toBeGreaterThan(0);
  });

  it("searches one organisation only: another's published nothing, an unknown one does not exist", async () => {
    for (const db of [pglite, postgres]) {
      expect(
        await on(db, () => searchPublishedMilestones(ANONYMOUS, DRAFTS_ONLY_ORG, "backing", "2025-12-01")),
      ).toEqual({ searchable: true, hits: [] });
      expect(await on(db, () => searchPublishedMilestones(ANONYMOUS, "no-such-org", "backing", "2025-12-01"))).toBe(
        null,
      );
    }
  });

  it("uses the GIN indexes on PostgreSQL", async () => {
    const client = postgres.prisma;
    await client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const plan = await tx.$queryRaw<Array<{ "QUERY PLAN": string }>>`
        EXPLAIN SELECT id FROM evidence_links
         WHERE search_vector(quote) @@ search_query(${"backing"})`;
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("evidence_links_quote_fts");
    });
  });
});
