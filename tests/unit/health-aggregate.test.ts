/**
 * Commitment, party and agreement rules of spec/health.md, and the health document.
 */
import { describe, expect, test } from "vitest";
import {
  agreementContext,
  compareHealth,
  evaluateAgreement,
  evaluateCommitment,
  evaluateDataset,
  evaluateMilestone,
  indexSources,
} from "@/lib/domain/health";
import {
  type Agreement,
  type Commitment,
  type Dataset,
  DEFAULT_SETTINGS,
  HEALTHS,
  type Health,
  type Milestone,
  type Responsible,
  type Source,
  type Stance,
  type Status,
} from "@/lib/domain/types";
import { d } from "../support/builders";

// ---- builders ----

const AS_OF = "2025-10-31";

interface MilestoneSpec {
  deadline?: string;
  updates?: Array<[string, Status]>;
  evidence?: Array<[string, Stance, string]>;
}

function milestone(id: string, spec: MilestoneSpec = {}): Milestone {
  return {
    id,
    title: `Milestone ${id}`,
    owner: "Someone",
    deadline: spec.deadline ? d(spec.deadline) : null,
    deadlineChanges: [],
    statusUpdates: (spec.updates ?? []).map(([on, status]) => ({ on: d(on), status, rationale: "why", sources: [] })),
    evidence: (spec.evidence ?? []).map(([source, stance, quote]) => ({ source, stance, quote })),
  };
}

/** A milestone that has the given health as of AS_OF in an agreement announced in July 2025 with default settings. */
function milestoneWith(health: Health, id = health.toLowerCase()): Milestone {
  switch (health) {
    case "DONE":
      return milestone(id, { updates: [["2025-09-01", "COMPLETE"]] });
    case "PARTIAL":
      return milestone(id, { updates: [["2025-09-01", "PARTIAL"]] });
    case "BROKEN":
      return milestone(id, { updates: [["2025-09-01", "ABANDONED"]] });
    case "STALLED": // overdue
      return milestone(id, { deadline: "2025-09", updates: [["2025-10-01", "IN_PROGRESS"]] });
    case "AT_RISK": // dormant
      return milestone(id, { updates: [["2025-07-01", "IN_PROGRESS"]] });
    case "ON_TRACK":
      return milestone(id, { updates: [["2025-10-01", "IN_PROGRESS"]] });
  }
}

function commitment(id: string, healths: Health[], responsible: Responsible = "FR", weight = 1): Commitment {
  return {
    id,
    title: `Commitment ${id}`,
    description: "",
    responsible,
    owner: "Someone",
    tags: [],
    weight,
    milestones: healths.map((h, i) => milestoneWith(h, `${h.toLowerCase()}-${i}`)),
    indicators: [],
  };
}

function agreement(slug: string, commitments: Commitment[], parties: [string, string] = ["GB", "FR"]): Agreement {
  return {
    slug,
    title: `Agreement ${slug}`,
    summary: "",
    parties,
    announced: d("2025-07"),
    published: true,
    settings: DEFAULT_SETTINGS,
    commitments,
  };
}

const NO_SOURCES = indexSources([]);
const CTX = agreementContext(agreement("a", []), NO_SOURCES);

test.each(HEALTHS.map((h) => [h]))("the fixture milestone for %s has that health", (health) => {
  expect(evaluateMilestone(milestoneWith(health), AS_OF, CTX).health).toBe(health);
});

// ---- commitment ----

describe("commitment health, progress and score", () => {
  test.each<[Health[], Health, number, -1 | 0 | 1]>([
    [[], "ON_TRACK", 0, 0],
    [["ON_TRACK"], "ON_TRACK", 0, 0],
    [["ON_TRACK", "AT_RISK"], "AT_RISK", 0, 0],
    [["AT_RISK", "STALLED", "ON_TRACK"], "STALLED", 0, -1],
    [["STALLED", "BROKEN", "ON_TRACK"], "BROKEN", 0, -1],
    [["DONE", "ON_TRACK"], "ON_TRACK", 50, 0],
    [["DONE", "AT_RISK", "PARTIAL"], "AT_RISK", 50, 0],
    [["DONE", "DONE", "STALLED"], "STALLED", 67, -1],
    [["DONE", "BROKEN", "ON_TRACK"], "BROKEN", 33, -1],
    [["DONE"], "DONE", 100, 1],
    [["DONE", "DONE", "DONE"], "DONE", 100, 1],
    [["DONE", "PARTIAL"], "PARTIAL", 75, 0],
    [["PARTIAL"], "PARTIAL", 50, 0],
    [["PARTIAL", "PARTIAL"], "PARTIAL", 50, 0],
    [["DONE", "BROKEN"], "BROKEN", 50, -1],
    [["PARTIAL", "BROKEN"], "BROKEN", 25, -1],
    [["BROKEN"], "BROKEN", 0, -1],
    [["DONE", "PARTIAL", "BROKEN"], "BROKEN", 50, -1],
  ])("milestones %j make a commitment %s with progress %i and score %i", (healths, health, progress, score) => {
    const h = evaluateCommitment(commitment("c", healths), AS_OF, CTX);
    expect(h.milestones.map((m) => m.health)).toEqual(healths);
    expect({ health: h.health, progress: h.progress, score: h.score }).toEqual({ health, progress, score });
  });

  test.each<[string, Health[], number]>([
    ["1 DONE of 3 is 33 (33.3 rounds down)", ["DONE", "ON_TRACK", "ON_TRACK"], 33],
    ["2 DONE of 3 is 67 (66.7 rounds up)", ["DONE", "DONE", "ON_TRACK"], 67],
    ["1 PARTIAL of 4 is 13 (12.5 rounds up)", ["PARTIAL", "ON_TRACK", "ON_TRACK", "ON_TRACK"], 13],
    ["1 PARTIAL of 8 is 6 (6.25 rounds down)", ["PARTIAL", ...Array<Health>(7).fill("ON_TRACK")], 6],
    ["1 DONE and 1 PARTIAL of 8 is 19 (18.75 rounds up)", ["DONE", "PARTIAL", ...Array<Health>(6).fill("AT_RISK")], 19],
    ["3 PARTIAL of 4 is 38 (37.5 rounds up)", ["PARTIAL", "PARTIAL", "PARTIAL", "ON_TRACK"], 38],
    ["1 PARTIAL of 40 is 1 (1.25 rounds down)", ["PARTIAL", ...Array<Health>(39).fill("ON_TRACK")], 1],
    ["1 PARTIAL of 100 is 1 (0.5 rounds up)", ["PARTIAL", ...Array<Health>(99).fill("ON_TRACK")], 1],
    ["BROKEN and STALLED milestones count for nothing", ["BROKEN", "STALLED", "DONE", "DONE"], 50],
  ])("progress: %s", (_, healths, progress) => {
    expect(evaluateCommitment(commitment("c", healths), AS_OF, CTX).progress).toBe(progress);
  });

  test("keeps the milestones in their order with their flags", () => {
    const h = evaluateCommitment(commitment("c", ["STALLED", "DONE"]), AS_OF, CTX);
    expect(h).toEqual({
      id: "c",
      health: "STALLED",
      progress: 50,
      score: -1,
      milestones: [
        {
          id: "stalled-0",
          health: "STALLED",
          flags: [
            { flag: "OVERDUE", since: "2025-10-01", reason: "Overdue since 1 October 2025 (deadline: September 2025)" },
          ],
        },
        { id: "done-1", health: "DONE", flags: [] },
      ],
    });
  });
});

// ---- party compliance ----

describe("party compliance", () => {
  type Row = [Responsible, number, Health];
  const build = (rows: Row[]) =>
    agreement(
      "a",
      rows.map(([r, w, h], i) => commitment(`c${i}`, [h], r, w)),
    );

  test.each<[string, Row[], Record<string, { mean: number; percent: number } | null>]>([
    [
      "each party scores its own commitments",
      [
        ["GB", 1, "DONE"],
        ["FR", 1, "STALLED"],
      ],
      { GB: { mean: 1, percent: 100 }, FR: { mean: -1, percent: 0 } },
    ],
    [
      "a joint commitment counts for both parties",
      [
        ["GB", 1, "DONE"],
        ["FR", 1, "STALLED"],
        ["joint", 1, "DONE"],
      ],
      { GB: { mean: 1, percent: 100 }, FR: { mean: 0, percent: 50 } },
    ],
    [
      "only joint commitments give both parties the same score",
      [
        ["joint", 2, "BROKEN"],
        ["joint", 1, "DONE"],
      ],
      { GB: { mean: -0.33, percent: 33 }, FR: { mean: -0.33, percent: 33 } },
    ],
    [
      "a party responsible for nothing has no score",
      [
        ["GB", 1, "DONE"],
        ["GB", 1, "ON_TRACK"],
      ],
      { GB: { mean: 0.5, percent: 75 }, FR: null },
    ],
    [
      "AT_RISK, ON_TRACK and PARTIAL score 0; BROKEN and STALLED −1",
      [
        ["FR", 1, "AT_RISK"],
        ["FR", 1, "ON_TRACK"],
        ["FR", 1, "PARTIAL"],
        ["FR", 1, "BROKEN"],
      ],
      { GB: null, FR: { mean: -0.25, percent: 38 } },
    ],
    [
      "commitments are weighted",
      [
        ["FR", 3, "DONE"],
        ["FR", 1, "BROKEN"],
      ],
      { GB: null, FR: { mean: 0.5, percent: 75 } },
    ],
    [
      "fractional weights are weighted",
      [
        ["FR", 0.5, "DONE"],
        ["FR", 1.5, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: 0.25, percent: 63 } },
    ],
    [
      "the mean is rounded to two decimals",
      [
        ["FR", 1, "DONE"],
        ["FR", 2, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: 0.33, percent: 67 } },
    ],
    [
      "a mean of 0.125 rounds up to 0.13",
      [
        ["FR", 1, "DONE"],
        ["FR", 7, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: 0.13, percent: 56 } },
    ],
    [
      "a mean of −0.125 rounds toward +∞ to −0.12",
      [
        ["FR", 1, "BROKEN"],
        ["FR", 7, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: -0.12, percent: 44 } },
    ],
    [
      "a mean of exactly 0.145 rounds up to 0.15",
      [
        ["FR", 29, "DONE"],
        ["FR", 171, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: 0.15, percent: 57 } },
    ],
    [
      "a percentage of 62.5 rounds up to 63",
      [
        ["FR", 1, "DONE"],
        ["FR", 3, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: 0.25, percent: 63 } },
    ],
    [
      "a percentage of 37.5 rounds up to 38",
      [
        ["FR", 1, "BROKEN"],
        ["FR", 3, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: -0.25, percent: 38 } },
    ],
    [
      "the percentage comes from the unrounded mean (0.005 → 0.01 but 50.25 → 50)",
      [
        ["FR", 1, "DONE"],
        ["FR", 199, "ON_TRACK"],
      ],
      { GB: null, FR: { mean: 0.01, percent: 50 } },
    ],
  ])("%s", (_, rows, parties) => {
    expect(evaluateAgreement(build(rows), AS_OF, NO_SOURCES).parties).toEqual(parties);
  });

  test("a mean that rounds to zero from below is 0, not −0", () => {
    const h = evaluateAgreement(
      build([
        ["FR", 1, "BROKEN"],
        ["FR", 999, "ON_TRACK"],
      ]),
      AS_OF,
      NO_SOURCES,
    );
    expect(h.parties.FR).toEqual({ mean: 0, percent: 50 });
    expect(Object.is(h.parties.FR?.mean, 0)).toBe(true);
  });

  test("an agreement with no commitments has no score for either party", () => {
    expect(evaluateAgreement(agreement("a", []), AS_OF, NO_SOURCES).parties).toEqual({ GB: null, FR: null });
  });

  test("lists the parties in the agreement's order", () => {
    const a = agreement("a", [commitment("c", ["DONE"], "GB")], ["IT", "GB"]);
    expect(Object.keys(evaluateAgreement(a, AS_OF, NO_SOURCES).parties)).toEqual(["IT", "GB"]);
    expect(JSON.stringify(evaluateAgreement(a, AS_OF, NO_SOURCES).parties)).toBe(
      '{"IT":null,"GB":{"mean":1,"percent":100}}',
    );
  });
});

// ---- counts ----

describe("counts", () => {
  test("count commitments (not milestones) in each health, in display order", () => {
    const a = agreement("a", [
      commitment("c1", ["STALLED", "STALLED"]),
      commitment("c2", ["DONE"]),
      commitment("c3", ["DONE", "PARTIAL"]),
      commitment("c4", ["AT_RISK", "ON_TRACK"]),
      commitment("c5", []),
      commitment("c6", ["ON_TRACK"]),
      commitment("c7", ["BROKEN", "DONE"]),
      commitment("c8", ["STALLED"]),
    ]);
    const { counts } = evaluateAgreement(a, AS_OF, NO_SOURCES);
    expect(JSON.stringify(counts)).toBe('{"ON_TRACK":2,"AT_RISK":1,"STALLED":2,"DONE":1,"PARTIAL":1,"BROKEN":1}');
  });

  test("an agreement with no commitments counts zero everywhere", () => {
    expect(evaluateAgreement(agreement("a", []), AS_OF, NO_SOURCES).counts).toEqual({
      ON_TRACK: 0,
      AT_RISK: 0,
      STALLED: 0,
      DONE: 0,
      PARTIAL: 0,
      BROKEN: 0,
    });
  });
});

// ---- the health document ----

const BBC: Source = {
  id: "bbc-2025-10-23",
  outlet: "BBC",
  title: "France backing away from pledge to intercept migrant boats, sources tell BBC",
  published: d("2025-10-23"),
  kind: "MEDIA_REPORT",
};

/** The simplified demo of spec/health.md's example document. */
const DEMO: Dataset = {
  sources: [BBC],
  agreements: [
    {
      ...agreement("uk-france-small-boats-2025", []),
      commitments: [
        {
          ...commitment("maritime-interception", [], "FR"),
          milestones: [
            milestone("adopt-doctrine", {
              evidence: [
                [
                  "bbc-2025-10-23",
                  "INDICATES_DELAY",
                  "France is backing away from a recent commitment to intervene more forcefully at sea",
                ],
              ],
            }),
            milestone("deploy-tactics", { deadline: "2025-11", updates: [["2025-11", "IN_PROGRESS"]] }),
          ],
        },
        {
          ...commitment("one-in-one-out", [], "joint"),
          milestones: [milestone("enact", { updates: [["2025-08", "COMPLETE"]] })],
        },
      ],
    },
  ],
};

describe("the health document", () => {
  test("reproduces the example of spec/health.md, keys in order", () => {
    const expected = `{
      "asOf": "2025-10-31",
      "agreements": [
        {
          "slug": "uk-france-small-boats-2025",
          "parties": { "GB": { "mean": 1, "percent": 100 }, "FR": { "mean": 0, "percent": 50 } },
          "counts": { "ON_TRACK": 0, "AT_RISK": 0, "STALLED": 1, "DONE": 1, "PARTIAL": 0, "BROKEN": 0 },
          "commitments": [
            {
              "id": "maritime-interception",
              "health": "STALLED", "progress": 0, "score": -1,
              "milestones": [
                { "id": "adopt-doctrine", "health": "STALLED",
                  "flags": [ { "flag": "CONTRADICTED", "since": "2025-10-23", "reason": "The latest source, BBC, 23 October 2025, reports delay: “France is backing away from a recent commitment to intervene more forcefully at…”" } ] },
                { "id": "deploy-tactics", "health": "AT_RISK",
                  "flags": [ { "flag": "DORMANT", "since": "2025-08-16", "reason": "No status update or new source since 1 July 2025 (more than 45 days)" } ] }
              ]
            },
            {
              "id": "one-in-one-out", "health": "DONE", "progress": 100, "score": 1,
              "milestones": [ { "id": "enact", "health": "DONE", "flags": [] } ]
            }
          ]
        }
      ]
    }`;
    expect(JSON.stringify(evaluateDataset(DEMO, "2025-10-31"))).toBe(JSON.stringify(JSON.parse(expected)));
  });

  test("keeps the agreements in dataset order", () => {
    const dataset: Dataset = { sources: [], agreements: [agreement("b", []), agreement("a", []), agreement("c", [])] };
    expect(evaluateDataset(dataset, AS_OF).agreements.map((a) => a.slug)).toEqual(["b", "a", "c"]);
  });

  test.each([
    ["the agreement with that slug", "a", ["a"]],
    ["nothing for an unknown slug", "zzz", []],
  ])("filtered by slug, holds %s", (_, slug, slugs) => {
    const dataset: Dataset = { sources: [], agreements: [agreement("b", []), agreement("a", []), agreement("c", [])] };
    const doc = evaluateDataset(dataset, AS_OF, { agreement: slug });
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.agreements.map((a) => a.slug)).toEqual(slugs);
  });

  test("evaluates as of the given day, not today", () => {
    const early = evaluateDataset(DEMO, "2025-10-22").agreements[0]!;
    expect(early.commitments[0]!.milestones[0]).toEqual({
      id: "adopt-doctrine",
      health: "AT_RISK",
      flags: [
        {
          flag: "DORMANT",
          since: "2025-08-16",
          reason: "No status update or new source since 1 July 2025 (more than 45 days)",
        },
      ],
    });
    const late = evaluateDataset(DEMO, "2025-12-01").agreements[0]!;
    expect(late.commitments[0]!.milestones[1]!.flags.map((f) => f.flag)).toEqual(["OVERDUE"]);
  });

  test("refuses an as-of date that is not a day", () => {
    expect(() => evaluateDataset(DEMO, "2025-10")).toThrow(RangeError);
    expect(() => evaluateAgreement(DEMO.agreements[0]!, "31/10/2025", NO_SOURCES)).toThrow(RangeError);
    expect(() => evaluateCommitment(DEMO.agreements[0]!.commitments[0]!, "2025-13-01", CTX)).toThrow(RangeError);
  });
});

// ---- severity order ----

describe("compareHealth", () => {
  test("sorts worst first: BROKEN, STALLED, AT_RISK, PARTIAL, ON_TRACK, DONE", () => {
    expect([...HEALTHS].sort(compareHealth)).toEqual(["BROKEN", "STALLED", "AT_RISK", "PARTIAL", "ON_TRACK", "DONE"]);
    expect([...HEALTHS].reverse().sort(compareHealth)).toEqual([
      "BROKEN",
      "STALLED",
      "AT_RISK",
      "PARTIAL",
      "ON_TRACK",
      "DONE",
    ]);
  });

  test.each(HEALTHS.flatMap((a) => HEALTHS.map((b) => [a, b] as const)))(
    "is a consistent order for %s and %s",
    (a, b) => {
      expect(Math.sign(compareHealth(a, b))).toBe(0 - Math.sign(compareHealth(b, a)));
      expect(compareHealth(a, b) === 0).toBe(a === b);
    },
  );
});

// ---- purity ----

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("purity", () => {
  test("the same inputs give the same document, and the inputs are not changed", () => {
    const dataset = structuredClone(DEMO);
    const before = structuredClone(dataset);
    deepFreeze(dataset);
    const first = evaluateDataset(dataset, "2025-12-20");
    const second = evaluateDataset(dataset, "2025-12-20");
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(dataset).toEqual(before);
  });

  test("an evaluation at another date in between does not leak into the next one", () => {
    const first = JSON.stringify(evaluateDataset(DEMO, "2025-10-31"));
    evaluateDataset(DEMO, "2026-06-30");
    evaluateMilestone(DEMO.agreements[0]!.commitments[0]!.milestones[1]!, "2025-12-24", CTX);
    expect(JSON.stringify(evaluateDataset(DEMO, "2025-10-31"))).toBe(first);
  });
});
