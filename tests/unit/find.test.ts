/**
 * The find page's filters (issue 4, item 6) on the demo dataset as its story unfolds (tests/unit/demo-story.test.ts):
 * health and the overdue flag as of a day, party, owner, tag, text hits, and all of them at once; and the query
 * schema behind the page's address.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, test } from "vitest";
import {
  FIND_PAGE_SIZE,
  findMilestones,
  findOptions,
  FindOptionsCollector,
  MARK_END,
  MARK_START,
  PageCollector,
  pageOfResults,
  snippetParts,
  type TextHit,
} from "@/lib/domain/find";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { findQueryOf, resolveFindQuery, type FindFilters } from "@/lib/domain/schemas/find";
import { findPath } from "@/lib/urls";
import type { Dataset } from "@/lib/domain/types";

const file = path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json");
const AGREEMENT = "uk-france-small-boats-2025";

function demo(): Dataset {
  const parsed = parseInterchangeText(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

const dataset = demo();
const NONE: FindFilters = { q: null, party: null, health: [], owner: null, tag: null, overdue: false };

/** The ids of the milestones found, in order. */
function found(filters: Partial<FindFilters>, asOf: string, hits: TextHit[] | null = null): string[] {
  return findMilestones(dataset.agreements, dataset.sources, { ...NONE, ...filters }, asOf, hits).map(
    (r) => r.milestone.id,
  );
}

function hit(commitment: string, milestone: string, field: TextHit["field"] = "evidence"): TextHit {
  return { agreement: AGREEMENT, commitment, milestone, field, source: null, snippet: "x" };
}

describe("findMilestones on the demo dataset", () => {
  test.each<[string, Partial<FindFilters>, string, string[]]>([
    [
      "no filter: every milestone, in scorecard order",
      {},
      "2025-12-01",
      ["adopt-doctrine", "deploy-tactics", "enact-scheme"],
    ],
    ["overdue on 1 December 2025: the deployment", { overdue: true }, "2025-12-01", ["deploy-tactics"]],
    ["overdue on its deadline day, 30 November 2025: none", { overdue: true }, "2025-11-30", []],
    ["overdue on 31 October 2025: none", { overdue: true }, "2025-10-31", []],
    [
      "stalled on 31 October 2025: the doctrine and the deployment",
      { health: ["STALLED"] },
      "2025-10-31",
      ["adopt-doctrine", "deploy-tactics"],
    ],
    ["stalled on 1 December 2025: the deployment only", { health: ["STALLED"] }, "2025-12-01", ["deploy-tactics"]],
    ["partly delivered on 21 November 2025: the doctrine", { health: ["PARTIAL"] }, "2025-11-21", ["adopt-doctrine"]],
    [
      "on track on 31 July 2025: the doctrine, before the BBC report",
      { health: ["ON_TRACK"] },
      "2025-07-31",
      ["adopt-doctrine", "deploy-tactics", "enact-scheme"],
    ],
    [
      "done or partial on 1 December 2025",
      { health: ["DONE", "PARTIAL"] },
      "2025-12-01",
      ["adopt-doctrine", "enact-scheme"],
    ],
    ["broken on 1 December 2025: none", { health: ["BROKEN"] }, "2025-12-01", []],
    [
      "party FR: France's commitment and the joint one",
      { party: "FR" },
      "2025-12-01",
      ["adopt-doctrine", "deploy-tactics", "enact-scheme"],
    ],
    ["party GB: the joint commitment only", { party: "GB" }, "2025-12-01", ["enact-scheme"]],
    ["a party of no published agreement: none", { party: "DE" }, "2025-12-01", []],
    ["owner of a milestone", { owner: "French gendarmerie — maritime gendarmes" }, "2025-12-01", ["deploy-tactics"]],
    [
      "owner of a commitment: each of its milestones",
      { owner: "French Interior Ministry — Gendarmerie" },
      "2025-12-01",
      ["adopt-doctrine", "deploy-tactics"],
    ],
    ["an owner nobody has", { owner: "Nobody" }, "2025-12-01", []],
    ["tag maritime", { tag: "maritime" }, "2025-12-01", ["adopt-doctrine", "deploy-tactics"]],
    ["tag returns", { tag: "returns" }, "2025-12-01", ["enact-scheme"]],
    ["party GB with tag maritime: none", { party: "GB", tag: "maritime" }, "2025-12-01", []],
    [
      "FR, tag maritime, stalled and overdue on 1 December 2025",
      { party: "FR", tag: "maritime", health: ["STALLED"], overdue: true },
      "2025-12-01",
      ["deploy-tactics"],
    ],
    [
      "FR, tag maritime, stalled and overdue on 30 November 2025: none yet",
      { party: "FR", tag: "maritime", health: ["STALLED"], overdue: true },
      "2025-11-30",
      [],
    ],
  ])("%s", (_name, filters, asOf, expected) => {
    expect(found(filters, asOf)).toEqual(expected);
  });

  it("keeps only the milestones with a text hit when text was searched, with their hits", () => {
    const hits = [
      hit("maritime-interception", "deploy-tactics"),
      hit("maritime-interception", "deploy-tactics", "milestone"),
    ];
    const results = findMilestones(dataset.agreements, dataset.sources, { ...NONE, q: "backing" }, "2025-12-01", hits);
    expect(results.map((r) => r.milestone.id)).toEqual(["deploy-tactics"]);
    expect(results[0]?.hits).toEqual(hits);
    expect(results[0]?.health.health).toBe("STALLED");
  });

  it("combines text hits with the other filters", () => {
    const hits = [hit("maritime-interception", "adopt-doctrine"), hit("maritime-interception", "deploy-tactics")];
    expect(found({ q: "doctrine", overdue: true }, "2025-12-01", hits)).toEqual(["deploy-tactics"]);
    expect(found({ q: "doctrine", health: ["PARTIAL"] }, "2025-12-01", hits)).toEqual(["adopt-doctrine"]);
    expect(found({ q: "doctrine", tag: "returns" }, "2025-12-01", hits)).toEqual([]);
  });

  it("finds nothing for a text with no hit, and ignores hits of other agreements", () => {
    expect(found({ q: "zzz" }, "2025-12-01", [])).toEqual([]);
    const elsewhere = { ...hit("maritime-interception", "adopt-doctrine"), agreement: "another-agreement" };
    expect(found({ q: "doctrine" }, "2025-12-01", [elsewhere])).toEqual([]);
  });

  it("refuses a text query without the search's hits", () => {
    expect(() => found({ q: "doctrine" }, "2025-12-01", null)).toThrow(/needs the search's hits/);
  });

  it("gives the health and flags the scorecard gives that day", () => {
    const [deployment] = findMilestones(dataset.agreements, dataset.sources, { ...NONE, overdue: true }, "2025-12-01");
    expect(deployment?.health.flags[0]).toMatchObject({
      flag: "OVERDUE",
      since: "2025-12-01",
      reason: "Overdue since 1 December 2025 (deadline: November 2025)",
    });
  });
});

describe("findOptions", () => {
  it("lists the parties, owners and tags of the demo, sorted", () => {
    expect(findOptions(dataset.agreements)).toEqual({
      parties: ["FR", "GB"],
      owners: ["French Interior Ministry — Gendarmerie", "French gendarmerie — maritime gendarmes", "Home Office"],
      tags: ["enforcement", "maritime", "returns"],
    });
  });
});

describe("snippetParts", () => {
  test.each([
    ["plain text", "no match here", [{ text: "no match here", match: false }]],
    [
      "marked words",
      `France is ${MARK_START}backing${MARK_END} away`,
      [
        { text: "France is ", match: false },
        { text: "backing", match: true },
        { text: " away", match: false },
      ],
    ],
    ["an unclosed mark", `${MARK_START}open`, [{ text: "open", match: true }]],
    ["empty", "", []],
  ])("%s", (_name, snippet, expected) => {
    expect(snippetParts(snippet)).toEqual(expected);
  });
});

describe("resolveFindQuery", () => {
  const TODAY = "2026-01-15";

  it("gives no filter and today for an empty query", () => {
    expect(resolveFindQuery({}, TODAY)).toEqual({ filters: NONE, asOf: TODAY, isToday: true, page: 1, errors: {} });
  });

  it("reads every field, with blanks as none and health repeated", () => {
    const resolved = resolveFindQuery(
      {
        q: "  taxi boats ",
        party: "fr",
        health: ["STALLED", "", "AT_RISK", "STALLED"],
        owner: "Home Office",
        tag: "",
        overdue: "1",
        asOf: "2025-12-01",
        page: " 3 ",
      },
      TODAY,
    );
    expect(resolved).toEqual({
      filters: {
        q: "taxi boats",
        party: "FR",
        health: ["STALLED", "AT_RISK"],
        owner: "Home Office",
        tag: null,
        overdue: true,
      },
      asOf: "2025-12-01",
      isToday: false,
      page: 3,
      errors: {},
    });
  });

  it("accepts a single health and the checkbox's 'on'", () => {
    const { filters } = resolveFindQuery({ health: "DONE", overdue: "on" }, TODAY);
    expect(filters.health).toEqual(["DONE"]);
    expect(filters.overdue).toBe(true);
  });

  it("leaves out each refused field with its message and keeps the others", () => {
    const resolved = resolveFindQuery(
      { q: "doctrine", party: "France", health: ["STALLED", "SLOW"], overdue: "yes", asOf: "2025-13-01", tag: "x" },
      TODAY,
    );
    expect(resolved.filters).toEqual({ ...NONE, q: "doctrine", tag: "x" });
    expect(resolved.asOf).toBe(TODAY);
    expect(resolved.errors).toEqual({
      party: '"France" is not a party code; use two letters, e.g. FR.',
      health: '"SLOW" is not a health; choose from On track, At risk, Stalled, Done, Partial, Broken.',
      overdue: '"yes" is not a choice; tick the box or leave it.',
      asOf: '"2025-13-01" is not a date; use YYYY-MM-DD.',
    });
  });

  it("refuses a search text that is too long or holds a null character", () => {
    expect(resolveFindQuery({ q: "a".repeat(201) }, TODAY).errors.q).toBe(
      "The search text is too long: at most 200 characters.",
    );
    expect(resolveFindQuery({ q: "a\u0000b" }, TODAY).errors.q).toBe("The search text contains a null character.");
  });

  it("refuses a page that is not a whole number from 1, and shows the first", () => {
    for (const page of ["0", "-1", "2.5", "two", "1e3", "1234567"]) {
      const resolved = resolveFindQuery({ page, party: "FR" }, TODAY);
      expect(resolved.page).toBe(1);
      expect(resolved.errors).toEqual({ page: `"${page}" is not a page number; use a whole number from 1.` });
      expect(resolved.filters.party).toBe("FR");
    }
    expect(resolveFindQuery({ page: ["2", "5"] }, TODAY).page).toBe(2);
    expect(resolveFindQuery({ page: "" }, TODAY)).toMatchObject({ page: 1, errors: {} });
  });

  it("ignores parameters it does not know", () => {
    expect(resolveFindQuery({ utm_source: "feed" }, TODAY).errors).toEqual({});
  });
});

describe("pageOfResults", () => {
  const results = Array.from({ length: 12 }, (_, i) => `r${i + 1}`);

  it("cuts the results into pages of the size, numbered from 1", () => {
    expect(pageOfResults(results, 1, 5)).toEqual({
      items: ["r1", "r2", "r3", "r4", "r5"],
      page: 1,
      pages: 3,
      first: 1,
      last: 5,
      total: 12,
      beyond: false,
    });
    expect(pageOfResults(results, 3, 5)).toMatchObject({ items: ["r11", "r12"], page: 3, first: 11, last: 12 });
  });

  it("gives the last page for a page beyond it, and says so", () => {
    expect(pageOfResults(results, 9, 5)).toMatchObject({ items: ["r11", "r12"], page: 3, pages: 3, beyond: true });
  });

  it("has one empty page when nothing matches", () => {
    expect(pageOfResults([], 1, 5)).toEqual({
      items: [],
      page: 1,
      pages: 1,
      first: 0,
      last: 0,
      total: 0,
      beyond: false,
    });
    expect(pageOfResults([], 2, 5)).toMatchObject({ page: 1, beyond: true });
  });

  it("shows FIND_PAGE_SIZE at a time by default", () => {
    const many = Array.from({ length: FIND_PAGE_SIZE * 2 + 1 }, (_, i) => i);
    expect(pageOfResults(many, 2).items).toEqual(many.slice(FIND_PAGE_SIZE, FIND_PAGE_SIZE * 2));
    expect(pageOfResults(many, 3).items).toEqual([FIND_PAGE_SIZE * 2]);
  });

  it("refuses a page or a size that is not a whole number from 1", () => {
    expect(() => pageOfResults(results, 0)).toThrow(RangeError);
    expect(() => pageOfResults(results, 1.5)).toThrow(RangeError);
    expect(() => pageOfResults(results, 1, 0)).toThrow(RangeError);
  });
});

describe("PageCollector (results given a batch at a time)", () => {
  /** The page as slicing all the results at once gives it. */
  function sliced<T>(all: readonly T[], page: number, size: number) {
    const pages = Math.max(1, Math.ceil(all.length / size));
    const shown = Math.min(page, pages);
    return { items: all.slice((shown - 1) * size, shown * size), page: shown, pages, total: all.length };
  }

  it("gives the page slicing gives, however the results are cut into batches", () => {
    for (const total of [0, 1, 4, 5, 6, 12, 13]) {
      const all = Array.from({ length: total }, (_, i) => i);
      for (const batch of [1, 2, 3, 7, 100]) {
        for (let page = 1; page <= 5; page += 1) {
          const collector = new PageCollector<number>(page, 5);
          for (let start = 0; start < total; start += batch) collector.add(all.slice(start, start + batch));
          collector.add([]);
          expect(collector.result(), `${total} results in batches of ${batch}, page ${page}`).toMatchObject(
            sliced(all, page, 5),
          );
        }
      }
    }
  });

  it("keeps at most two pages of results, whatever their number", () => {
    const collector = new PageCollector<number>(3, 10);
    for (let start = 0; start < 10_000; start += 7) {
      collector.add(Array.from({ length: 7 }, (_, i) => start + i));
      expect(collector.kept().length).toBeLessThanOrEqual(20);
    }
    expect(collector.result().items).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  });

  it("refuses a page or a size that is not a whole number from 1", () => {
    expect(() => new PageCollector(0)).toThrow(RangeError);
    expect(() => new PageCollector(1, 2.5)).toThrow(RangeError);
  });
});

describe("FindOptionsCollector", () => {
  it("gives the sorted union of the batches' options, each once", () => {
    const [agreement] = demo().agreements;
    if (agreement === undefined) throw new Error("the demo has no agreement");
    // Two agreements of the demo's commitments, split in two, the second between other parties.
    const half = Math.ceil(agreement.commitments.length / 2);
    const a = { ...agreement, commitments: agreement.commitments.slice(0, half) };
    const b = {
      ...agreement,
      slug: "second-half",
      parties: ["DE", "BE"] as const,
      commitments: agreement.commitments.slice(half),
    };
    const union = (x: readonly string[], y: readonly string[]) => [...new Set([...x, ...y])].sort();
    const [ofA, ofB] = [findOptions([a]), findOptions([b])];
    expect(ofA.owners).not.toEqual(ofB.owners);
    expect(new FindOptionsCollector().add([a]).add([]).add([b]).add([a]).result()).toEqual({
      parties: union(ofA.parties, ofB.parties),
      owners: union(ofA.owners, ofB.owners),
      tags: union(ofA.tags, ofB.tags),
    });
    expect(new FindOptionsCollector().result()).toEqual({ parties: [], owners: [], tags: [] });
  });
});

describe("findQueryOf", () => {
  const TODAY = "2026-01-15";
  const filters: FindFilters = {
    q: "taxi boats & more",
    party: "FR",
    health: ["STALLED", "AT_RISK"],
    owner: "Home Office",
    tag: "returns",
    overdue: true,
  };
  const read = (href: string) => {
    const params = new URL(href, "http://localhost").searchParams;
    return resolveFindQuery(Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k)])), TODAY);
  };

  it("gives an address that resolveFindQuery reads back to the same filters, day and page", () => {
    const resolved = read(findPath("demo", findQueryOf(filters, "2025-12-01", 4)));
    expect(resolved).toEqual({ filters, asOf: "2025-12-01", isToday: false, page: 4, errors: {} });
  });

  it("leaves out what is not asked: no filter, today and page 1 give the bare find page", () => {
    expect(findPath("demo", findQueryOf(NONE, undefined, 1))).toBe("/demo/find");
    expect(findPath("demo", findQueryOf(NONE, undefined, 2))).toBe("/demo/find?page=2");
  });
});
