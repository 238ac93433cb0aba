/**
 * Issue 4, "Changes": the public changes page, the Atom feeds and the reviewers' "changed since" list the same
 * transitions for the demo data. The feed is read through its route handler and parsed as XML; the changes page's
 * list and the reviewers' list are computed as their pages compute them, from their own data-layer reads (public and
 * members-only), on both databases. A draft's changes reach the reviewers' list only.
 */
import { XMLParser } from "fast-xml-parser";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as organisationFeed } from "@/app/[locale]/(public)/[org]/feed.xml/route";
import { ANONYMOUS, systemViewer, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/data/errors";
import { importDataset } from "@/lib/data/import-dataset";
import { getPublishedAgreement } from "@/lib/data/public";
import { readAgreementTreesInBatches } from "@/lib/data/workspace";
import { installDatabase } from "@/lib/db/client";
import { agreementChangelog, changelogPageOfBatches } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import type { TestDatabase } from "../support/databases";
import { createMember, DRAFT, demoWithDraft, ENGINES } from "../support/demo";

const cli = systemViewer("cli:changes-agree-test");
const SLUG = "uk-france-small-boats-2025";
const TODAY = "2026-01-31";
/** "Changed since" days: before anything happened, inside the demo's story, and after it. */
const SINCE = ["2025-01-01", "2025-10-23", "2025-11-21", "2025-12-01", "2026-01-01"];

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" });

/** The change ids of the organisation's feed (its entry ids end with the change id, after the tag's colon). */
async function feedChangeIds(): Promise<string[]> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${TODAY}T12:00:00Z`));
  const response = await organisationFeed(new Request("http://localhost/demo/feed.xml"), {
    params: Promise.resolve({ locale: "en", org: "demo" }),
  });
  expect(response.status).toBe(200);
  const feed = parser.parse(await response.text()) as { feed: { entry?: Array<{ id: string }> } };
  return (feed.feed.entry ?? []).map((entry) => entry.id.slice(entry.id.indexOf(":demo/") + ":demo/".length));
}

describe.each(ENGINES)("the changes page, the feed and changed-since on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;
  let reviewer: Viewer;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    await importDataset(cli, "demo", demoWithDraft({ laterRecord: true }));
    reviewer = await createMember(db.prisma, "demo", "Rita", "REVIEWER");
  });

  afterEach(() => vi.useRealTimers());

  afterAll(async () => {
    restore();
    await db.drop();
  });

  it("list the same changes for the published agreement, on every day since", async () => {
    const feed = await feedChangeIds();
    const found = await getPublishedAgreement(ANONYMOUS, "demo", SLUG);
    if (!found) throw new Error("the demo agreement is not published");
    const page = agreementChangelog(found.agreement, indexSources(found.sources), { until: TODAY }).map((e) => e.id);
    // As the reviewers' page computes them: all of them, a batch of agreements at a time.
    const reviewersSince = async (since?: string) =>
      (
        await changelogPageOfBatches((await readAgreementTreesInBatches(reviewer, "demo")).batches, {
          until: TODAY,
          includeDrafts: true,
          limit: 100_000,
          ...(since === undefined ? {} : { since }),
        })
      ).entries;
    const reviewers = await reviewersSince();

    // The demo's story is in all three: the doctrine stalled on 23 October 2025, among others.
    expect(page.length).toBeGreaterThan(5);
    expect(page).toContain(`${SLUG}/maritime-interception/adopt-doctrine/health/2025-10-23/STALLED`);
    expect(feed).toEqual(page);
    expect(reviewers.filter((e) => e.agreement.slug === SLUG).map((e) => e.id)).toEqual(page);
    // The draft reaches the reviewers only.
    expect(reviewers.some((e) => e.agreement.slug === DRAFT)).toBe(true);
    expect(feed.some((id) => id.startsWith(`${DRAFT}/`))).toBe(false);

    for (const since of SINCE) {
      const listed = (await reviewersSince(since)).filter((e) => e.agreement.slug === SLUG).map((e) => e.id);
      const pageSince = agreementChangelog(found.agreement, indexSources(found.sources), { until: TODAY })
        .filter((e) => e.date >= since)
        .map((e) => e.id);
      expect(listed, `since ${since}`).toEqual(pageSince);
    }
  });

  it("answers NotFound to a viewer who is not a member, drafts included", async () => {
    await expect(readAgreementTreesInBatches(ANONYMOUS, "demo")).rejects.toBeInstanceOf(NotFoundError);
  });
});
