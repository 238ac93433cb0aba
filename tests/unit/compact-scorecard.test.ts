/**
 * When a scorecard is compact (lib/domain/scorecard.ts) and where links to a milestone go then (lib/urls.ts
 * milestoneTargets, changeEntryPath): the find page, the changes page and both feeds link through these.
 */
import { describe, expect, test } from "vitest";
import { COMPACT_SCORECARD_MILESTONES, isCompactScorecard } from "@/lib/domain/scorecard";
import { type Agreement, type Commitment, DEFAULT_SETTINGS } from "@/lib/domain/types";
import { changeEntryPath, milestoneTargets } from "@/lib/urls";
import { d } from "../support/builders";

function commitment(id: string, milestones: number): Commitment {
  return {
    id,
    title: `Commitment ${id}`,
    description: "",
    responsible: "FR",
    owner: "Someone",
    tags: [],
    weight: 1,
    milestones: Array.from({ length: milestones }, (_, i) => ({
      id: `m${i}`,
      title: `Milestone ${i}`,
      owner: "Someone",
      deadline: null,
      deadlineChanges: [],
      statusUpdates: [],
      evidence: [],
    })),
    indicators: [],
  };
}

/** An agreement of `total` milestones, in commitments of at most 50. */
function agreementOf(total: number): Agreement {
  const commitments: Commitment[] = [];
  for (let left = total, i = 0; left > 0; left -= 50, i++) commitments.push(commitment(`c${i}`, Math.min(50, left)));
  return {
    slug: "big",
    title: "Big",
    summary: "",
    parties: ["GB", "FR"],
    announced: d("2025-07"),
    published: true,
    settings: DEFAULT_SETTINGS,
    commitments,
  };
}

describe("isCompactScorecard", () => {
  test(`is false up to ${COMPACT_SCORECARD_MILESTONES} milestones and true above`, () => {
    expect(isCompactScorecard(agreementOf(0))).toBe(false);
    expect(isCompactScorecard(agreementOf(COMPACT_SCORECARD_MILESTONES))).toBe(false);
    expect(isCompactScorecard(agreementOf(COMPACT_SCORECARD_MILESTONES + 1))).toBe(true);
  });
});

describe("milestoneTargets", () => {
  test("on a full scorecard, a milestone's place on it, as of the day given", () => {
    const targets = milestoneTargets("demo", agreementOf(10));
    expect(targets("c0", "m3")).toBe("/demo/big#milestone-m3");
    expect(targets("c0", "m3", "2025-10-31")).toBe("/demo/big?asOf=2025-10-31#milestone-m3");
  });

  test("on a full scorecard, milestones of the same id in two commitments get the commitment in their anchor", () => {
    // Every commitment of agreementOf has an m0.
    const targets = milestoneTargets("demo", agreementOf(100));
    expect(targets("c1", "m0")).toBe("/demo/big#milestone-c1-m0");
  });

  test("on a compact scorecard, the milestone's own page", () => {
    const targets = milestoneTargets("demo", agreementOf(COMPACT_SCORECARD_MILESTONES + 1));
    expect(targets("c1", "m3")).toBe("/demo/big/commitments/c1/milestones/m3");
    expect(targets("c1", "m3", "2025-10-31")).toBe("/demo/big/commitments/c1/milestones/m3?asOf=2025-10-31");
  });
});

describe("changeEntryPath", () => {
  const entry = (commitment: string, milestone: string | null) => ({
    date: "2025-10-31",
    agreement: { slug: "big" },
    commitment: { id: commitment },
    milestone: milestone === null ? null : { id: milestone },
  });

  test("a milestone's change goes where milestoneTargets says, on the change's day", () => {
    const compact = milestoneTargets("demo", agreementOf(COMPACT_SCORECARD_MILESTONES + 1));
    expect(changeEntryPath("demo", entry("c1", "m3"), compact)).toBe(
      "/demo/big/commitments/c1/milestones/m3?asOf=2025-10-31",
    );
    const full = milestoneTargets("demo", agreementOf(10));
    expect(changeEntryPath("demo", entry("c0", "m3"), full)).toBe("/demo/big?asOf=2025-10-31#milestone-m3");
  });

  test("a commitment's change goes to the commitment on the scorecard, compact or not", () => {
    const compact = milestoneTargets("demo", agreementOf(COMPACT_SCORECARD_MILESTONES + 1));
    expect(changeEntryPath("demo", entry("c1", null), compact)).toBe("/demo/big?asOf=2025-10-31#commitment-c1");
  });
});
