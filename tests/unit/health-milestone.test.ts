/**
 * Milestone rules of spec/health.md: each flag on both sides of its boundaries, the dates it takes effect, the
 * reasons, and the health they add up to.
 */
import { describe, expect, test } from "vitest";
import { dayNumber, isoFromDayNumber } from "@/lib/domain/dates";
import {
  type AgreementContext,
  evaluateMilestone,
  indexSources,
  milestoneState,
  shortQuote,
} from "@/lib/domain/health";
import { dayOf } from "@/lib/domain/health/days";
import type { Milestone, MilestoneHealth, Stance, Status } from "@/lib/domain/types";
import { d, source } from "../support/builders";

// ---- builders ----

interface MilestoneSpec {
  deadline?: string | null;
  /** [on, status] */
  updates?: Array<[string, Status]>;
  /** [on, to] */
  changes?: Array<[string, string]>;
  /** [source id, stance, quote] */
  evidence?: Array<[string, Stance, string?]>;
}

function milestone(spec: MilestoneSpec = {}): Milestone {
  return {
    id: "m",
    title: "A milestone",
    owner: "Someone",
    deadline: spec.deadline ? d(spec.deadline) : null,
    deadlineChanges: (spec.changes ?? []).map(([on, to]) => ({ on: d(on), to: d(to), reason: "moved", sources: [] })),
    statusUpdates: (spec.updates ?? []).map(([on, status]) => ({ on: d(on), status, rationale: "why", sources: [] })),
    evidence: (spec.evidence ?? []).map(([id, stance, quote]) => ({
      source: id,
      stance,
      quote: quote ?? `quote ${id}`,
    })),
  };
}

const SOURCES = [
  source("bbc", "2025-10-23", "BBC"),
  source("times", "2025-11", "The Times"),
  source("le-monde", "2025-11-10", "Le Monde"),
  source("guardian", "2025-11-10", "The Guardian"),
  source("ft", "2025-11-10", "Financial Times"),
  source("early", "2025-06-30", "Early Bird"),
  source("on-announced", "2025-07", "Announcer"),
  source("sept", "2025-09-01", "Gazette"),
  source("q4", "2025-Q4", "Quarterly"),
  source("y2026", "2026", "Annual"),
  source("day-21", "2025-11-21", "Daily"),
];

function context(settings: { stale?: number; warn?: number; announced?: string } = {}): AgreementContext {
  return {
    announced: d(settings.announced ?? "2025-07"),
    settings: { staleAfterDays: settings.stale ?? 45, warnBeforeDays: settings.warn ?? 14 },
    sources: indexSources(SOURCES),
    locale: "en",
  };
}

/** Settings under which nothing goes dormant, to look at one other rule alone. */
const NEVER_DORMANT = context({ stale: 3650 });

const flagsOf = (h: MilestoneHealth): string[] => h.flags.map((f) => `${f.flag} ${f.since}`);
const reasonOf = (h: MilestoneHealth, flag: string): string | undefined => h.flags.find((f) => f.flag === flag)?.reason;

// ---- OVERDUE ----

describe("OVERDUE", () => {
  test.each([
    ["a day", "2025-11-21", "2025-11-21", "2025-11-22"],
    ["a month", "2025-11", "2025-11-30", "2025-12-01"],
    ["February of a leap year", "2024-02", "2024-02-29", "2024-03-01"],
    ["February of a common year", "2025-02", "2025-02-28", "2025-03-01"],
    ["the first quarter", "2025-Q1", "2025-03-31", "2025-04-01"],
    ["the third quarter", "2025-Q3", "2025-09-30", "2025-10-01"],
    ["the fourth quarter", "2025-Q4", "2025-12-31", "2026-01-01"],
    ["a year", "2025", "2025-12-31", "2026-01-01"],
  ])(
    "a deadline of %s (%s) is met on its last day %s and overdue from the day after, %s",
    (_, deadline, lastDay, dayAfter) => {
      const m = milestone({ deadline, updates: [["2024-01-01", "IN_PROGRESS"]] });
      const onTime = evaluateMilestone(m, lastDay, NEVER_DORMANT);
      expect(flagsOf(onTime)).toEqual([]);
      expect(onTime.health).toBe("ON_TRACK");
      const late = evaluateMilestone(m, dayAfter, NEVER_DORMANT);
      expect(flagsOf(late)).toEqual([`OVERDUE ${dayAfter}`]);
      expect(late.health).toBe("STALLED");
    },
  );

  test.each([
    ["2025-11", "2025-12-05", "Overdue since 1 December 2025 (deadline: November 2025)"],
    ["2025-11-21", "2025-11-22", "Overdue since 22 November 2025 (deadline: 21 November 2025)"],
    ["2025-Q3", "2025-12-05", "Overdue since 1 October 2025 (deadline: Q3 2025)"],
    ["2024", "2025-12-05", "Overdue since 1 January 2025 (deadline: 2024)"],
    ["2024-02", "2024-03-01", "Overdue since 1 March 2024 (deadline: February 2024)"],
  ])("names the day after a deadline of %s and the deadline in its own precision", (deadline, asOf, reason) => {
    const h = evaluateMilestone(milestone({ deadline, updates: [["2024-01-01", "IN_PROGRESS"]] }), asOf, NEVER_DORMANT);
    expect(reasonOf(h, "OVERDUE")).toBe(reason);
  });

  test("a milestone without a deadline is never overdue", () => {
    const h = evaluateMilestone(milestone({ updates: [["2025-07-01", "IN_PROGRESS"]] }), "2030-01-01", NEVER_DORMANT);
    expect(flagsOf(h)).toEqual([]);
  });

  test("an open milestone that has not started is overdue like one in progress", () => {
    const h = evaluateMilestone(milestone({ deadline: "2025-11" }), "2025-12-01", NEVER_DORMANT);
    expect(flagsOf(h)).toEqual(["OVERDUE 2025-12-01"]);
  });

  test("a deadline moved later before it passed is not overdue on the old deadline", () => {
    const m = milestone({ deadline: "2025-11", changes: [["2025-11-20", "2026-03"]] });
    expect(flagsOf(evaluateMilestone(m, "2025-12-01", NEVER_DORMANT))).toEqual(["SLIPPED 2025-11-20"]);
  });

  test("a deadline change becomes the current deadline only from the day it is dated", () => {
    const m = milestone({
      deadline: "2025-11",
      updates: [["2025-07-01", "IN_PROGRESS"]],
      changes: [["2025-12-05", "2026-03"]],
    });
    expect(flagsOf(evaluateMilestone(m, "2025-12-04", NEVER_DORMANT))).toEqual(["OVERDUE 2025-12-01"]);
    expect(flagsOf(evaluateMilestone(m, "2025-12-05", NEVER_DORMANT))).toEqual(["SLIPPED 2025-12-05"]);
  });

  test("a deadline moved earlier can make a milestone overdue from the day after the new deadline", () => {
    const m = milestone({
      deadline: "2026-03",
      updates: [["2025-07-01", "IN_PROGRESS"]],
      changes: [["2025-12-05", "2025-11"]],
    });
    const h = evaluateMilestone(m, "2025-12-05", NEVER_DORMANT);
    expect(flagsOf(h)).toEqual(["OVERDUE 2025-12-01"]);
  });
});

// ---- dates with a coarse precision count from their first day ----

describe("records count from the first day of their period", () => {
  const PERIODS = [
    ["a day", "2025-11-21", "2025-11-20", "2025-11-21"],
    ["a month", "2025-11", "2025-10-31", "2025-11-01"],
    ["a quarter", "2025-Q4", "2025-09-30", "2025-10-01"],
    ["a year", "2026", "2025-12-31", "2026-01-01"],
  ] as const;

  test.each(PERIODS)("a status update dated %s (%s) is unknown on %s and known on %s", (_, on, before, first) => {
    const m = milestone({ updates: [[on, "COMPLETE"]] });
    expect(evaluateMilestone(m, before, NEVER_DORMANT).health).toBe("ON_TRACK");
    expect(milestoneState(m, before, NEVER_DORMANT).statusOn).toBeNull();
    expect(evaluateMilestone(m, first, NEVER_DORMANT).health).toBe("DONE");
    expect(milestoneState(m, first, NEVER_DORMANT).statusOn).toEqual(d(on));
  });

  test.each([
    ["a day", "day-21", "2025-11-20", "2025-11-21"],
    ["a month", "times", "2025-10-31", "2025-11-01"],
    ["a quarter", "q4", "2025-09-30", "2025-10-01"],
    ["a year", "y2026", "2025-12-31", "2026-01-01"],
  ])("a source of %s (%s) is unknown on %s and known on %s", (_, id, before, first) => {
    const m = milestone({ evidence: [[id, "INDICATES_DELAY"]] });
    expect(flagsOf(evaluateMilestone(m, before, NEVER_DORMANT))).toEqual([]);
    expect(flagsOf(evaluateMilestone(m, first, NEVER_DORMANT))).toEqual([`CONTRADICTED ${first}`]);
  });

  test.each(PERIODS)("a deadline change dated %s (%s) is unknown on %s and known on %s", (_, on, before, first) => {
    const m = milestone({ deadline: "2025-06", updates: [["2025-06-01", "IN_PROGRESS"]], changes: [[on, "2027"]] });
    expect(flagsOf(evaluateMilestone(m, before, NEVER_DORMANT))).toEqual(["OVERDUE 2025-07-01"]);
    expect(flagsOf(evaluateMilestone(m, first, NEVER_DORMANT))).toEqual([`SLIPPED ${first}`]);
  });
});

// ---- CONTRADICTED ----

describe("CONTRADICTED", () => {
  test.each<[string, MilestoneSpec, string, string[], string?]>([
    [
      "a delaying source is the latest",
      { evidence: [["bbc", "INDICATES_DELAY"]] },
      "2025-10-23",
      ["CONTRADICTED 2025-10-23"],
      "BBC",
    ],
    [
      "several sources share the latest date and the second of them delays",
      {
        evidence: [
          ["le-monde", "SUPPORTS"],
          ["guardian", "INDICATES_DELAY"],
          ["ft", "NEUTRAL"],
        ],
      },
      "2025-11-10",
      ["CONTRADICTED 2025-11-10"],
      "The Guardian",
    ],
    [
      "several sources share the latest date and the first of them delays",
      {
        evidence: [
          ["guardian", "CONTRADICTS"],
          ["le-monde", "SUPPORTS"],
        ],
      },
      "2025-11-10",
      ["CONTRADICTED 2025-11-10"],
      "The Guardian",
    ],
    [
      "two sources on the latest date delay (the first in the list is named)",
      {
        evidence: [
          ["le-monde", "SUPPORTS"],
          ["ft", "INDICATES_DELAY"],
          ["guardian", "CONTRADICTS"],
        ],
      },
      "2025-11-10",
      ["CONTRADICTED 2025-11-10"],
      "Financial Times",
    ],
    [
      "the delaying source is listed after a newer supporting one",
      {
        evidence: [
          ["le-monde", "SUPPORTS"],
          ["bbc", "INDICATES_DELAY"],
        ],
      },
      "2025-11-10",
      [],
    ],
    [
      "a supporting source is newer than the delaying one",
      {
        evidence: [
          ["bbc", "INDICATES_DELAY"],
          ["le-monde", "SUPPORTS"],
        ],
      },
      "2025-11-10",
      [],
    ],
    [
      "a neutral source is newer than the delaying one",
      {
        evidence: [
          ["bbc", "CONTRADICTS"],
          ["le-monde", "NEUTRAL"],
        ],
      },
      "2025-11-10",
      [],
    ],
    [
      "the newer supporting source is dated after T",
      {
        evidence: [
          ["bbc", "INDICATES_DELAY"],
          ["le-monde", "SUPPORTS"],
        ],
      },
      "2025-11-09",
      ["CONTRADICTED 2025-10-23"],
      "BBC",
    ],
    ["the delaying source is dated after T", { evidence: [["le-monde", "INDICATES_DELAY"]] }, "2025-11-09", []],
    [
      "the delaying source is older than the latest status update",
      { updates: [["2025-10-24", "IN_PROGRESS"]], evidence: [["bbc", "INDICATES_DELAY"]] },
      "2025-10-30",
      [],
    ],
    [
      "the delaying source is dated the same day as the latest status update",
      { updates: [["2025-10-23", "IN_PROGRESS"]], evidence: [["bbc", "INDICATES_DELAY"]] },
      "2025-10-30",
      ["CONTRADICTED 2025-10-23"],
      "BBC",
    ],
    [
      "the delaying source is newer than the latest status update",
      { updates: [["2025-10-22", "IN_PROGRESS"]], evidence: [["bbc", "INDICATES_DELAY"]] },
      "2025-10-30",
      ["CONTRADICTED 2025-10-23"],
      "BBC",
    ],
    [
      "the status update that would clear it is dated after T",
      { updates: [["2025-10-24", "IN_PROGRESS"]], evidence: [["bbc", "INDICATES_DELAY"]] },
      "2025-10-23",
      ["CONTRADICTED 2025-10-23"],
      "BBC",
    ],
    [
      "there is no status update and the delaying source predates the announcement",
      { evidence: [["early", "INDICATES_DELAY"]] },
      "2025-07-15",
      [],
    ],
    [
      "there is no status update and the delaying source is dated the announced month",
      { evidence: [["on-announced", "INDICATES_DELAY"]] },
      "2025-07-15",
      ["CONTRADICTED 2025-07-01"],
      "Announcer",
    ],
    [
      "the delaying link cites a source that does not exist",
      { evidence: [["missing", "CONTRADICTS"]] },
      "2025-11-10",
      [],
    ],
    [
      "a newer supporting link cites a source that does not exist",
      {
        evidence: [
          ["bbc", "INDICATES_DELAY"],
          ["missing", "SUPPORTS"],
        ],
      },
      "2025-11-10",
      ["CONTRADICTED 2025-10-23"],
      "BBC",
    ],
    ["only supporting evidence exists", { evidence: [["bbc", "SUPPORTS"]] }, "2025-11-10", []],
  ])("when %s", (_, spec, asOf, expected, outlet) => {
    const h = evaluateMilestone(milestone(spec), asOf, NEVER_DORMANT);
    expect(flagsOf(h)).toEqual(expected);
    expect(h.health).toBe(expected.length > 0 ? "STALLED" : "ON_TRACK");
    if (outlet) expect(reasonOf(h, "CONTRADICTED")).toMatch(new RegExp(`^The latest source, ${outlet}, `));
  });

  test("names the outlet, the source date in its own precision and the quote of a delay", () => {
    const m = milestone({
      evidence: [
        [
          "bbc",
          "INDICATES_DELAY",
          "France is backing away from a recent commitment to intervene more forcefully at sea",
        ],
      ],
    });
    expect(reasonOf(evaluateMilestone(m, "2025-10-31", NEVER_DORMANT), "CONTRADICTED")).toBe(
      "The latest source, BBC, 23 October 2025, reports delay: “France is backing away from a recent commitment to intervene more forcefully at…”",
    );
  });

  test("says a contradicting source contradicts progress, with a month-precision date", () => {
    const m = milestone({ evidence: [["times", "CONTRADICTS", "The new power will be limited"]] });
    expect(reasonOf(evaluateMilestone(m, "2025-11-20", NEVER_DORMANT), "CONTRADICTED")).toBe(
      "The latest source, The Times, November 2025, contradicts progress: “The new power will be limited”",
    );
  });
});

describe("shortQuote", () => {
  const eightyFour = "abcd ".repeat(16) + "wxyz"; // a space at index 79, a word across index 80
  test.each([
    ["a short quote is kept whole", "Still being studied.", "Still being studied."],
    ["surrounding blanks are dropped", "  Still being studied.\n", "Still being studied."],
    ["a quote of exactly 80 characters is kept whole", "a".repeat(75) + " bcde", "a".repeat(75) + " bcde"],
    ["a quote of 81 characters is cut before its last word", "a".repeat(75) + " bcdef", "a".repeat(75) + "…"],
    ["the cut falls on the last word boundary within 80 characters", eightyFour, "abcd ".repeat(16).trim() + "…"],
    ["punctuation before the cut is dropped", "a".repeat(70) + ", bb; " + "c".repeat(20), "a".repeat(70) + ", bb…"],
    ["a single word longer than 80 characters is cut at 80", "x".repeat(100), "x".repeat(80) + "…"],
  ])("%s", (_, quote, expected) => {
    expect(shortQuote(quote)).toBe(expected);
    expect(shortQuote(quote).length).toBeLessThanOrEqual(81);
  });
});

// ---- SLIPPED ----

describe("SLIPPED", () => {
  test.each<[string, string | null, Array<[string, string]>, string, string | null]>([
    ["a move later", "2025-11", [["2025-10-05", "2026-03"]], "2025-10-10", "2025-10-05"],
    ["a move earlier", "2026-03", [["2025-10-05", "2025-12"]], "2025-10-10", null],
    ["a first deadline where there was none", null, [["2025-10-05", "2025-12"]], "2025-10-10", null],
    [
      "a first deadline, then a move later",
      null,
      [
        ["2025-10-05", "2025-12"],
        ["2025-10-07", "2026"],
      ],
      "2025-10-10",
      "2025-10-07",
    ],
    [
      "a move to the same last day in a coarser precision",
      "2025-11-30",
      [["2025-10-05", "2025-11"]],
      "2025-10-10",
      null,
    ],
    ["a move to the same period in a finer precision", "2025-Q4", [["2025-10-05", "2025-12-31"]], "2025-10-10", null],
    ["a move one day later", "2025-11-30", [["2025-10-05", "2025-12-01"]], "2025-10-10", "2025-10-05"],
    [
      "a move later, then back earlier",
      "2025-11",
      [
        ["2025-10-05", "2026-03"],
        ["2025-10-07", "2025-11"],
      ],
      "2025-10-10",
      "2025-10-05",
    ],
    [
      "a move earlier, then later than that but not than the original",
      "2025-12",
      [
        ["2025-10-05", "2025-10"],
        ["2025-10-07", "2025-11"],
      ],
      "2025-10-10",
      "2025-10-07",
    ],
    [
      "two moves later (the first dates it)",
      "2025-11",
      [
        ["2025-10-05", "2025-12"],
        ["2025-10-07", "2026"],
      ],
      "2025-10-10",
      "2025-10-05",
    ],
    ["a move later dated after T", "2025-11", [["2025-10-11", "2026-03"]], "2025-10-10", null],
    ["a move later dated T", "2025-11", [["2025-10-10", "2026-03"]], "2025-10-10", "2025-10-10"],
    ["a move later dated in a month", "2025-11", [["2025-10", "2026-03"]], "2025-10-10", "2025-10-01"],
  ])("%s", (_, deadline, changes, asOf, since) => {
    const m = milestone({ deadline, changes, updates: [["2025-07-01", "IN_PROGRESS"]] });
    const h = evaluateMilestone(m, asOf, NEVER_DORMANT);
    expect(flagsOf(h)).toEqual(since ? [`SLIPPED ${since}`] : []);
    expect(h.health).toBe(since ? "AT_RISK" : "ON_TRACK");
    expect(milestoneState(m, asOf, NEVER_DORMANT).slipped).toBe(since !== null);
  });

  test("walks deadline changes in date order even when they are listed otherwise", () => {
    const m = milestone({
      deadline: "2025-11",
      updates: [["2025-07-01", "IN_PROGRESS"]],
      changes: [
        ["2025-12-10", "2026-06"],
        ["2025-12-01", "2025-10"],
      ],
    });
    // In date order: November → October (earlier), then October → June 2026 (later, on 10 December).
    const h = evaluateMilestone(m, "2025-12-15", NEVER_DORMANT);
    expect(flagsOf(h)).toEqual(["SLIPPED 2025-12-10"]);
    expect(milestoneState(m, "2025-12-15", NEVER_DORMANT).deadline).toEqual(d("2026-06"));
    expect(reasonOf(h, "SLIPPED")).toBe("Deadline moved later on 10 December 2025 (from October 2025 to June 2026)");
  });

  test("of several deadline changes on one date the later in the list is in force", () => {
    const m = milestone({
      deadline: "2025-11",
      changes: [
        ["2025-10-05", "2026"],
        ["2025-10-05", "2025-12"],
      ],
    });
    expect(milestoneState(m, "2025-10-05", NEVER_DORMANT).deadline).toEqual(d("2025-12"));
  });

  test.each([
    [[["2025-12-05", "2026-03"]], "Deadline moved later on 5 December 2025 (from November 2025 to March 2026)"],
    [
      [
        ["2025-12-05", "2026-03"],
        ["2026-01-10", "2026-Q3"],
      ],
      "Deadline moved later 2 times, first on 5 December 2025 (from November 2025 to March 2026)",
    ],
    [
      [
        ["2025-12", "2026"],
        ["2026-01-10", "2025-12"],
        ["2026-01-12", "2027"],
      ],
      "Deadline moved later 2 times, first in December 2025 (from November 2025 to 2026)",
    ],
  ] as Array<[Array<[string, string]>, string]>)(
    "counts the moves later and names the first: %j",
    (changes, reason) => {
      const h = evaluateMilestone(milestone({ deadline: "2025-11", changes }), "2026-01-15", NEVER_DORMANT);
      expect(reasonOf(h, "SLIPPED")).toBe(reason);
    },
  );
});

// ---- DORMANT ----

describe("DORMANT", () => {
  test.each<[string, number, MilestoneSpec, string, string]>([
    ["45 days after a status update", 45, { updates: [["2025-10-23", "IN_PROGRESS"]] }, "2025-12-07", "2025-12-08"],
    ["10 days after a status update", 10, { updates: [["2025-10-01", "IN_PROGRESS"]] }, "2025-10-11", "2025-10-12"],
    ["1 day after a status update", 1, { updates: [["2025-10-01", "IN_PROGRESS"]] }, "2025-10-02", "2025-10-03"],
    ["45 days after the announced date, with no record", 45, {}, "2025-08-15", "2025-08-16"],
    [
      "45 days after a linked source newer than the status update",
      45,
      { updates: [["2025-09-01", "IN_PROGRESS"]], evidence: [["bbc", "NEUTRAL"]] },
      "2025-12-07",
      "2025-12-08",
    ],
    [
      "45 days after a status update newer than the linked source",
      45,
      { updates: [["2025-11-01", "IN_PROGRESS"]], evidence: [["bbc", "SUPPORTS"]] },
      "2025-12-16",
      "2025-12-17",
    ],
    [
      "45 days after the first day of a month-precision status update",
      45,
      { updates: [["2025-10", "IN_PROGRESS"]] },
      "2025-11-15",
      "2025-11-16",
    ],
    [
      "45 days after a status update, a deadline change being no sign of activity",
      45,
      { updates: [["2025-10-23", "IN_PROGRESS"]], deadline: "2027", changes: [["2025-12-01", "2027-06"]] },
      "2025-12-07",
      "2025-12-08",
    ],
    [
      "45 days after a status update, a link to an unknown source being no sign of activity",
      45,
      { updates: [["2025-10-23", "IN_PROGRESS"]], evidence: [["missing", "SUPPORTS"]] },
      "2025-12-07",
      "2025-12-08",
    ],
  ])("is raised more than staleAfterDays %s (limit %i)", (_, stale, spec, lastQuietDay, firstDormantDay) => {
    const ctx = context({ stale, warn: 0 });
    const m = milestone(spec);
    expect(flagsOf(evaluateMilestone(m, lastQuietDay, ctx)).filter((f) => f.startsWith("DORMANT"))).toEqual([]);
    const h = evaluateMilestone(m, firstDormantDay, ctx);
    expect(flagsOf(h).filter((f) => f.startsWith("DORMANT"))).toEqual([`DORMANT ${firstDormantDay}`]);
  });

  test("a source dated after T is no sign of activity at T", () => {
    const m = milestone({ updates: [["2025-09-01", "IN_PROGRESS"]], evidence: [["bbc", "SUPPORTS"]] });
    expect(flagsOf(evaluateMilestone(m, "2025-10-20", context()))).toEqual(["DORMANT 2025-10-17"]);
    expect(flagsOf(evaluateMilestone(m, "2025-10-23", context()))).toEqual([]);
  });

  test("stays dated from the latest activity however long it lasts", () => {
    const h = evaluateMilestone(milestone({ updates: [["2025-10-23", "IN_PROGRESS"]] }), "2026-06-01", context());
    expect(flagsOf(h)).toEqual(["DORMANT 2025-12-08"]);
    expect(h.health).toBe("AT_RISK");
  });

  test.each([
    [45, "No status update or new source since 23 October 2025 (more than 45 days)"],
    [1, "No status update or new source since 23 October 2025 (more than 1 day)"],
  ])("names the latest activity and the limit of %i", (stale, reason) => {
    const h = evaluateMilestone(milestone({ evidence: [["bbc", "SUPPORTS"]] }), "2026-01-01", context({ stale }));
    expect(reasonOf(h, "DORMANT")).toBe(reason);
  });
});

// ---- DUE_SOON ----

describe("DUE_SOON", () => {
  test.each<[string, string, number, string, string[]]>([
    ["one day more than warnBeforeDays before", "2025-11", 14, "2025-11-15", []],
    ["exactly warnBeforeDays before", "2025-11", 14, "2025-11-16", ["DUE_SOON 2025-11-16"]],
    ["on the deadline day", "2025-11", 14, "2025-11-30", ["DUE_SOON 2025-11-16"]],
    ["the day after the deadline (overdue instead)", "2025-11", 14, "2025-12-01", ["OVERDUE 2025-12-01"]],
    ["the day before, with no warning period", "2025-11", 0, "2025-11-29", []],
    ["on the deadline day, with no warning period", "2025-11", 0, "2025-11-30", ["DUE_SOON 2025-11-30"]],
    ["within the period, for a leap-year February deadline", "2024-02", 14, "2024-02-15", ["DUE_SOON 2024-02-15"]],
    ["before the period, for a leap-year February deadline", "2024-02", 14, "2024-02-14", []],
    ["within the period, for a quarter deadline", "2025-Q4", 14, "2025-12-17", ["DUE_SOON 2025-12-17"]],
    ["before the period, for a quarter deadline", "2025-Q4", 14, "2025-12-16", []],
    ["within the period, for a year deadline", "2025", 30, "2025-12-01", ["DUE_SOON 2025-12-01"]],
    ["before the period, for a year deadline", "2025", 30, "2025-11-30", []],
    ["within the period, for a day deadline", "2025-11-21", 14, "2025-11-07", ["DUE_SOON 2025-11-07"]],
    ["before the period, for a day deadline", "2025-11-21", 14, "2025-11-06", []],
  ])("for a milestone not started, %s", (_, deadline, warn, asOf, expected) => {
    const h = evaluateMilestone(milestone({ deadline }), asOf, context({ stale: 3650, warn }));
    expect(flagsOf(h)).toEqual(expected);
  });

  test.each<[string, MilestoneSpec, string[]]>([
    ["a milestone with no status update", { deadline: "2025-11" }, ["DUE_SOON 2025-11-16"]],
    [
      "a milestone set NOT_STARTED",
      { deadline: "2025-11", updates: [["2025-09-01", "NOT_STARTED"]] },
      ["DUE_SOON 2025-11-16"],
    ],
    ["a milestone IN_PROGRESS", { deadline: "2025-11", updates: [["2025-09-01", "IN_PROGRESS"]] }, []],
    [
      "a milestone back to NOT_STARTED after being in progress",
      {
        deadline: "2025-11",
        updates: [
          ["2025-08-01", "IN_PROGRESS"],
          ["2025-09-01", "NOT_STARTED"],
        ],
      },
      ["DUE_SOON 2025-11-16"],
    ],
    ["a milestone without a deadline", {}, []],
    [
      "a milestone whose deadline was moved out of the period",
      { deadline: "2025-11", changes: [["2025-11-01", "2026-03"]] },
      ["SLIPPED 2025-11-01"],
    ],
  ])("on 20 November 2025, for %s", (_, spec, expected) => {
    const h = evaluateMilestone(milestone(spec), "2025-11-20", NEVER_DORMANT);
    expect(flagsOf(h)).toEqual(expected);
    expect(h.health).toBe(expected.length > 0 ? "AT_RISK" : "ON_TRACK");
  });

  test.each([
    ["2025-11", "Not started, due by 30 November 2025 (deadline: November 2025)"],
    ["2025-Q4", "Not started, due by 31 December 2025 (deadline: Q4 2025)"],
    ["2025-11-21", "Not started, due by 21 November 2025"],
  ])("names the last day of a deadline of %s", (deadline, reason) => {
    const h = evaluateMilestone(milestone({ deadline }), "2025-11-20", context({ stale: 3650, warn: 60 }));
    expect(reasonOf(h, "DUE_SOON")).toBe(reason);
  });
});

// ---- health of an open milestone, reason order ----

describe("health of an open milestone", () => {
  test.each<[string, MilestoneSpec, string, string[], string]>([
    ["no flag is ON_TRACK", { updates: [["2025-10-01", "IN_PROGRESS"]] }, "2025-10-31", [], "ON_TRACK"],
    [
      "DUE_SOON alone is AT_RISK",
      { deadline: "2025-11", evidence: [["bbc", "NEUTRAL"]] },
      "2025-11-16",
      ["DUE_SOON 2025-11-16"],
      "AT_RISK",
    ],
    [
      "DORMANT alone is AT_RISK",
      { updates: [["2025-07-01", "IN_PROGRESS"]] },
      "2025-10-31",
      ["DORMANT 2025-08-16"],
      "AT_RISK",
    ],
    [
      "SLIPPED alone is AT_RISK",
      { deadline: "2025-11", updates: [["2025-10-01", "IN_PROGRESS"]], changes: [["2025-10-15", "2026-03"]] },
      "2025-10-31",
      ["SLIPPED 2025-10-15"],
      "AT_RISK",
    ],
    [
      "DORMANT and DUE_SOON together are AT_RISK",
      { deadline: "2025-11" },
      "2025-11-20",
      ["DORMANT 2025-08-16", "DUE_SOON 2025-11-16"],
      "AT_RISK",
    ],
    [
      "SLIPPED and DORMANT together are STALLED",
      { deadline: "2025-09", updates: [["2025-07-01", "IN_PROGRESS"]], changes: [["2025-08-20", "2026-03"]] },
      "2025-10-31",
      ["SLIPPED 2025-08-20", "DORMANT 2025-08-16"],
      "STALLED",
    ],
    [
      "OVERDUE alone is STALLED",
      { deadline: "2025-10", updates: [["2025-10-01", "IN_PROGRESS"]] },
      "2025-11-01",
      ["OVERDUE 2025-11-01"],
      "STALLED",
    ],
    [
      "CONTRADICTED alone is STALLED",
      { updates: [["2025-10-01", "IN_PROGRESS"]], evidence: [["bbc", "INDICATES_DELAY"]] },
      "2025-10-31",
      ["CONTRADICTED 2025-10-23"],
      "STALLED",
    ],
  ])("%s", (_, spec, asOf, flags, health) => {
    const h = evaluateMilestone(milestone(spec), asOf, context());
    expect(flagsOf(h)).toEqual(flags);
    expect(h.health).toBe(health);
  });

  test("prints OVERDUE, CONTRADICTED, SLIPPED and DORMANT in that order, with their reasons", () => {
    const m = milestone({
      deadline: "2025-09",
      changes: [["2025-08-01", "2025-10"]],
      evidence: [["bbc", "INDICATES_DELAY", "The new doctrine on taxi-boats was still being studied."]],
    });
    expect(evaluateMilestone(m, "2026-01-15", context())).toEqual({
      id: "m",
      health: "STALLED",
      flags: [
        { flag: "OVERDUE", since: "2025-11-01", reason: "Overdue since 1 November 2025 (deadline: October 2025)" },
        {
          flag: "CONTRADICTED",
          since: "2025-10-23",
          reason:
            "The latest source, BBC, 23 October 2025, reports delay: “The new doctrine on taxi-boats was still being studied.”",
        },
        {
          flag: "SLIPPED",
          since: "2025-08-01",
          reason: "Deadline moved later on 1 August 2025 (from September 2025 to October 2025)",
        },
        {
          flag: "DORMANT",
          since: "2025-12-08",
          reason: "No status update or new source since 23 October 2025 (more than 45 days)",
        },
      ],
    });
  });

  test("prints CONTRADICTED, SLIPPED, DORMANT and DUE_SOON in that order", () => {
    const m = milestone({
      deadline: "2025-09",
      changes: [["2025-08-01", "2026-01"]],
      evidence: [["bbc", "INDICATES_DELAY"]],
    });
    const h = evaluateMilestone(m, "2026-01-20", context());
    expect(flagsOf(h)).toEqual([
      "CONTRADICTED 2025-10-23",
      "SLIPPED 2025-08-01",
      "DORMANT 2025-12-08",
      "DUE_SOON 2026-01-17",
    ]);
    expect(h.health).toBe("STALLED");
  });
});

// ---- terminal statuses and the latest status ----

describe("terminal statuses", () => {
  // Would be OVERDUE, CONTRADICTED, SLIPPED and DORMANT if it were open.
  const troubled = (status: Status): Milestone =>
    milestone({
      deadline: "2025-09",
      changes: [["2025-08-01", "2025-10"]],
      updates: [["2025-08-05", status]],
      evidence: [["bbc", "CONTRADICTS"]],
    });

  test.each([
    ["COMPLETE", "DONE"],
    ["PARTIAL", "PARTIAL"],
    ["ABANDONED", "BROKEN"],
  ] as const)("%s decides the health alone (%s), with no flags", (status, health) => {
    expect(evaluateMilestone(troubled(status), "2026-01-15", context())).toEqual({ id: "m", health, flags: [] });
  });

  test("the same milestone while open shows the flags the terminal status hides", () => {
    expect(evaluateMilestone(troubled("IN_PROGRESS"), "2026-01-15", context()).flags).toHaveLength(4);
  });

  test.each<[string, Array<[string, Status]>, string, Status, string | null]>([
    [
      "a later update reopens a completed milestone",
      [
        ["2025-10-01", "COMPLETE"],
        ["2025-10-05", "IN_PROGRESS"],
      ],
      "2025-10-10",
      "IN_PROGRESS",
      "2025-10-05",
    ],
    [
      "of two updates on one date the later in the list wins",
      [
        ["2025-10-01", "IN_PROGRESS"],
        ["2025-10-01", "COMPLETE"],
      ],
      "2025-10-10",
      "COMPLETE",
      "2025-10-01",
    ],
    [
      "of two updates on one date the later in the list wins, either way",
      [
        ["2025-10-01", "COMPLETE"],
        ["2025-10-01", "IN_PROGRESS"],
      ],
      "2025-10-10",
      "IN_PROGRESS",
      "2025-10-01",
    ],
    [
      "updates are picked by date, not by their place in the list",
      [
        ["2025-11-01", "COMPLETE"],
        ["2025-10-01", "IN_PROGRESS"],
      ],
      "2025-11-05",
      "COMPLETE",
      "2025-11-01",
    ],
    [
      "an update dated after T does not exist yet",
      [
        ["2025-11-01", "COMPLETE"],
        ["2025-10-01", "IN_PROGRESS"],
      ],
      "2025-10-31",
      "IN_PROGRESS",
      "2025-10-01",
    ],
    [
      "a day-precision update beats a month-precision one that starts earlier",
      [
        ["2025-10-15", "ABANDONED"],
        ["2025-10", "IN_PROGRESS"],
      ],
      "2025-10-31",
      "ABANDONED",
      "2025-10-15",
    ],
    [
      "with no update dated up to T the milestone is not started",
      [["2025-11-01", "COMPLETE"]],
      "2025-10-31",
      "NOT_STARTED",
      null,
    ],
  ])("%s", (_, updates, asOf, status, statusOn) => {
    const state = milestoneState(milestone({ updates }), asOf, NEVER_DORMANT);
    expect(state.status).toBe(status);
    expect(state.statusOn?.date ?? null).toBe(statusOn);
  });
});

describe("milestoneState", () => {
  test("reports the status, its date, the current deadline and whether it slipped", () => {
    const m = milestone({
      deadline: "2025-11",
      updates: [["2025-10-01", "IN_PROGRESS"]],
      changes: [
        ["2025-12-05", "2026-03"],
        ["2026-02-01", "2026-Q2"],
      ],
    });
    expect(milestoneState(m, "2025-12-01", NEVER_DORMANT)).toEqual({
      status: "IN_PROGRESS",
      statusOn: d("2025-10-01"),
      deadline: d("2025-11"),
      slipped: false,
    });
    expect(milestoneState(m, "2026-02-01", NEVER_DORMANT)).toEqual({
      status: "IN_PROGRESS",
      statusOn: d("2025-10-01"),
      deadline: d("2026-Q2"),
      slipped: true,
    });
  });

  test("reports the deadline and slips of a terminal milestone too", () => {
    const m = milestone({
      deadline: "2025-11",
      updates: [["2025-12-10", "COMPLETE"]],
      changes: [["2025-12-05", "2026-03"]],
    });
    expect(milestoneState(m, "2025-12-20", NEVER_DORMANT)).toEqual({
      status: "COMPLETE",
      statusOn: d("2025-12-10"),
      deadline: d("2026-03"),
      slipped: true,
    });
  });

  test("a milestone with no deadline and no records has none", () => {
    expect(milestoneState(milestone(), "2025-12-20", NEVER_DORMANT)).toEqual({
      status: "NOT_STARTED",
      statusOn: null,
      deadline: null,
      slipped: false,
    });
  });
});

describe("the as-of date", () => {
  test.each(["2025-11", "2025-02-30", "20251101", "", "2025-11-01T00:00:00Z"])("refuses %j", (asOf) => {
    expect(() => evaluateMilestone(milestone(), asOf, NEVER_DORMANT)).toThrow(RangeError);
    expect(() => milestoneState(milestone(), asOf, NEVER_DORMANT)).toThrow(RangeError);
  });
});

describe("the engine's day arithmetic", () => {
  test("counts days exactly as dates.ts does, every day from 1899 to 2101", () => {
    for (let n = dayNumber("1899-01-01"); n <= dayNumber("2101-12-31"); n++) {
      const iso = isoFromDayNumber(n);
      if (dayOf(iso) !== n) expect(dayOf(iso)).toBe(n); // one expect per mismatch only: 74,000 days
    }
  });

  test.each([
    ["1970-01-01", 0],
    ["2000-02-29", 11016],
    ["2024-02-29", 19782],
    ["2025-03-01", 20148],
    ["1969-12-31", -1],
  ])("%s is day %i", (iso, n) => {
    expect(dayOf(iso)).toBe(n);
    expect(dayNumber(iso)).toBe(n);
  });
});
