/**
 * The briefing (lib/domain/briefing.ts) and its Markdown (lib/domain/briefing-markdown.ts) on the demo dataset, whose
 * story tests/unit/demo-story.test.ts pins: the worst news first, with its reasons, quotes and numbered sources.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildBriefing, type Briefing } from "@/lib/domain/briefing";
import { escapeMarkdown, renderBriefingMarkdown } from "@/lib/domain/briefing-markdown";
import { compareHealth } from "@/lib/domain/health";
import { parseInterchangeText } from "@/lib/domain/interchange";
import type { Agreement, Dataset } from "@/lib/domain/types";

const file = path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json");
const AGREEMENT = "uk-france-small-boats-2025";

function demo(): Dataset {
  const parsed = parseInterchangeText(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

function demoBriefing(asOf: string, selection?: Parameters<typeof buildBriefing>[0]["selection"]): Briefing {
  const dataset = demo();
  const agreements = dataset.agreements.map((agreement) => ({ agreement, sources: dataset.sources }));
  return buildBriefing({ agreements, asOf, selection });
}

describe("the briefing of the demo agreement", () => {
  it("puts the doctrine first on 31 October 2025, stalled, contradicted by the BBC of 23 October", () => {
    const briefing = demoBriefing("2025-10-31");
    const [first] = briefing.items;
    expect(first?.milestone.id).toBe("adopt-doctrine");
    expect(first?.health).toBe("STALLED");
    expect(first?.flags[0]).toMatchObject({ flag: "CONTRADICTED", since: "2025-10-23" });
    expect(first?.flags[0]?.reason).toMatch(/^The latest source, BBC, 23 October 2025, reports delay: /);
  });

  it("orders every item worst first, by the scorecard's health order", () => {
    for (const asOf of ["2025-07-31", "2025-10-31", "2025-11-21", "2025-12-01"]) {
      const healths = demoBriefing(asOf).items.map((item) => item.health);
      expect([...healths].sort(compareHealth), asOf).toEqual(healths);
    }
  });

  it("puts the deployment first on 1 December 2025, stalled and overdue", () => {
    const [first] = demoBriefing("2025-12-01").items;
    expect(first?.milestone.id).toBe("deploy-tactics");
    expect(first?.health).toBe("STALLED");
    expect(first?.flags[0]?.reason).toBe("Overdue since 1 December 2025 (deadline: November 2025)");
  });

  it("quotes the doctrine's evidence known on the day, latest source first, citing the BBC by number", () => {
    const briefing = demoBriefing("2025-10-31");
    const doctrine = briefing.items[0]!;
    const bbc = briefing.sources.find((s) => s.source.id === "bbc-2025-10-23");
    expect(bbc).toBeDefined();
    expect(doctrine.evidence.map((e) => e.quote)).toContain(
      "The maritime prefecture for the Channel told the BBC that the new doctrine on taxi-boats was still being studied.",
    );
    // The Times of November 2025 is not known on 31 October: neither its quotes nor its number appear.
    expect(doctrine.evidence.every((e) => e.source === bbc?.number)).toBe(true);
    expect(briefing.sources.map((s) => s.source.id)).not.toContain("times-2025-11");
    expect(doctrine.latestUpdate).toMatchObject({ status: "IN_PROGRESS", sources: [bbc?.number] });
  });

  it("lists each cited source once, numbered 1…n in the order the items first cite them", () => {
    const briefing = demoBriefing("2025-12-01");
    const ids = briefing.sources.map((s) => s.source.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(briefing.sources.map((s) => s.number)).toEqual(ids.map((_, i) => i + 1));
    const cited = briefing.items.flatMap((item) => [
      ...(item.latestUpdate?.sources ?? []),
      ...item.evidence.map((e) => e.source),
    ]);
    expect([...new Set(cited)].sort((a, b) => a - b)).toEqual(briefing.sources.map((s) => s.number));
    const firstCitations = [...new Set(cited)];
    expect(firstCitations).toEqual(briefing.sources.map((s) => s.number));
  });

  it("counts the items by health", () => {
    const briefing = demoBriefing("2025-12-01");
    const total = Object.values(briefing.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(briefing.items.length);
    expect(briefing.counts.STALLED).toBeGreaterThanOrEqual(1);
  });

  it("keeps a watchlist's selection only: a milestone by key, a commitment with all its milestones", () => {
    const milestoneOnly = demoBriefing("2025-12-01", [
      { agreement: AGREEMENT, commitment: "one-in-one-out", milestone: "enact-scheme" },
    ]);
    expect(milestoneOnly.items.map((i) => i.milestone.id)).toEqual(["enact-scheme"]);
    const commitment = demoBriefing("2025-12-01", [{ agreement: AGREEMENT, commitment: "maritime-interception" }]);
    expect(commitment.items.map((i) => i.milestone.id).sort()).toEqual(["adopt-doctrine", "deploy-tactics"]);
    expect(demoBriefing("2025-12-01", []).items).toEqual([]);
    expect(demoBriefing("2025-12-01", [{ agreement: "elsewhere", commitment: "maritime-interception" }]).items).toEqual(
      [],
    );
  });

  it("numbers one source once across the agreements of a watchlist", () => {
    const dataset = demo();
    const original = dataset.agreements[0]!;
    const copy: Agreement = { ...original, slug: "copy", title: "A copy" };
    const briefing = buildBriefing({
      agreements: [
        { agreement: original, sources: dataset.sources },
        // Another load of the same organisation's sources: other objects, the same ids.
        { agreement: copy, sources: dataset.sources.map((s) => ({ ...s })) },
      ],
      asOf: "2025-12-01",
    });
    const ids = briefing.sources.map((s) => s.source.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(briefing.items.length).toBe(2 * demoBriefing("2025-12-01").items.length);
  });

  it("refuses an as-of that is not a day", () => {
    expect(() => demoBriefing("2025-13-01")).toThrow(RangeError);
  });
});

describe("the briefing as Markdown", () => {
  it("is the same text every time, and starts with the title and the day", () => {
    const briefing = demoBriefing("2025-10-31");
    const text = renderBriefingMarkdown(briefing, "UK–France");
    expect(renderBriefingMarkdown(demoBriefing("2025-10-31"), "UK–France")).toBe(text);
    expect(text.startsWith("# Briefing: UK–France\n\nAs of 31 October 2025.")).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
  });

  it("puts the stalled doctrine first under “Needs attention”, with the BBC quote and its source number", () => {
    const briefing = demoBriefing("2025-10-31");
    const text = renderBriefingMarkdown(briefing, "UK–France");
    const attention = text.indexOf("## Needs attention");
    const doctrine = text.indexOf("### 1. Maritime doctrine adopted");
    expect(attention).toBeGreaterThan(0);
    expect(doctrine).toBeGreaterThan(attention);
    expect(text.slice(doctrine)).toMatch(/^### 1\. Maritime doctrine adopted[^\n]*: Stalled\n/);
    const bbc = briefing.sources.find((s) => s.source.id === "bbc-2025-10-23")!;
    expect(text).toContain(
      `> The maritime prefecture for the Channel told the BBC that the new doctrine on taxi-boats was still being studied.\n>\n> Indicates delay (source ${bbc.number})`,
    );
  });

  it("ends with the numbered source list, each source once, with its address when it has one", () => {
    const dataset = demo();
    const sources = dataset.sources.map((s) =>
      s.id === "bbc-2025-10-23" ? { ...s, url: "https://www.bbc.co.uk/news/a b<c>" } : s,
    );
    const briefing = buildBriefing({
      agreements: dataset.agreements.map((agreement) => ({ agreement, sources })),
      asOf: "2025-12-01",
    });
    const text = renderBriefingMarkdown(briefing, "Demo");
    const list = text.slice(text.indexOf("## Sources"));
    const entries = list.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(entries.map((line) => Number(line.split(".")[0]))).toEqual(briefing.sources.map((s) => s.number));
    expect(list).toContain("<https://www.bbc.co.uk/news/a%20b%3Cc%3E>");
    expect(entries.filter((line) => line.includes("BBC"))).toHaveLength(1);
  });

  it.each([
    ["*bold* and _em_", "\\*bold\\* and \\_em\\_"],
    ["[a link](https://evil.example)", "\\[a link\\]\\(https://evil.example\\)"],
    ["<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"],
    ["# not a heading", "\\# not a heading"],
    ["- not a list", "\\- not a list"],
    ["1. not a list", "1\\. not a list"],
    ["a | b ~~c~~ `d`", "a \\| b \\~\\~c\\~\\~ \\`d\\`"],
    ["back\\slash &amp;", "back\\\\slash \\&amp;"],
    ["two\nlines\r\n  here ", "two lines here"],
  ])("escapes %j as %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("escapes entered text wherever it appears: titles, quotes, rationales, sources", () => {
    const dataset = demo();
    const agreement = dataset.agreements[0]!;
    const evil = "**Evil** [x](javascript:alert(1))\n# heading";
    const tampered: Agreement = {
      ...agreement,
      title: evil,
      commitments: agreement.commitments.map((c) => ({
        ...c,
        milestones: c.milestones.map((m) => ({
          ...m,
          title: evil,
          evidence: m.evidence.map((e) => ({ ...e, quote: evil })),
          statusUpdates: m.statusUpdates.map((u) => ({ ...u, rationale: evil })),
        })),
      })),
    };
    const sources = dataset.sources.map((s) => ({ ...s, outlet: evil, title: evil }));
    const text = renderBriefingMarkdown(
      buildBriefing({ agreements: [{ agreement: tampered, sources }], asOf: "2025-12-01" }),
      evil,
    );
    expect(text).not.toContain("**Evil**");
    expect(text).not.toContain("](javascript");
    expect(text).not.toMatch(/^# heading/m);
    expect(text).toContain("\\*\\*Evil\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\# heading");
  });
});
