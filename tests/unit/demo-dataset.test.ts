/**
 * The demo dataset (DESIGN.md, "The demo dataset") is written from the two source articles and nothing else: every
 * quote is a sentence of its article, every status, deadline change and number cites one.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues, parseInterchangeText, serializeInterchange } from "@/lib/domain/interchange";
import type { Dataset } from "@/lib/domain/types";

const root = path.resolve(import.meta.dirname, "../..");
const demoFile = path.join(root, "data/demo.accordwatch.json");
const articleFile = (sourceId: string) => path.join(root, "data/articles", `${sourceId}.txt`);

/** Collapses every run of whitespace to one space: the only liberty a quote may take with its article. */
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

function demo(): Dataset {
  const result = parseInterchangeText(readFileSync(demoFile, "utf8"));
  if (!result.ok) throw new Error(formatIssues(result.errors));
  return result.dataset;
}

function article(sourceId: string): string {
  return normalise(readFileSync(articleFile(sourceId), "utf8"));
}

interface Quote {
  readonly where: string;
  readonly source: string;
  readonly quote: string;
}

/** Every evidence quote and observation quote of the demo, with where it is. */
function quotes(d: Dataset): Quote[] {
  const out: Quote[] = [];
  for (const a of d.agreements) {
    for (const c of a.commitments) {
      for (const m of c.milestones) {
        m.evidence.forEach((e, i) =>
          out.push({ where: `${c.id}/${m.id} evidence[${i}]`, source: e.source, quote: e.quote }),
        );
      }
      for (const ind of c.indicators) {
        ind.observations.forEach((o, i) =>
          out.push({ where: `${c.id}/${ind.id} observations[${i}]`, source: o.source, quote: o.quote }),
        );
      }
    }
  }
  return out;
}

describe("the demo dataset", () => {
  it("is a valid accordwatch/v1 document", () => {
    const result = parseInterchangeText(readFileSync(demoFile, "utf8"));
    expect(result.ok ? [] : formatIssues(result.errors)).toEqual([]);
  });

  it("is written exactly as the export writes it, so exporting it gives the same bytes", () => {
    expect(serializeInterchange(demo())).toBe(readFileSync(demoFile, "utf8"));
  });

  it("has the text of every source's article in data/articles", () => {
    const d = demo();
    expect(d.sources.map((s) => s.id)).toEqual(["bbc-2025-10-23", "times-2025-11"]);
    for (const s of d.sources) expect(existsSync(articleFile(s.id)), s.id).toBe(true);
  });

  it("quotes every evidence link and observation word for word from its article", () => {
    const all = quotes(demo());
    expect(all.length).toBeGreaterThan(0);
    const misquoted = all.filter((q) => !article(q.source).includes(normalise(q.quote)));
    expect(misquoted).toEqual([]);
  });

  it("backs every source of a status update or deadline change with a quote from it on the same milestone", () => {
    const unbacked: string[] = [];
    for (const a of demo().agreements) {
      for (const c of a.commitments) {
        for (const m of c.milestones) {
          const quoted = new Set(m.evidence.map((e) => e.source));
          const cited = [
            ...m.statusUpdates.flatMap((u) => u.sources),
            ...m.deadlineChanges.flatMap((dc) => dc.sources),
          ];
          for (const s of cited) if (!quoted.has(s)) unbacked.push(`${c.id}/${m.id} cites ${s} without a quote`);
        }
      }
    }
    expect(unbacked).toEqual([]);
  });

  it("gives every number with a quote that contains it", () => {
    const d = demo();
    const observations = d.agreements.flatMap((a) =>
      a.commitments.flatMap((c) => c.indicators.flatMap((i) => i.observations)),
    );
    expect(observations.length).toBeGreaterThan(0);
    for (const o of observations) expect(o.quote).toContain(String(o.value));
  });

  it("does not guess what the articles do not say: no URLs, The Times's unknown headline in square brackets", () => {
    const d = demo();
    for (const s of d.sources) expect(s.url).toBeUndefined();
    expect(d.sources.find((s) => s.id === "bbc-2025-10-23")).toMatchObject({
      outlet: "BBC",
      title: "France backing away from pledge to intercept migrant boats, sources tell BBC",
      published: { date: "2025-10-23", precision: "DAY" },
      kind: "MEDIA_REPORT",
    });
    const times = d.sources.find((s) => s.id === "times-2025-11");
    expect(times).toMatchObject({ outlet: "The Times", published: { date: "2025-11-01", precision: "MONTH" } });
    expect(times?.title).toMatch(/^\[.+\]$/);
  });

  it("models the July 2025 UK–France agreement with the interception and returns commitments", () => {
    const [agreement, ...others] = demo().agreements;
    expect(others).toEqual([]);
    expect(agreement).toMatchObject({
      slug: "uk-france-small-boats-2025",
      parties: ["GB", "FR"],
      announced: { date: "2025-07-01", precision: "MONTH" },
      published: true,
      settings: { staleAfterDays: 45, warnBeforeDays: 14 },
    });
    const shape = agreement?.commitments.map((c) => [c.id, c.responsible, c.milestones.map((m) => m.id)]);
    expect(shape).toEqual([
      ["maritime-interception", "FR", ["adopt-doctrine", "deploy-tactics"]],
      ["one-in-one-out", "joint", ["enact-scheme"]],
    ]);
  });

  it("records the doctrine as promised in July and partly adopted in November, with no deadline stated", () => {
    const doctrine = demo().agreements[0]?.commitments[0]?.milestones[0];
    expect(doctrine?.deadline).toBeNull();
    expect(doctrine?.statusUpdates.map((u) => [u.on.date, u.on.precision, u.status, u.sources])).toEqual([
      ["2025-07-01", "MONTH", "IN_PROGRESS", ["bbc-2025-10-23", "times-2025-11"]],
      ["2025-11-01", "MONTH", "PARTIAL", ["times-2025-11"]],
    ]);
    expect(doctrine?.evidence).toContainEqual({
      source: "bbc-2025-10-23",
      stance: "INDICATES_DELAY",
      quote:
        "The maritime prefecture for the Channel told the BBC that the new doctrine on taxi-boats was still being studied.",
    });
  });

  it("records the deployment's deadline as set to November 2025 by the prime minister's letter, with no status", () => {
    const deployment = demo().agreements[0]?.commitments[0]?.milestones[1];
    expect(deployment?.deadline).toBeNull();
    expect(deployment?.statusUpdates).toEqual([]);
    expect(deployment?.deadlineChanges.map((dc) => [dc.on, dc.to, dc.sources])).toEqual([
      [{ date: "2025-11-01", precision: "MONTH" }, { date: "2025-11-01", precision: "MONTH" }, ["times-2025-11"]],
    ]);
    expect(deployment?.evidence.map((e) => e.quote).join(" ")).toContain(
      "It is essential that we deploy these tactics this month",
    );
  });

  it("records the returns scheme as enacted in September 2025 and 153 people removed by November", () => {
    const returns = demo().agreements[0]?.commitments[1];
    expect(returns?.milestones[0]?.statusUpdates.map((u) => [u.on.date, u.status])).toEqual([
      ["2025-09-01", "COMPLETE"],
    ]);
    expect(returns?.indicators).toEqual([
      {
        id: "people-removed",
        title: "People removed to France under the scheme",
        unit: "people",
        observations: [
          {
            on: { date: "2025-11-01", precision: "MONTH" },
            value: 153,
            source: "times-2025-11",
            quote:
              "The unnamed man is among the 153 migrants who have been removed under the returns deal with France since the scheme was first enacted in September.",
          },
        ],
      },
    ]);
  });
});
