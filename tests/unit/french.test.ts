/**
 * The texts the domain writes itself, in French (issue 4, "Languages"): dates, numbers, country names, the reasons of
 * spec/health.md and the changelog. A French page computes exactly what an English one does; only the words differ.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatMean, formatNumber, formatPercent, partyLabel, responsibleLabel } from "@/components/labels";
import { agreementChangelog } from "@/lib/domain/changelog";
import { countryName } from "@/lib/domain/countries";
import { formatDay, formatPreciseDate, parseDateText } from "@/lib/domain/dates";
import { indexSources } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { scorecardAt } from "@/lib/domain/scorecard";
import type { Agreement, Dataset, PreciseDate } from "@/lib/domain/types";

const NBSP = "\u00a0";
const file = path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json");

function demo(): { dataset: Dataset; agreement: Agreement } {
  const parsed = parseInterchangeText(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { dataset: parsed.dataset, agreement: parsed.dataset.agreements[0]! };
}

const date = (text: string): PreciseDate => parseDateText(text)!;

describe("dates and numbers in French", () => {
  it.each([
    ["2025-12-01", "1er décembre 2025", "1 December 2025"],
    ["2025-10-31", "31 octobre 2025", "31 October 2025"],
    ["2026-08-15", "15 août 2026", "15 August 2026"],
  ])("writes the day %s as %s (English: %s)", (iso, fr, en) => {
    expect(formatDay(iso, "fr")).toBe(fr);
    expect(formatDay(iso, "en")).toBe(en);
    expect(formatDay(iso)).toBe(en);
  });

  it.each([
    ["2025-11", "novembre 2025", "November 2025"],
    ["2025-Q4", "T4 2025", "Q4 2025"],
    ["2025", "2025", "2025"],
    ["2025-07-01", "1er juillet 2025", "1 July 2025"],
  ])("writes %s in its own precision as %s (English: %s)", (text, fr, en) => {
    expect(formatPreciseDate(date(text), "fr")).toBe(fr);
    expect(formatPreciseDate(date(text), "en")).toBe(en);
  });

  it("groups digits and writes decimals the French way", () => {
    expect(formatNumber(12345, "fr")).toBe("12\u202f345");
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(formatMean(-0.5, "fr")).toBe("−0,50");
    expect(formatMean(-0.5, "en")).toBe("−0.50");
    expect(formatPercent(64, "fr")).toBe(`64${NBSP}%`);
    expect(formatPercent(64, "en")).toBe("64%");
  });

  it("names countries in French, and leaves an unknown code as it is", () => {
    expect(countryName("GB", "fr")).toBe("Royaume-Uni");
    expect(partyLabel("FR", "fr")).toBe("France (FR)");
    expect(responsibleLabel("joint", "fr")).toBe("Les deux (conjoint)");
    expect(countryName("ZZ", "fr")).toBe("ZZ");
  });
});

describe("the reasons of spec/health.md in French", () => {
  const { dataset, agreement } = demo();
  const milestone = (asOf: string, id: string, locale: "en" | "fr") =>
    scorecardAt(agreement, dataset.sources, asOf, locale)
      .health.commitments.flatMap((c) => c.milestones)
      .find((m) => m.id === id)!;

  it("says the doctrine is contradicted by the BBC on 31 October 2025, quoting it as entered", () => {
    const [flag] = milestone("2025-10-31", "adopt-doctrine", "fr").flags;
    expect(flag?.flag).toBe("CONTRADICTED");
    expect(flag?.reason).toMatch(
      new RegExp(
        `^La source la plus récente, BBC, 23 octobre 2025, signale un retard${NBSP}: «${NBSP}The maritime prefecture`,
      ),
    );
    expect(flag?.reason.endsWith(`${NBSP}»`)).toBe(true);
  });

  it("says the deployment is overdue from 1 December 2025, its deadline being November 2025", () => {
    const flags = milestone("2025-12-01", "deploy-tactics", "fr").flags;
    expect(flags.find((f) => f.flag === "OVERDUE")?.reason).toBe(
      `En retard depuis le 1er décembre 2025 (échéance${NBSP}: novembre 2025)`,
    );
  });

  it.each(["2025-07-15", "2025-08-31", "2025-10-31", "2025-11-30", "2025-12-01", "2026-03-01"])(
    "computes the same health, flags and dates in both languages as of %s",
    (asOf) => {
      const en = scorecardAt(agreement, dataset.sources, asOf, "en").health;
      const fr = scorecardAt(agreement, dataset.sources, asOf, "fr").health;
      const shape = (h: typeof en) =>
        h.commitments.map((c) => ({
          id: c.id,
          health: c.health,
          milestones: c.milestones.map((m) => ({
            id: m.id,
            health: m.health,
            flags: m.flags.map((f) => [f.flag, f.since]),
          })),
        }));
      expect(shape(fr)).toEqual(shape(en));
      expect(fr.parties).toEqual(en.parties);
      const reasons = (h: typeof en) =>
        h.commitments.flatMap((c) => c.milestones.flatMap((m) => m.flags.map((f) => f.reason)));
      // Every reason is written anew, none left in English.
      for (const [i, reason] of reasons(fr).entries()) expect(reason).not.toBe(reasons(en)[i]);
    },
  );
});

describe("the changelog in French", () => {
  const { dataset, agreement } = demo();
  const sources = indexSources(dataset.sources);

  it("lists the same changes, with the same ids and dates, in French words", () => {
    const en = agreementChangelog(agreement, sources, { until: "2026-01-31" });
    const fr = agreementChangelog(agreement, sources, { until: "2026-01-31", locale: "fr" });
    expect(fr.map((e) => [e.id, e.date, e.kind, e.sources])).toEqual(en.map((e) => [e.id, e.date, e.kind, e.sources]));
    const doctrine = fr.find((e) => e.kind === "MILESTONE_HEALTH" && e.date === "2025-10-23");
    expect(doctrine?.title).toMatch(new RegExp(`${NBSP}: À risque → Au point mort$`));
    expect(doctrine?.summary).toMatch(/^La source la plus récente, BBC, 23 octobre 2025, signale un retard/);
    const deadline = fr.find((e) => e.kind === "DEADLINE_CHANGE");
    expect(deadline?.title).toMatch(new RegExp(`${NBSP}: échéance fixée${NBSP}: novembre 2025$`));
    const status = fr.find((e) => e.kind === "STATUS_UPDATE" && e.date === "2025-11-01");
    expect(status?.summary).toMatch(
      new RegExp(`^Statut modifié${NBSP}: En cours → Partiel \\(daté novembre 2025\\)\\. A new`),
    );
    const commitment = fr.find((e) => e.kind === "COMMITMENT_HEALTH");
    expect(commitment?.title).toContain(`(engagement)${NBSP}: `);
    expect(commitment?.summary).toMatch(new RegExp(`^Avancement \\d+${NBSP}%, score de conformité [−+]?\\d\\.$`));
  });
});
