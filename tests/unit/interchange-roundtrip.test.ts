/**
 * accordwatch/v1 round trip (spec/interchange.md): export → import → export gives the same bytes, for the demo and
 * for generated documents; keys in the order of the spec page, arrays in a stable order.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "@/lib/domain/countries";
import {
  FORMAT,
  formatIssues,
  parseInterchange,
  parseInterchangeText,
  serializeInterchange,
  toInterchange,
  type InterchangeDocument,
  type ParseResult,
} from "@/lib/domain/interchange";
import { comparePreciseDates } from "@/lib/domain/dates";
import { SOURCE_KINDS, STANCES, STATUSES, type Dataset, type PreciseDate } from "@/lib/domain/types";

const demoFile = path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json");

function datasetOf(result: ParseResult): Dataset {
  if (!result.ok) throw new Error(formatIssues(result.errors));
  return result.dataset;
}

// ---- Generated valid documents ----

const pad2 = (n: number) => String(n).padStart(2, "0");

const dateText: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad2(m)}`),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.integer({ min: 1990, max: 2040 }).map(String),
);

const slug = fc.stringMatching(/^[a-z0-9-]{1,24}$/);

/** Non-blank text; sometimes with spaces around it, which the parser trims. */
const text = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom("", " ", "\n"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength }),
      fc.constantFrom("", " ", "\t"),
    )
    .map(([before, body, after]) => before + body + after)
    .filter((s) => s.trim() !== "" && s.trim().length <= maxLength * 8);

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));

function documentArbitrary(): fc.Arbitrary<InterchangeDocument> {
  return fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }).chain((sourceIds) => {
    const ref = fc.constantFrom(...sourceIds);
    const refs = (minLength: number) => fc.uniqueArray(ref, { minLength, maxLength: Math.min(3, sourceIds.length) });

    const source = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          url: fc.webUrl({ validSchemes: ["http", "https"], withQueryParameters: true, withFragments: true }),
          outlet: text(),
          title: text(),
          published: dateText,
          kind: fc.constantFrom(...SOURCE_KINDS),
        },
        { requiredKeys: ["id", "outlet", "title", "published", "kind"] },
      );

    const statusUpdate = fc.constantFrom(...STATUSES).chain((status) =>
      fc.record({
        on: dateText,
        status: fc.constant(status),
        rationale: text(),
        sources: refs(status === "NOT_STARTED" ? 0 : 1),
      }),
    );
    const deadlineChange = fc.record({ on: dateText, to: dateText, reason: text(), sources: refs(0) });
    const evidence = fc.record({ source: ref, stance: fc.constantFrom(...STANCES), quote: text(80) });
    const milestone = fc.record(
      {
        id: slug,
        title: text(),
        owner: text(),
        deadline: dateText,
        deadlineChanges: fc.array(deadlineChange, { maxLength: 3 }),
        statusUpdates: fc.array(statusUpdate, { maxLength: 4 }),
        evidence: fc.array(evidence, { maxLength: 3 }),
      },
      { requiredKeys: ["id", "title", "owner", "deadlineChanges", "statusUpdates", "evidence"] },
    );
    const observation = fc.record({ on: dateText, value: finite, source: ref, quote: text() });
    const indicator = fc.record(
      {
        id: slug,
        title: text(),
        unit: text(10),
        target: finite,
        observations: fc.array(observation, { maxLength: 4 }),
      },
      { requiredKeys: ["id", "title", "unit", "observations"] },
    );
    const commitment = (parties: readonly string[]) =>
      fc.record(
        {
          id: slug,
          title: text(),
          description: fc.oneof(fc.constant(""), text(100)),
          responsible: fc.constantFrom(...parties, "joint"),
          owner: text(),
          tags: fc.array(text(10), { maxLength: 3 }),
          weight: fc.double({ min: 0, minExcluded: true, max: 1000, noNaN: true }),
          milestones: fc.uniqueArray(milestone, { selector: (m) => m.id, maxLength: 3 }),
          indicators: fc.uniqueArray(indicator, { selector: (i) => i.id, maxLength: 2 }),
        },
        { requiredKeys: ["id", "title", "description", "responsible", "owner", "milestones"] },
      );
    const agreement = fc
      .uniqueArray(fc.constantFrom(...COUNTRY_CODES), { minLength: 2, maxLength: 2 })
      .chain((parties) =>
        fc.record(
          {
            slug,
            title: text(),
            summary: text(100),
            parties: fc.constant(parties),
            announced: dateText,
            published: fc.boolean(),
            settings: fc.record(
              {
                staleAfterDays: fc.integer({ min: 1, max: 3650 }),
                warnBeforeDays: fc.integer({ min: 0, max: 365 }),
              },
              { requiredKeys: [] },
            ),
            commitments: fc.uniqueArray(commitment(parties), { selector: (c) => c.id, maxLength: 3 }),
          },
          { requiredKeys: ["slug", "title", "summary", "parties", "announced", "published", "commitments"] },
        ),
      );

    return fc.record({
      format: fc.constant(FORMAT),
      // Sources and agreements in any order: the export sorts them.
      sources: fc
        .tuple(...sourceIds.map(source))
        .chain((list) => fc.shuffledSubarray(list, { minLength: list.length })),
      agreements: fc.uniqueArray(agreement, { selector: (a) => a.slug, maxLength: 3 }),
    });
  });
}

describe("the accordwatch/v1 round trip", () => {
  it("exports the demo dataset to exactly the bytes of data/demo.accordwatch.json", () => {
    const text = readFileSync(demoFile, "utf8");
    const dataset = datasetOf(parseInterchangeText(text));
    expect(serializeInterchange(dataset)).toBe(text);
    expect(serializeInterchange(datasetOf(parseInterchangeText(serializeInterchange(dataset))))).toBe(text);
  });

  it("gives the same bytes on a second export → import → export of any valid generated document", () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        const first = datasetOf(parseInterchange(doc));
        const exported = serializeInterchange(first);
        const second = datasetOf(parseInterchangeText(exported));
        expect(second).toEqual(first);
        expect(serializeInterchange(second)).toBe(exported);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("accepts every generated document and never loses a record on the way", () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        const dataset = datasetOf(parseInterchange(doc));
        const count = (d: { agreements: readonly { commitments: readonly { milestones: readonly unknown[] }[] }[] }) =>
          d.agreements.flatMap((a) => a.commitments.flatMap((c) => c.milestones)).length;
        expect(dataset.sources).toHaveLength(doc.sources.length);
        expect(dataset.agreements).toHaveLength(doc.agreements.length);
        expect(count(dataset)).toBe(count(doc));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

// ---- A small hand-written document for the ordering rules ----

function smallDocument(): Record<string, unknown> {
  return {
    format: FORMAT,
    sources: [
      { id: "z-source", outlet: "Z", title: "Zed", published: "2025-11", kind: "STATEMENT" },
      {
        id: "a-source",
        url: "https://example.org/a",
        outlet: "A",
        title: "Ay",
        published: "2025-Q3",
        kind: "OFFICIAL_DOCUMENT",
      },
    ],
    agreements: [
      {
        slug: "second",
        title: "Second",
        summary: "The second agreement.",
        parties: ["FR", "GB"],
        announced: "2025",
        published: false,
        commitments: [],
      },
      {
        slug: "first",
        title: "  First  ",
        summary: "The first agreement.",
        parties: ["GB", "FR"],
        announced: "2025-07",
        published: true,
        commitments: [
          {
            id: "later-shown-first",
            title: "Shown first",
            description: "",
            responsible: "GB",
            owner: "Home Office",
            milestones: [
              {
                id: "m2",
                title: "Second milestone, shown first",
                owner: "Home Office",
                deadlineChanges: [
                  { on: "2025-12", to: "2026-Q1", reason: "Later change", sources: ["a-source"] },
                  { on: "2025-10-02", to: "2025-12", reason: "Earlier change", sources: ["z-source"] },
                ],
                statusUpdates: [
                  { on: "2025-11-20", status: "COMPLETE", rationale: "Done", sources: ["z-source"] },
                  {
                    on: "2025-11",
                    status: "IN_PROGRESS",
                    rationale: "Started (first on 1 November)",
                    sources: ["z-source"],
                  },
                  { on: "2025-11-01", status: "PARTIAL", rationale: "Second on 1 November", sources: ["a-source"] },
                  { on: "2025-08", status: "NOT_STARTED", rationale: "Nothing yet", sources: [] },
                ],
                evidence: [
                  { source: "z-source", stance: "SUPPORTS", quote: "Second link, kept second" },
                  { source: "a-source", stance: "NEUTRAL", quote: "  Third link  " },
                ],
              },
              {
                id: "m1",
                title: "First milestone, shown second",
                owner: "Home Office",
                deadline: "2025-Q4",
                deadlineChanges: [],
                statusUpdates: [],
                evidence: [],
              },
            ],
          },
          {
            id: "a-shown-second",
            title: "Shown second",
            description: "With an indicator.",
            responsible: "joint",
            owner: "Both",
            tags: ["b", "a"],
            weight: 2.5,
            milestones: [],
            indicators: [
              {
                id: "people",
                title: "People",
                unit: "people",
                target: 1000,
                observations: [
                  { on: "2025-12", value: 20, source: "a-source", quote: "twenty" },
                  { on: "2025-11", value: 10.5, source: "a-source", quote: "ten and a half" },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => v as Json;
const arr = (v: unknown): Json[] => v as Json[];

describe("the export of a dataset", () => {
  const dataset = datasetOf(parseInterchange(smallDocument()));
  const doc = obj(toInterchange(dataset));
  const agreement = arr(doc.agreements)[0] as Json;
  const commitment = arr(agreement.commitments)[0] as Json;
  const milestone = arr(commitment.milestones)[0] as Json;

  it("puts the keys of every object in the order of the spec page", () => {
    expect(Object.keys(doc)).toEqual(["format", "sources", "agreements"]);
    expect(Object.keys(arr(doc.sources)[0] as Json)).toEqual(["id", "url", "outlet", "title", "published", "kind"]);
    expect(Object.keys(agreement)).toEqual([
      "slug",
      "title",
      "summary",
      "parties",
      "announced",
      "published",
      "settings",
      "commitments",
    ]);
    expect(Object.keys(obj(agreement.settings))).toEqual(["staleAfterDays", "warnBeforeDays"]);
    expect(Object.keys(commitment)).toEqual([
      "id",
      "title",
      "description",
      "responsible",
      "owner",
      "tags",
      "weight",
      "milestones",
      "indicators",
    ]);
    expect(Object.keys(milestone)).toEqual(["id", "title", "owner", "deadlineChanges", "statusUpdates", "evidence"]);
    expect(Object.keys(arr(commitment.milestones)[1] as Json)).toEqual([
      "id",
      "title",
      "owner",
      "deadline",
      "deadlineChanges",
      "statusUpdates",
      "evidence",
    ]);
    expect(Object.keys(arr(milestone.statusUpdates)[0] as Json)).toEqual(["on", "status", "rationale", "sources"]);
    expect(Object.keys(arr(milestone.deadlineChanges)[0] as Json)).toEqual(["on", "to", "reason", "sources"]);
    expect(Object.keys(arr(milestone.evidence)[0] as Json)).toEqual(["source", "stance", "quote"]);
    const indicator = arr(obj(arr(agreement.commitments)[1]).indicators)[0] as Json;
    expect(Object.keys(indicator)).toEqual(["id", "title", "unit", "target", "observations"]);
    expect(Object.keys(arr(indicator.observations)[0] as Json)).toEqual(["on", "value", "source", "quote"]);
  });

  it("leaves out a source's url, a milestone's deadline and an indicator's target when there is none", () => {
    const noUrl = arr(doc.sources).find((s) => s.id === "z-source") as Json;
    expect("url" in noUrl).toBe(false);
    expect("deadline" in milestone).toBe(false);
    const bare = toInterchange({
      ...dataset,
      agreements: dataset.agreements.map((a) => ({
        ...a,
        commitments: a.commitments.map((c) => ({
          ...c,
          indicators: c.indicators.map(({ target: _target, ...i }) => i),
        })),
      })),
    });
    const indicators = arr(obj(arr(obj(arr(obj(bare).agreements)[0]).commitments)[1]).indicators);
    expect("target" in (indicators[0] as Json)).toBe(false);
  });

  it("sorts sources by id and agreements by slug, and keeps commitments, milestones and evidence as given", () => {
    expect(arr(doc.sources).map((s) => s.id)).toEqual(["a-source", "z-source"]);
    expect(arr(doc.agreements).map((a) => a.slug)).toEqual(["first", "second"]);
    expect(arr(agreement.commitments).map((c) => c.id)).toEqual(["later-shown-first", "a-shown-second"]);
    expect(arr(commitment.milestones).map((m) => m.id)).toEqual(["m2", "m1"]);
    expect(arr(milestone.evidence).map((e) => e.quote)).toEqual(["Second link, kept second", "Third link"]);
    expect(obj(arr(agreement.commitments)[1]).tags).toEqual(["b", "a"]);
  });

  it("orders status updates, deadline changes and observations by date, then as given on the same date", () => {
    expect(arr(milestone.statusUpdates).map((u) => [u.on, u.status])).toEqual([
      ["2025-08", "NOT_STARTED"],
      ["2025-11", "IN_PROGRESS"],
      ["2025-11-01", "PARTIAL"],
      ["2025-11-20", "COMPLETE"],
    ]);
    expect(arr(milestone.deadlineChanges).map((c) => c.on)).toEqual(["2025-10-02", "2025-12"]);
    const indicator = arr(obj(arr(agreement.commitments)[1]).indicators)[0] as Json;
    expect(arr(indicator.observations).map((o) => o.value)).toEqual([10.5, 20]);
  });

  it("sorts a dataset built elsewhere the same way (the export does not rely on the parser's order)", () => {
    // Latest first, records of the same date still in their order: the export must put them back.
    const latestFirst = <T extends { readonly on: PreciseDate }>(items: readonly T[]) =>
      [...items].sort((a, b) => comparePreciseDates(b.on, a.on));
    const shuffled: Dataset = {
      sources: [...dataset.sources].reverse(),
      agreements: [...dataset.agreements].reverse().map((a) => ({
        ...a,
        commitments: a.commitments.map((c) => ({
          ...c,
          milestones: c.milestones.map((m) => ({
            ...m,
            deadlineChanges: latestFirst(m.deadlineChanges),
            statusUpdates: latestFirst(m.statusUpdates),
          })),
          indicators: c.indicators.map((i) => ({ ...i, observations: latestFirst(i.observations) })),
        })),
      })),
    };
    expect(shuffled.agreements[1]?.commitments[0]?.milestones[0]?.statusUpdates[0]?.status).toBe("COMPLETE");
    expect(serializeInterchange(shuffled)).toBe(serializeInterchange(dataset));
  });

  it("fills in the defaults: settings 45/14, weight 1, no tags, no indicators", () => {
    const second = dataset.agreements.find((a) => a.slug === "second");
    expect(second?.settings).toEqual({ staleAfterDays: 45, warnBeforeDays: 14 });
    const first = dataset.agreements.find((a) => a.slug === "first");
    const c = first?.commitments[0];
    expect(c?.weight).toBe(1);
    expect(c?.tags).toEqual([]);
    expect(c?.indicators).toEqual([]);
    expect(agreement.settings).toEqual({ staleAfterDays: 45, warnBeforeDays: 14 });
  });

  it("reads dates with their precision and writes them back in the same form", () => {
    const source = dataset.sources.find((s) => s.id === "a-source");
    expect(source?.published).toEqual({ date: "2025-07-01", precision: "QUARTER" });
    const m1 = dataset.agreements.find((a) => a.slug === "first")?.commitments[0]?.milestones[1];
    expect(m1?.deadline).toEqual({ date: "2025-10-01", precision: "QUARTER" });
    expect(obj(arr(commitment.milestones)[1]).deadline).toBe("2025-Q4");
    expect(arr(doc.agreements).map((a) => a.announced)).toEqual(["2025-07", "2025"]);
  });

  it("trims the texts it reads", () => {
    expect(agreement.title).toBe("First");
  });

  it("writes 2-space JSON with a final newline", () => {
    const text = serializeInterchange(dataset);
    expect(text).toBe(JSON.stringify(doc, null, 2) + "\n");
    expect(text.startsWith('{\n  "format": "accordwatch/v1",\n')).toBe(true);
  });
});
