/**
 * The public changelog (issue 4, "Changes"): status updates, deadline changes and health transitions of an
 * agreement, from its records and from the health history of spec/health.md. Pinned on the demo data, whose story is
 * told in tests/unit/demo-story.test.ts, and on small agreements built here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, test } from "vitest";
import {
  type ChangeEntry,
  type DeadlineChangeEntry,
  type MilestoneHealthChange,
  agreementChangelog,
  CHANGES_PAGE_ENTRIES,
  ChangelogCollector,
  changelogPage,
  organisationChangelog,
} from "@/lib/domain/changelog";
import {
  agreementContext,
  agreementHealthHistory,
  evaluateCommitment,
  evaluateMilestone,
  indexSources,
} from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import type { Agreement, Dataset, Milestone, Status } from "@/lib/domain/types";
import { d, source } from "../support/builders";

const file = path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json");

function demo(): Dataset {
  const parsed = parseInterchangeText(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

const DEMO = demo();
const AGREEMENT = DEMO.agreements[0]!;
const SOURCES = indexSources(DEMO.sources);
const SLUG = "uk-france-small-boats-2025";

/** An entry in short: "date KIND id-without-the-agreement". */
const brief = (e: ChangeEntry): string => `${e.date} ${e.kind} ${e.id.slice(SLUG.length + 1)}`;

function changelog(until: string, since?: string): ChangeEntry[] {
  return agreementChangelog(AGREEMENT, SOURCES, since === undefined ? { until } : { until, since });
}

function find(entries: readonly ChangeEntry[], id: string): ChangeEntry {
  const found = entries.find((e) => e.id === `${SLUG}/${id}`);
  if (!found) throw new Error(`no entry ${id} in ${entries.map(brief).join("\n")}`);
  return found;
}

describe("the demo agreement's changelog", () => {
  const entries = changelog("2026-01-31");

  it("lists every change up to 31 January 2026, newest day first, in reading order within a day", () => {
    expect(entries.map(brief)).toEqual([
      "2025-12-17 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-12-17/STALLED",
      "2025-12-01 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-12-01/STALLED",
      "2025-11-16 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-11-16/STALLED",
      "2025-11-01 STATUS_UPDATE maritime-interception/adopt-doctrine/status/2025-11/PARTIAL",
      "2025-11-01 MILESTONE_HEALTH maritime-interception/adopt-doctrine/health/2025-11-01/PARTIAL",
      "2025-11-01 DEADLINE_CHANGE maritime-interception/deploy-tactics/deadline/2025-11/2025-11",
      "2025-11-01 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-11-01/STALLED",
      "2025-10-23 MILESTONE_HEALTH maritime-interception/adopt-doctrine/health/2025-10-23/STALLED",
      "2025-10-23 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-10-23/STALLED",
      "2025-10-23 COMMITMENT_HEALTH maritime-interception/health/2025-10-23/STALLED",
      "2025-09-01 STATUS_UPDATE one-in-one-out/enact-scheme/status/2025-09/COMPLETE",
      "2025-09-01 MILESTONE_HEALTH one-in-one-out/enact-scheme/health/2025-09-01/DONE",
      "2025-09-01 COMMITMENT_HEALTH one-in-one-out/health/2025-09-01/DONE",
      "2025-08-16 MILESTONE_HEALTH maritime-interception/adopt-doctrine/health/2025-08-16/AT_RISK",
      "2025-08-16 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-08-16/AT_RISK",
      "2025-08-16 COMMITMENT_HEALTH maritime-interception/health/2025-08-16/AT_RISK",
      "2025-08-16 MILESTONE_HEALTH one-in-one-out/enact-scheme/health/2025-08-16/AT_RISK",
      "2025-08-16 COMMITMENT_HEALTH one-in-one-out/health/2025-08-16/AT_RISK",
      "2025-07-01 STATUS_UPDATE maritime-interception/adopt-doctrine/status/2025-07/IN_PROGRESS",
      "2025-07-01 MILESTONE_HEALTH maritime-interception/adopt-doctrine/health/2025-07-01/ON_TRACK",
      "2025-07-01 MILESTONE_HEALTH maritime-interception/deploy-tactics/health/2025-07-01/ON_TRACK",
      "2025-07-01 COMMITMENT_HEALTH maritime-interception/health/2025-07-01/ON_TRACK",
      "2025-07-01 MILESTONE_HEALTH one-in-one-out/enact-scheme/health/2025-07-01/ON_TRACK",
      "2025-07-01 COMMITMENT_HEALTH one-in-one-out/health/2025-07-01/ON_TRACK",
    ]);
  });

  it("shows the doctrine stalled on 23 October 2025, contradicted by the BBC report it cites", () => {
    const stalled = find(entries, "maritime-interception/adopt-doctrine/health/2025-10-23/STALLED");
    expect(stalled).toMatchObject({
      kind: "MILESTONE_HEALTH",
      date: "2025-10-23",
      from: "AT_RISK",
      health: "STALLED",
      sources: ["bbc-2025-10-23"],
      title: "Maritime doctrine adopted letting police intervene against boats in shallow water: At risk → Stalled",
    });
    expect((stalled as MilestoneHealthChange).flags).toEqual([
      expect.objectContaining({ flag: "CONTRADICTED", since: "2025-10-23" }),
    ]);
    expect(stalled.summary).toMatch(/^The latest source, BBC, 23 October 2025, reports delay: “The maritime/);
  });

  it("shows the doctrine partly delivered from November 2025, with the status update and The Times", () => {
    const update = find(entries, "maritime-interception/adopt-doctrine/status/2025-11/PARTIAL");
    expect(update).toMatchObject({
      kind: "STATUS_UPDATE",
      date: "2025-11-01",
      on: { date: "2025-11-01", precision: "MONTH" },
      status: "PARTIAL",
      previous: "IN_PROGRESS",
      sources: ["times-2025-11"],
      title: "Maritime doctrine adopted letting police intervene against boats in shallow water: status Partial",
    });
    expect(update.summary).toMatch(
      /^Status changed from In progress to Partial \(dated November 2025\)\. A new maritime doctrine was signed/,
    );
    const health = find(entries, "maritime-interception/adopt-doctrine/health/2025-11-01/PARTIAL");
    expect(health).toMatchObject({ from: "STALLED", health: "PARTIAL", sources: ["times-2025-11"] });
    // Still partial on 21 November 2025: no later entry for the doctrine.
    expect(
      entries.filter((e) => e.milestone?.id === "adopt-doctrine" && e.date > "2025-11-01" && e.date <= "2025-11-21"),
    ).toEqual([]);
  });

  it("records the deployment's deadline as set for November 2025, then overdue from 1 December 2025", () => {
    const deadline = find(entries, "maritime-interception/deploy-tactics/deadline/2025-11/2025-11");
    expect(deadline).toMatchObject({
      kind: "DEADLINE_CHANGE",
      from: null,
      to: { date: "2025-11-01", precision: "MONTH" },
      direction: "SET",
      sources: ["times-2025-11"],
      title: "Interception tactics deployed at sea: deadline set: November 2025",
    });
    const overdue = find(entries, "maritime-interception/deploy-tactics/health/2025-12-01/STALLED") as
      MilestoneHealthChange | undefined;
    expect(overdue?.flags[0]).toMatchObject({ flag: "OVERDUE", since: "2025-12-01" });
    expect(overdue?.summary).toMatch(/^Overdue since 1 December 2025 \(deadline: November 2025\)\. /);
    expect(overdue?.sources).toEqual([]);
  });

  it("counts the returns scheme delivered from September 2025 and its commitment done", () => {
    expect(find(entries, "one-in-one-out/enact-scheme/health/2025-09-01/DONE")).toMatchObject({ from: "AT_RISK" });
    expect(find(entries, "one-in-one-out/health/2025-09-01/DONE")).toMatchObject({
      kind: "COMMITMENT_HEALTH",
      progress: 100,
      score: 1,
      summary: "Progress 100%, compliance score +1.",
    });
  });

  it("gives every entry a distinct id", () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});

describe("the changelog agrees with the health engine", () => {
  const entries = changelog("2026-01-31");
  const ctx = agreementContext(AGREEMENT, SOURCES);

  it("lists exactly the entries of every milestone's health history", () => {
    const fromHistory = agreementHealthHistory(AGREEMENT, "2026-01-31", SOURCES).flatMap((h) =>
      h.history.map((e) => `${h.commitment}/${h.milestone} ${e.date} ${e.health}`),
    );
    const fromChangelog = entries
      .filter((e): e is MilestoneHealthChange => e.kind === "MILESTONE_HEALTH")
      .map((e) => `${e.commitment.id}/${e.milestone.id} ${e.date} ${e.health}`);
    expect([...fromChangelog].sort()).toEqual([...fromHistory].sort());
  });

  it("gives, on each transition's date, the health and flags the scorecard shows that day", () => {
    for (const e of entries) {
      const commitment = AGREEMENT.commitments.find((c) => c.id === e.commitment.id)!;
      if (e.kind === "MILESTONE_HEALTH") {
        const milestone = commitment.milestones.find((m) => m.id === e.milestone.id)!;
        const health = evaluateMilestone(milestone, e.date, ctx);
        expect({ health: health.health, flags: health.flags }, e.id).toEqual({ health: e.health, flags: e.flags });
      }
      if (e.kind === "COMMITMENT_HEALTH") {
        expect(evaluateCommitment(commitment, e.date, ctx).health, e.id).toBe(e.health);
      }
    }
  });

  it("lists, as of an earlier day, the same changes up to that day (ids, dates and titles)", () => {
    const key = (e: ChangeEntry) => `${e.id} ${e.date} ${e.title}`;
    for (const until of ["2025-07-31", "2025-10-23", "2025-10-31", "2025-11-21", "2025-12-01"]) {
      expect(changelog(until).map(key), until).toEqual(entries.filter((e) => e.date <= until).map(key));
    }
  });
});

describe("as of a day and since a day", () => {
  it("lists nothing dated after the as-of day, and cites no source published after it", () => {
    const asOf = changelog("2025-10-31");
    expect(asOf.every((e) => e.date <= "2025-10-31")).toBe(true);
    expect(asOf.some((e) => e.kind === "STATUS_UPDATE" && e.status === "PARTIAL")).toBe(false);
    // The July status update cites the BBC (October) and The Times (November): as of 31 October only the BBC exists.
    expect(find(asOf, "maritime-interception/adopt-doctrine/status/2025-07/IN_PROGRESS").sources).toEqual([
      "bbc-2025-10-23",
    ]);
  });

  it("lists nothing before the agreement was announced", () => {
    expect(changelog("2025-06-30")).toEqual([]);
  });

  it("lists, since a day, the changes on or after it, each with the health it came from", () => {
    const since = changelog("2026-01-31", "2025-10-23");
    expect(since.map((e) => e.date).every((date) => date >= "2025-10-23")).toBe(true);
    expect(since.map((e) => e.id)).toEqual(
      changelog("2026-01-31")
        .filter((e) => e.date >= "2025-10-23")
        .map((e) => e.id),
    );
    expect(find(since, "maritime-interception/adopt-doctrine/health/2025-10-23/STALLED")).toMatchObject({
      from: "AT_RISK",
    });
  });

  test.each([
    [{ until: "2025-13-01" }, /until must be a calendar day/],
    [{ until: "2025-11" }, /until must be a calendar day/],
    [{ until: "2025-11-30", since: "yesterday" }, /since must be a calendar day/],
  ])("refuses %j", (options, message) => {
    expect(() => agreementChangelog(AGREEMENT, SOURCES, options)).toThrow(message);
  });
});

// ---- Small agreements ----

function milestone(
  id: string,
  spec: { deadline?: string; updates?: Array<[string, Status]>; changes?: Array<[string, string]> } = {},
): Milestone {
  return {
    id,
    title: `Milestone ${id}`,
    owner: "Someone",
    deadline: spec.deadline ? d(spec.deadline) : null,
    deadlineChanges: (spec.changes ?? []).map(([on, to]) => ({
      on: d(on),
      to: d(to),
      reason: `moved to ${to}`,
      sources: ["s"],
    })),
    statusUpdates: (spec.updates ?? []).map(([on, status]) => ({
      on: d(on),
      status,
      rationale: `said ${status}`,
      sources: ["s"],
    })),
    evidence: [],
  };
}

function agreement(slug: string, milestones: Milestone[], published = true): Agreement {
  return {
    slug,
    title: `Agreement ${slug}`,
    summary: "",
    parties: ["GB", "FR"],
    announced: d("2025-01-01"),
    published,
    settings: { staleAfterDays: 1000, warnBeforeDays: 0 },
    commitments: [
      {
        id: "c",
        title: "Commitment c",
        description: "",
        responsible: "joint",
        owner: "Both",
        tags: [],
        weight: 1,
        milestones,
        indicators: [],
      },
    ],
  };
}

const S = indexSources([source("s", "2025-01-01")]);

describe("deadline changes", () => {
  const m = milestone("m", {
    changes: [
      ["2025-02-01", "2025-06"],
      ["2025-03-01", "2025-Q4"],
      ["2025-04-01", "2025-09-30"],
      ["2025-05-01", "2025-Q3"],
    ],
  });
  const deadlines = agreementChangelog(agreement("a", [m]), S, { until: "2025-05-31" })
    .filter((e): e is DeadlineChangeEntry => e.kind === "DEADLINE_CHANGE")
    .reverse();

  it.each([
    [0, "SET", null, "Milestone m: deadline set: June 2025", "Deadline set to June 2025. moved to 2025-06."],
    [
      1,
      "LATER",
      "2025-06",
      "Milestone m: deadline moved later, to Q4 2025",
      "Deadline moved from June 2025 to Q4 2025. moved to 2025-Q4.",
    ],
    [
      2,
      "EARLIER",
      "2025-Q4",
      "Milestone m: deadline brought forward, to 30 September 2025",
      "Deadline brought forward from Q4 2025 to 30 September 2025. moved to 2025-09-30.",
    ],
    [
      3,
      "SAME",
      "2025-09-30",
      "Milestone m: deadline restated: Q3 2025",
      "Deadline restated as Q3 2025. moved to 2025-Q3.",
    ],
  ])("change %i is %s from %s", (index, direction, from, title, summary) => {
    const entry = deadlines[index];
    expect(entry).toMatchObject({ direction, from: from === null ? null : d(from), title, summary });
  });
});

describe("ids", () => {
  it("stay unique for two equal status updates on one day, the second marked -2", () => {
    const m = milestone("m", {
      updates: [
        ["2025-02-01", "IN_PROGRESS"],
        ["2025-02-01", "IN_PROGRESS"],
      ],
    });
    const updates = agreementChangelog(agreement("a", [m]), S, { until: "2025-03-01" }).filter(
      (e) => e.kind === "STATUS_UPDATE",
    );
    expect(updates.map((e) => e.id)).toEqual([
      "a/c/m/status/2025-02-01/IN_PROGRESS",
      "a/c/m/status/2025-02-01/IN_PROGRESS-2",
    ]);
    expect(updates.map((e) => e.summary)).toEqual([
      "Status changed from Not started to In progress. said IN_PROGRESS.",
      "Status confirmed as In progress. said IN_PROGRESS.",
    ]);
  });

  it("do not change when records are added before and after", () => {
    const before = milestone("m", { updates: [["2025-03-01", "IN_PROGRESS"]] });
    const after = milestone("m", {
      updates: [
        ["2025-02-01", "IN_PROGRESS"],
        ["2025-03-01", "IN_PROGRESS"],
        ["2025-04-01", "COMPLETE"],
      ],
    });
    const statusIds = (m: Milestone) =>
      agreementChangelog(agreement("a", [m]), S, { until: "2025-05-01" })
        .filter((e) => e.kind === "STATUS_UPDATE")
        .map((e) => e.id);
    expect(statusIds(before)).toEqual(["a/c/m/status/2025-03-01/IN_PROGRESS"]);
    expect(statusIds(after)).toEqual([
      "a/c/m/status/2025-04-01/COMPLETE",
      "a/c/m/status/2025-03-01/IN_PROGRESS",
      "a/c/m/status/2025-02-01/IN_PROGRESS",
    ]);
  });
});

describe("organisationChangelog", () => {
  const first = agreement("first", [milestone("m", { updates: [["2025-02-01", "COMPLETE"]] })]);
  const second = agreement("second", [milestone("m", { updates: [["2025-02-01", "ABANDONED"]] })]);
  const draft = agreement("draft", [milestone("m", { updates: [["2025-03-01", "COMPLETE"]] })], false);
  const third = agreement("third", [
    milestone("m", {
      updates: [
        ["2025-02-01", "COMPLETE"],
        ["2025-04-01", "ABANDONED"],
      ],
    }),
  ]);
  const agreements = [first, draft, second, third];

  /** A ChangelogCollector given `agreements` `size` at a time. */
  const collected = (options: ConstructorParameters<typeof ChangelogCollector>[0], size: number) => {
    const collector = new ChangelogCollector(options);
    for (let start = 0; start < agreements.length; start += size) {
      collector.add(agreements.slice(start, start + size), S);
    }
    return collector;
  };

  it("merges the published agreements newest day first, agreements in the order given within a day", () => {
    const merged = organisationChangelog([first, draft, second], S, { until: "2025-12-31" });
    expect(merged.map((e) => `${e.date} ${e.id}`)).toEqual([
      "2025-02-01 first/c/m/status/2025-02-01/COMPLETE",
      "2025-02-01 first/c/m/health/2025-02-01/DONE",
      "2025-02-01 first/c/health/2025-02-01/DONE",
      "2025-02-01 second/c/m/status/2025-02-01/ABANDONED",
      "2025-02-01 second/c/m/health/2025-02-01/BROKEN",
      "2025-02-01 second/c/health/2025-02-01/BROKEN",
      "2025-01-01 first/c/m/health/2025-01-01/ON_TRACK",
      "2025-01-01 first/c/health/2025-01-01/ON_TRACK",
      "2025-01-01 second/c/m/health/2025-01-01/ON_TRACK",
      "2025-01-01 second/c/health/2025-01-01/ON_TRACK",
    ]);
  });

  it("leaves drafts out unless asked to include them", () => {
    const ids = (includeDrafts: boolean) =>
      organisationChangelog([first, draft, second], S, { until: "2025-12-31", includeDrafts }).map((e) => e.id);
    expect(ids(false).some((id) => id.startsWith("draft/"))).toBe(false);
    expect(ids(true)).toContain("draft/c/m/status/2025-03-01/COMPLETE");
  });

  it("is, for one published agreement, that agreement's changelog", () => {
    expect(organisationChangelog(DEMO.agreements, SOURCES, { until: "2026-01-31" })).toEqual(changelog("2026-01-31"));
  });

  it("lists, with a limit, the newest changes of the whole merged list, however they fall between agreements", () => {
    const all = organisationChangelog([first, draft, second], S, { until: "2025-12-31" });
    for (const limit of [0, 1, 4, 7, all.length, all.length + 5]) {
      expect(organisationChangelog([first, draft, second], S, { until: "2025-12-31", limit })).toEqual(
        all.slice(0, limit),
      );
    }
  });

  it("refuses a limit that is not a whole number ≥ 0", () => {
    for (const limit of [-1, 1.5, Number.NaN]) {
      expect(() => organisationChangelog([first], S, { until: "2025-12-31", limit })).toThrow(RangeError);
    }
  });

  it("is the same given a batch of agreements at a time (ChangelogCollector), with or without a limit", () => {
    for (const limit of [undefined, 0, 1, 3, 5, 100]) {
      const options = { until: "2025-12-31", ...(limit === undefined ? {} : { limit }) };
      const whole = organisationChangelog(agreements, S, options);
      for (const size of [1, 2, 3]) {
        expect(collected(options, size).result(), `limit ${limit}, batches of ${size}`).toEqual(whole);
      }
    }
    expect(organisationChangelog(agreements, S, { until: "2025-12-31" }).length).toBeGreaterThan(10);
  });

  it("gives, with a limit, changelogPage of the whole merged list: its total, older days and the day cut", () => {
    for (const since of [undefined, "2025-02-01"]) {
      const options = { until: "2025-12-31", includeDrafts: true, ...(since === undefined ? {} : { since }) };
      const whole = organisationChangelog(agreements, S, options);
      for (const limit of [1, 2, 4, 6, whole.length, whole.length + 3]) {
        for (const size of [1, 3]) {
          expect(
            collected({ ...options, limit }, size).page(),
            `since ${since}, limit ${limit}, batches of ${size}`,
          ).toEqual(changelogPage(whole, limit));
        }
      }
    }
    // The cases include a page cut inside a day and one with older days left out.
    const whole = organisationChangelog(agreements, S, { until: "2025-12-31" });
    expect(changelogPage(whole, 2).hiddenOnLastDay).toBeGreaterThan(0);
    expect(changelogPage(whole, 2).olderUntil).not.toBeNull();
  });
});

describe("agreementChangelog with a limit", () => {
  it("lists the newest changes: the first of the whole changelog", () => {
    const all = changelog("2026-01-31");
    expect(all.length).toBeGreaterThan(5);
    expect(agreementChangelog(AGREEMENT, SOURCES, { until: "2026-01-31", limit: 5 })).toEqual(all.slice(0, 5));
  });
});

describe("changelogPage", () => {
  const all = changelog("2026-01-31");
  const days = [...new Set(all.map((e) => e.date))];

  it("lists the whole changelog when it is no longer than the limit", () => {
    expect(all.length).toBeLessThan(CHANGES_PAGE_ENTRIES);
    expect(changelogPage(all)).toEqual({ entries: all, total: all.length, olderUntil: null, hiddenOnLastDay: 0 });
    expect(changelogPage([])).toEqual({ entries: [], total: 0, olderUntil: null, hiddenOnLastDay: 0 });
  });

  it("ends at a day's end: the older changes are on the page as of the day before the oldest listed", () => {
    // The first two days, whole.
    const limit = all.filter((e) => e.date >= days[1]!).length;
    const page = changelogPage(all, limit);
    expect(page.entries).toEqual(all.slice(0, limit));
    expect(page).toMatchObject({ total: all.length, hiddenOnLastDay: 0 });
    expect(page.olderUntil).toBe(new Date(Date.parse(`${days[1]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    // What that older page lists starts with the next day listed here, none of this page's days.
    const older = changelog(page.olderUntil!);
    expect(older[0]?.date).toBe(days[2]);
  });

  // Changes on given days (newest first), made from a real one: the page reads only their dates.
  const on = (...dates: string[]) => dates.map((date, i) => ({ ...all[0]!, id: `${all[0]!.id}-${i}`, date }));

  it("counts the changes of the oldest listed day it leaves out when it ends inside that day", () => {
    const page = changelogPage(on("2025-03-02", "2025-03-01", "2025-03-01", "2025-03-01", "2025-02-10"), 2);
    expect(page.entries.map((e) => e.date)).toEqual(["2025-03-02", "2025-03-01"]);
    expect(page).toMatchObject({ total: 5, hiddenOnLastDay: 2, olderUntil: "2025-02-28" });
  });

  it("has no older page when the only changes left out are of the oldest day listed", () => {
    const page = changelogPage(on("2025-03-02", "2025-03-01", "2025-03-01"), 2);
    expect(page).toMatchObject({ total: 3, olderUntil: null, hiddenOnLastDay: 1 });
  });

  it("refuses a limit that is not a whole number ≥ 1", () => {
    expect(() => changelogPage(all, 0)).toThrow(RangeError);
  });
});
