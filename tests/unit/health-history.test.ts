/**
 * Health over time (spec/health.md, "Change over time"): the history of a milestone, and the properties that make
 * feeds agree with the scorecard: every entry is the evaluation at its date, the health never changes between
 * entries, and records dated after T never matter.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dayNumber, isoFromDayNumber, preciseDate } from "@/lib/domain/dates";
import {
  type AgreementContext,
  agreementContext,
  agreementHealthHistory,
  commitmentHealthHistory,
  evaluateCommitment,
  evaluateMilestone,
  indexSources,
  milestoneHealthHistory,
} from "@/lib/domain/health";
import {
  type Agreement,
  type Commitment,
  type HealthHistoryEntry,
  type Milestone,
  type MilestoneHealth,
  PRECISIONS,
  STANCES,
  STATUSES,
  type Stance,
  type Status,
} from "@/lib/domain/types";
import { d, source } from "../support/builders";

// ---- builders ----

interface MilestoneSpec {
  id?: string;
  deadline?: string;
  updates?: Array<[string, Status]>;
  changes?: Array<[string, string]>;
  evidence?: Array<[string, Stance]>;
}

function milestone(spec: MilestoneSpec = {}): Milestone {
  return {
    id: spec.id ?? "m",
    title: "A milestone",
    owner: "Someone",
    deadline: spec.deadline ? d(spec.deadline) : null,
    deadlineChanges: (spec.changes ?? []).map(([on, to]) => ({ on: d(on), to: d(to), reason: "moved", sources: [] })),
    statusUpdates: (spec.updates ?? []).map(([on, status]) => ({ on: d(on), status, rationale: "why", sources: [] })),
    evidence: (spec.evidence ?? []).map(([id, stance]) => ({ source: id, stance, quote: `quote ${id}` })),
  };
}

const SOURCES = indexSources([source("bbc", "2025-10-23"), source("early", "2025-06-30", "Early Bird")]);

function context(stale = 45, warn = 14): AgreementContext {
  return {
    announced: d("2025-07"),
    settings: { staleAfterDays: stale, warnBeforeDays: warn },
    sources: SOURCES,
    locale: "en",
  };
}

/** An entry in short: "date HEALTH FLAG@since FLAG@since". */
const brief = (e: HealthHistoryEntry): string =>
  [e.date, e.health, ...e.flags.map((f) => `${f.flag}@${f.since}`)].join(" ");

// ---- scenarios ----

describe("milestoneHealthHistory", () => {
  const deployTactics = milestone({
    deadline: "2025-11",
    updates: [["2025-11", "IN_PROGRESS"]],
    evidence: [["bbc", "INDICATES_DELAY"]],
  });

  test("follows a milestone that goes dormant, is contradicted, resumes, then passes its deadline", () => {
    expect(milestoneHealthHistory(deployTactics, "2026-01-31", context()).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-08-16 AT_RISK DORMANT@2025-08-16",
      "2025-10-23 STALLED CONTRADICTED@2025-10-23",
      "2025-11-01 ON_TRACK",
      "2025-12-01 STALLED OVERDUE@2025-12-01",
      "2025-12-17 STALLED OVERDUE@2025-12-01 DORMANT@2025-12-17",
    ]);
  });

  test("each entry is the evaluation of the milestone at its date, reasons included", () => {
    const ctx = context();
    const history = milestoneHealthHistory(deployTactics, "2026-01-31", ctx);
    for (const entry of history) {
      const { health, flags } = evaluateMilestone(deployTactics, entry.date, ctx);
      expect(entry).toEqual({ date: entry.date, health, flags });
    }
    expect(history[1]).toEqual({
      date: "2025-08-16",
      health: "AT_RISK",
      flags: [
        {
          flag: "DORMANT",
          since: "2025-08-16",
          reason: "No status update or new source since 1 July 2025 (more than 45 days)",
        },
      ],
    });
  });

  test("stops at the until date, which counts", () => {
    expect(milestoneHealthHistory(deployTactics, "2025-10-23", context()).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-08-16 AT_RISK DORMANT@2025-08-16",
      "2025-10-23 STALLED CONTRADICTED@2025-10-23",
    ]);
    expect(milestoneHealthHistory(deployTactics, "2025-10-22", context()).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-08-16 AT_RISK DORMANT@2025-08-16",
    ]);
  });

  test("follows a milestone that is never started: dormant, then due soon, then overdue", () => {
    expect(milestoneHealthHistory(milestone({ deadline: "2025-11" }), "2025-12-31", context()).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-08-16 AT_RISK DORMANT@2025-08-16",
      "2025-11-16 AT_RISK DORMANT@2025-08-16 DUE_SOON@2025-11-16",
      "2025-12-01 STALLED OVERDUE@2025-12-01 DORMANT@2025-08-16",
    ]);
  });

  test("ends with the terminal status that closes a milestone", () => {
    const m = milestone({
      updates: [
        ["2025-07-15", "IN_PROGRESS"],
        ["2025-09-10", "COMPLETE"],
      ],
    });
    expect(milestoneHealthHistory(m, "2026-12-31", context()).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-08-30 AT_RISK DORMANT@2025-08-30",
      "2025-09-10 DONE",
    ]);
  });

  test("makes no entry when only a reason changes (a second slip after the first)", () => {
    const m = milestone({
      deadline: "2025-11",
      updates: [["2025-07-01", "IN_PROGRESS"]],
      changes: [
        ["2025-09-01", "2025-12"],
        ["2025-10-01", "2026-03"],
      ],
    });
    const history = milestoneHealthHistory(m, "2025-12-31", context(3650));
    expect(history.map(brief)).toEqual(["2025-07-01 ON_TRACK", "2025-09-01 AT_RISK SLIPPED@2025-09-01"]);
    expect(history[1]?.flags[0]?.reason).toBe(
      "Deadline moved later on 1 September 2025 (from November 2025 to December 2025)",
    );
  });

  test("makes an entry when a flag's date changes while the health stays the same", () => {
    const m = milestone({
      deadline: "2025-10",
      updates: [["2025-07-01", "IN_PROGRESS"]],
      changes: [["2025-11-15", "2025-09"]],
    });
    expect(milestoneHealthHistory(m, "2025-12-31", context(3650)).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-11-01 STALLED OVERDUE@2025-11-01",
      "2025-11-15 STALLED OVERDUE@2025-10-01",
    ]);
  });

  test("makes no entry on a date where nothing changes (a source that keeps it as it was)", () => {
    const m = milestone({ updates: [["2025-07-01", "IN_PROGRESS"]], evidence: [["bbc", "NEUTRAL"]] });
    expect(milestoneHealthHistory(m, "2026-01-31", context()).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2025-08-16 AT_RISK DORMANT@2025-08-16",
      "2025-10-23 ON_TRACK",
      "2025-12-08 AT_RISK DORMANT@2025-12-08",
    ]);
    expect(milestoneHealthHistory(m, "2026-03-31", context(120)).map(brief)).toEqual([
      "2025-07-01 ON_TRACK",
      "2026-02-21 AT_RISK DORMANT@2026-02-21",
    ]);
  });

  test("starts at the milestone's earliest record when it is older than the announcement", () => {
    const m = milestone({ evidence: [["early", "SUPPORTS"]] });
    expect(milestoneHealthHistory(m, "2025-09-30", context()).map(brief)).toEqual([
      "2025-06-30 ON_TRACK",
      "2025-08-16 AT_RISK DORMANT@2025-08-16",
    ]);
  });

  test.each([
    ["the day before the announcement is empty", "2025-06-30", []],
    ["the announced day holds one entry", "2025-07-01", ["2025-07-01 ON_TRACK"]],
  ])("a history until %s", (_, until, expected) => {
    expect(milestoneHealthHistory(milestone({ deadline: "2025-11" }), until, context()).map(brief)).toEqual(expected);
  });

  test("refuses an until date that is not a day", () => {
    expect(() => milestoneHealthHistory(milestone(), "2025-11", context())).toThrow(RangeError);
  });
});

describe("agreementHealthHistory", () => {
  test("gives the history of every milestone, in display order", () => {
    const a: Agreement = {
      slug: "a",
      title: "A",
      summary: "",
      parties: ["GB", "FR"],
      announced: d("2025-07"),
      published: true,
      settings: { staleAfterDays: 45, warnBeforeDays: 14 },
      commitments: [
        {
          id: "c1",
          title: "",
          description: "",
          responsible: "FR",
          owner: "",
          tags: [],
          weight: 1,
          indicators: [],
          milestones: [milestone({ id: "m1", deadline: "2025-11" }), milestone({ id: "m2" })],
        },
        {
          id: "c2",
          title: "",
          description: "",
          responsible: "joint",
          owner: "",
          tags: [],
          weight: 1,
          indicators: [],
          milestones: [milestone({ id: "m1", updates: [["2025-08", "COMPLETE"]] })],
        },
      ],
    };
    const result = agreementHealthHistory(a, "2025-12-31", SOURCES);
    expect(result.map((r) => `${r.commitment}/${r.milestone}`)).toEqual(["c1/m1", "c1/m2", "c2/m1"]);
    const ctx = agreementContext(a, SOURCES);
    result.forEach((r, i) => {
      const m = i < 2 ? a.commitments[0]!.milestones[i]! : a.commitments[1]!.milestones[0]!;
      expect(r.history).toEqual(milestoneHealthHistory(m, "2025-12-31", ctx));
    });
    expect(result[2]!.history.map(brief)).toEqual(["2025-07-01 ON_TRACK", "2025-08-01 DONE"]);
  });
});

// ---- properties ----

const BASE = 20089; // 2025-01-01
const SOURCE_IDS = ["s0", "s1", "s2", "s3", "s4", "missing"];

const preciseDateArb = fc
  .tuple(fc.integer({ min: 0, max: 540 }), fc.constantFrom(...PRECISIONS))
  .map(([offset, precision]) => preciseDate(isoFromDayNumber(BASE + offset), precision));

const milestoneArb: fc.Arbitrary<Milestone> = fc.record({
  id: fc.constant("m"),
  title: fc.constant("t"),
  owner: fc.constant("o"),
  deadline: fc.option(preciseDateArb, { nil: null }),
  deadlineChanges: fc.array(
    fc.record({ on: preciseDateArb, to: preciseDateArb, reason: fc.constant("r"), sources: fc.constant([]) }),
    { maxLength: 3 },
  ),
  statusUpdates: fc.array(
    fc.record({
      on: preciseDateArb,
      status: fc.constantFrom(...STATUSES),
      rationale: fc.constant("r"),
      sources: fc.constant([]),
    }),
    { maxLength: 4 },
  ),
  evidence: fc.array(
    fc.record({
      source: fc.constantFrom(...SOURCE_IDS),
      stance: fc.constantFrom(...STANCES),
      quote: fc.constantFrom("short", "a longer quote ".repeat(8)),
    }),
    { maxLength: 4 },
  ),
});

const contextArb: fc.Arbitrary<AgreementContext> = fc
  .record({
    announced: preciseDateArb,
    stale: fc.integer({ min: 1, max: 120 }),
    warn: fc.integer({ min: 0, max: 60 }),
    published: fc.array(preciseDateArb, { minLength: 5, maxLength: 5 }),
  })
  .map(({ announced, stale, warn, published }) => ({
    announced,
    settings: { staleAfterDays: stale, warnBeforeDays: warn },
    sources: indexSources(published.map((p, i) => ({ ...source(`s${i}`, "2025"), published: p }))),
    locale: "en" as const,
  }));

const key = (h: Pick<MilestoneHealth, "health" | "flags">): string =>
  [h.health, ...h.flags.map((f) => `${f.flag}@${f.since}`)].join(" ");

describe("properties", () => {
  test("between two entries of the history, every day evaluates to the earlier entry", () => {
    fc.assert(
      fc.property(milestoneArb, contextArb, (m, ctx) => {
        const until = isoFromDayNumber(BASE + 600);
        const history = milestoneHealthHistory(m, until, ctx);
        expect(history.length).toBeGreaterThan(0);
        let next = 0;
        let current: HealthHistoryEntry | undefined;
        for (let n = dayNumber(history[0]!.date); n <= BASE + 600; n++) {
          const day = isoFromDayNumber(n);
          if (next < history.length && history[next]!.date === day) {
            current = history[next++]!;
            const { health, flags } = evaluateMilestone(m, day, ctx);
            expect(current).toEqual({ date: day, health, flags });
          } else {
            expect(key(evaluateMilestone(m, day, ctx))).toBe(key(current!));
          }
        }
        expect(next).toBe(history.length);
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  test("consecutive entries differ in health or in their flags and dates", () => {
    fc.assert(
      fc.property(milestoneArb, contextArb, (m, ctx) => {
        const history = milestoneHealthHistory(m, "2026-12-31", ctx);
        for (let i = 1; i < history.length; i++) {
          expect(history[i]!.date > history[i - 1]!.date).toBe(true);
          expect(key(history[i]!)).not.toBe(key(history[i - 1]!));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("records dated after T change nothing at T", () => {
    fc.assert(
      fc.property(milestoneArb, contextArb, fc.integer({ min: 0, max: 600 }), (m, ctx, offset) => {
        const T = isoFromDayNumber(BASE + offset);
        const known = (id: string) => {
          const s = ctx.sources.get(id);
          return s !== undefined && s.published.date <= T;
        };
        const past: Milestone = {
          ...m,
          statusUpdates: m.statusUpdates.filter((u) => u.on.date <= T),
          deadlineChanges: m.deadlineChanges.filter((c) => c.on.date <= T),
          evidence: m.evidence.filter((e) => known(e.source)),
        };
        expect(evaluateMilestone(m, T, ctx)).toEqual(evaluateMilestone(past, T, ctx));
      }),
      { numRuns: 500 },
    );
  });

  test("the same inputs give the same history, and the inputs are not changed", () => {
    fc.assert(
      fc.property(milestoneArb, contextArb, (m, ctx) => {
        const before = structuredClone(m);
        const first = milestoneHealthHistory(m, "2026-06-30", ctx);
        expect(milestoneHealthHistory(m, "2026-06-30", ctx)).toEqual(first);
        expect(m).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  test("a commitment's history holds its health between entries and changes health at each one", () => {
    fc.assert(
      fc.property(fc.array(milestoneArb, { minLength: 1, maxLength: 3 }), contextArb, (milestones, ctx) => {
        const c: Commitment = {
          id: "c",
          title: "t",
          description: "",
          responsible: "joint",
          owner: "o",
          tags: [],
          weight: 1,
          indicators: [],
          milestones: milestones.map((m, i) => ({ ...m, id: `m${i}` })),
        };
        const until = isoFromDayNumber(BASE + 600);
        const history = commitmentHealthHistory(c, until, ctx);
        expect(history.length).toBeGreaterThan(0);
        for (let i = 1; i < history.length; i++) expect(history[i]!.health).not.toBe(history[i - 1]!.health);
        let next = 0;
        let current = history[0]!;
        for (let n = dayNumber(history[0]!.date); n <= BASE + 600; n++) {
          const day = isoFromDayNumber(n);
          const h = evaluateCommitment(c, day, ctx);
          if (next < history.length && history[next]!.date === day) {
            current = history[next++]!;
            expect(current).toEqual({ date: day, health: h.health, progress: h.progress, score: h.score });
          } else {
            expect(h.health, day).toBe(current.health);
          }
        }
        expect(next).toBe(history.length);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  test("a commitment's history sees a milestone pass its deadline before that milestone's own history starts", () => {
    // m0's history starts at the announcement (3 January), but its deadline of 1 January passed on 2 January: the
    // commitment, whose history starts with m1's status update of 1 January, goes from At risk to Stalled that day.
    const ctx: AgreementContext = { ...context(1, 0), announced: d("2025-01-03") };
    const c: Commitment = {
      id: "c",
      title: "t",
      description: "",
      responsible: "joint",
      owner: "o",
      tags: [],
      weight: 1,
      indicators: [],
      milestones: [
        milestone({ id: "m0", deadline: "2025-01-01" }),
        milestone({ id: "m1", updates: [["2025-01-01", "NOT_STARTED"]] }),
      ],
    };
    expect(commitmentHealthHistory(c, "2025-01-10", ctx).map((e) => `${e.date} ${e.health}`)).toEqual([
      "2025-01-01 AT_RISK",
      "2025-01-02 STALLED",
    ]);
    expect(evaluateCommitment(c, "2025-01-02", ctx).health).toBe("STALLED");
  });

  test("a commitment with no milestone has no history", () => {
    const c: Commitment = {
      id: "c",
      title: "t",
      description: "",
      responsible: "joint",
      owner: "o",
      tags: [],
      weight: 1,
      indicators: [],
      milestones: [],
    };
    expect(commitmentHealthHistory(c, "2026-01-01", context())).toEqual([]);
  });
});
