/**
 * The pure parts of the commitment and source pages (issue 4, item 1): what cites a source as of a day, a
 * commitment on a time axis, the observations known on a day, and the axis arithmetic.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceCitations } from "@/lib/domain/citations";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { commitmentTimeline, dayFraction, knownObservations, monthTicks } from "@/lib/domain/timeline";
import type { Agreement, Dataset, Source } from "@/lib/domain/types";

function demo(): Dataset {
  const text = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
  const parsed = parseInterchangeText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

const DEMO = demo();
const AGREEMENT = DEMO.agreements[0]!;
const source = (id: string): Source => {
  const found = DEMO.sources.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};
const commitment = (id: string) => {
  const found = AGREEMENT.commitments.find((c) => c.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("sourceCitations", () => {
  it("lists nothing before the source is published: a July record citing an October source is known from October", () => {
    expect(sourceCitations([AGREEMENT], source("bbc-2025-10-23"), "2025-10-22")).toEqual([]);
    const known = sourceCitations([AGREEMENT], source("bbc-2025-10-23"), "2025-10-23");
    expect(known.length).toBeGreaterThan(0);
    expect(new Set(known.map((c) => c.known))).toEqual(new Set(["2025-10-23"]));
    expect(known.find((c) => c.kind === "STATUS_UPDATE")).toMatchObject({
      milestone: { id: "adopt-doctrine" },
      status: "IN_PROGRESS",
      on: { date: "2025-07-01", precision: "MONTH" },
    });
  });

  it("counts the BBC's evidence links on both milestones, with their stances and quotes", () => {
    const evidence = sourceCitations([AGREEMENT], source("bbc-2025-10-23"), "2026-01-01").filter(
      (c) => c.kind === "EVIDENCE",
    );
    expect(evidence.map((c) => [c.milestone.id, c.stance])).toEqual([
      ["adopt-doctrine", "SUPPORTS"],
      ["adopt-doctrine", "INDICATES_DELAY"],
      ["deploy-tactics", "INDICATES_DELAY"],
    ]);
    for (const c of evidence) expect(c.quote.length).toBeGreaterThan(0);
  });

  it("includes the indicator observation a source reports, and leaves drafts out", () => {
    const times = source("times-2025-11");
    const all = sourceCitations([AGREEMENT], times, "2025-11-01");
    expect(all.find((c) => c.kind === "OBSERVATION")).toMatchObject({
      indicator: { id: "people-removed" },
      value: 153,
    });
    const draft: Agreement = { ...AGREEMENT, slug: "draft", published: false };
    expect(sourceCitations([draft], times, "2026-01-01")).toEqual([]);
  });

  it("orders citations by the day they became known", () => {
    const all = sourceCitations([AGREEMENT], source("times-2025-11"), "2026-01-01");
    const days = all.map((c) => c.known);
    expect(days).toEqual([...days].sort());
  });
});

describe("commitmentTimeline", () => {
  it("keeps only the records known on the day, on an axis from the announcement", () => {
    const before = commitmentTimeline(commitment("maritime-interception"), AGREEMENT.announced, "2025-10-31");
    expect(before.start).toBe("2025-07-01");
    expect(before.end).toBe("2025-10-31");
    const doctrine = before.milestones.find((m) => m.id === "adopt-doctrine");
    expect(doctrine?.events.map((e) => [e.kind, e.day])).toEqual([["STATUS_UPDATE", "2025-07-01"]]);
    expect(before.milestones.find((m) => m.id === "deploy-tactics")?.deadline).toBeNull();
  });

  it("shows a deadline set later and stretches the axis to its end", () => {
    const after = commitmentTimeline(commitment("maritime-interception"), AGREEMENT.announced, "2025-11-15");
    const deployment = after.milestones.find((m) => m.id === "deploy-tactics");
    expect(deployment?.deadline).toEqual({ date: "2025-11-01", precision: "MONTH" });
    expect(deployment?.events[0]).toMatchObject({ kind: "DEADLINE_CHANGE", from: null, slip: false });
    expect(after.end).toBe("2025-11-30");
  });

  it("calls a change that moves the deadline later a slip", () => {
    const c = commitment("maritime-interception");
    const milestone = {
      ...c.milestones[0]!,
      deadline: { date: "2025-09-01", precision: "MONTH" as const },
      deadlineChanges: [
        {
          on: { date: "2025-09-10", precision: "DAY" as const },
          to: { date: "2025-12-01", precision: "MONTH" as const },
          reason: "r",
          sources: [],
        },
        {
          on: { date: "2025-09-20", precision: "DAY" as const },
          to: { date: "2025-10-01", precision: "MONTH" as const },
          reason: "r",
          sources: [],
        },
      ],
    };
    const timeline = commitmentTimeline({ ...c, milestones: [milestone] }, AGREEMENT.announced, "2025-10-01");
    const changes = timeline.milestones[0]!.events.filter((e) => e.kind === "DEADLINE_CHANGE");
    expect(changes.map((e) => e.slip)).toEqual([true, false]);
    expect(timeline.end).toBe("2025-12-31");
  });
});

describe("knownObservations", () => {
  const indicator = commitment("one-in-one-out").indicators[0]!;
  const sources = new Map(DEMO.sources.map((s) => [s.id, s]));

  it("knows an observation once both its date and its source's have come", () => {
    expect(knownObservations(indicator, sources, "2025-10-31")).toEqual([]);
    expect(knownObservations(indicator, sources, "2025-11-01").map((o) => o.value)).toEqual([153]);
  });
});

describe("axis arithmetic", () => {
  it.each([
    ["2025-07-01", 0],
    ["2025-07-11", 0.5],
    ["2025-07-21", 1],
  ])("places %s at %d of 1 to 21 July", (day, fraction) => {
    expect(dayFraction(day, "2025-07-01", "2025-07-21")).toBe(fraction);
  });

  it("places every day at 0 on a one-day axis", () => {
    expect(dayFraction("2025-07-01", "2025-07-01", "2025-07-01")).toBe(0);
  });

  it("ticks the first of each month, thinned to at most the count asked", () => {
    expect(monthTicks("2025-07-01", "2025-10-31")).toEqual(["2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01"]);
    expect(monthTicks("2025-07-15", "2025-09-30")).toEqual(["2025-08-01", "2025-09-01"]);
    expect(monthTicks("2025-01-01", "2026-12-31", 6)).toEqual([
      "2025-01-01",
      "2025-05-01",
      "2025-09-01",
      "2026-01-01",
      "2026-05-01",
      "2026-09-01",
    ]);
  });
});
