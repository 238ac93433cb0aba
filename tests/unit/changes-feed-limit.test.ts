/**
 * lib/feeds/changes-feed.ts lists the newest FEED_ENTRIES changes, not an organisation's whole history (which put
 * next-server out of memory on the Scale dataset: bench/README.md, "Scale"). On the demo data, with a smaller bound.
 */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { agreementChangelog, organisationChangelog } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import { agreementChangesFeed, FEED_ENTRIES, organisationChangesFeed } from "@/lib/feeds/changes-feed";
import { oneBatch } from "../support/batches";
import { demoDataset } from "../support/demo";

const DEMO = demoDataset();
const AGREEMENT = DEMO.agreements[0]!;
const ORGANISATION = { slug: "demo", name: "Accordwatch demo" };
const UNTIL = "2026-01-31";
const context = { origin: "http://localhost:3000", until: UNTIL };

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" });
const entryIds = (xml: string): string[] =>
  ((parser.parse(xml) as { feed: { entry?: Array<{ id: string }> } }).feed.entry ?? []).map((e) => e.id);
const tagIds = (ids: readonly string[]) => ids.map((id) => `tag:localhost,2025:demo/${id}`);

describe("the changes feeds' bound", () => {
  const all = agreementChangelog(AGREEMENT, indexSources(DEMO.sources), { until: UNTIL });

  it("is above the demo's number of changes, so that its feeds list every one (tests/integration/feeds.test.ts)", () => {
    expect(all.length).toBeLessThan(FEED_ENTRIES);
  });

  it("keeps, in the agreement's feed, the newest changes in the changelog's order", () => {
    const xml = agreementChangesFeed(
      { organisation: ORGANISATION, agreement: AGREEMENT, sources: DEMO.sources },
      { ...context, entries: 4 },
    );
    expect(entryIds(xml)).toEqual(tagIds(all.slice(0, 4).map((e) => e.id)));
  });

  it("keeps, in the organisation's feed, the newest of the merged changes", async () => {
    const merged = organisationChangelog(DEMO.agreements, indexSources(DEMO.sources), { until: UNTIL });
    const xml = await organisationChangesFeed(
      { organisation: ORGANISATION, batches: oneBatch(DEMO.agreements, DEMO.sources) },
      { ...context, entries: 6 },
    );
    expect(entryIds(xml)).toEqual(tagIds(merged.slice(0, 6).map((e) => e.id)));
  });
});
