/**
 * The demo dataset tells the articles' story by the rules alone (issue 2, DESIGN.md "The demo dataset").
 * These are the verdicts the rules give on the sourced data; the data is not bent to reach them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateDataset } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import type { Dataset, MilestoneHealth } from "@/lib/domain/types";

const file = path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json");

function demo(): Dataset {
  const parsed = parseInterchangeText(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

function milestone(asOf: string, commitment: string, id: string): MilestoneHealth {
  const doc = evaluateDataset(demo(), asOf, { agreement: "uk-france-small-boats-2025" });
  const found = doc.agreements[0]?.commitments.find((c) => c.id === commitment)?.milestones.find((m) => m.id === id);
  if (!found) throw new Error(`no milestone ${commitment}/${id}`);
  return found;
}

describe("the demo scorecard as the story unfolded", () => {
  it("shows the doctrine stalled on 31 October 2025 because the BBC reported delay on 23 October", () => {
    const doctrine = milestone("2025-10-31", "maritime-interception", "adopt-doctrine");
    expect(doctrine.health).toBe("STALLED");
    expect(doctrine.flags[0]).toMatchObject({ flag: "CONTRADICTED", since: "2025-10-23" });
    expect(doctrine.flags[0]?.reason).toMatch(/^The latest source, BBC, 23 October 2025, reports delay: /);
  });

  it("shows the doctrine in progress and on track before the BBC report", () => {
    const doctrine = milestone("2025-07-31", "maritime-interception", "adopt-doctrine");
    expect(doctrine.health).toBe("ON_TRACK");
    expect(doctrine.flags).toEqual([]);
  });

  it("shows the doctrine partly delivered on 21 November 2025, once signed but limited", () => {
    const doctrine = milestone("2025-11-21", "maritime-interception", "adopt-doctrine");
    expect(doctrine.health).toBe("PARTIAL");
    expect(doctrine.flags).toEqual([]);
  });

  it("shows the deployment stalled on 1 December 2025, overdue since that day (deadline: November 2025)", () => {
    const deployment = milestone("2025-12-01", "maritime-interception", "deploy-tactics");
    expect(deployment.health).toBe("STALLED");
    expect(deployment.flags[0]).toEqual(
      expect.objectContaining({
        flag: "OVERDUE",
        since: "2025-12-01",
        reason: "Overdue since 1 December 2025 (deadline: November 2025)",
      }),
    );
  });

  it("does not show the deployment overdue on its deadline day, 30 November 2025", () => {
    const deployment = milestone("2025-11-30", "maritime-interception", "deploy-tactics");
    expect(deployment.flags.map((f) => f.flag)).not.toContain("OVERDUE");
  });

  it("counts the one-in-one-out scheme as delivered once enacted in September 2025", () => {
    expect(milestone("2025-09-01", "one-in-one-out", "enact-scheme").health).toBe("DONE");
    expect(milestone("2025-08-31", "one-in-one-out", "enact-scheme").health).not.toBe("DONE");
  });
});
