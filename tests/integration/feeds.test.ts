/**
 * The public Atom feeds of changes (issue 4, "Changes"), through their route handlers, on both databases: the feed
 * of an agreement and of an organisation list exactly the changelog's entries for the demo data (ids, titles,
 * summaries, dates, links), drafts never appear, what is not published answers 404, and a database that went away
 * answers 503 with Retry-After. The feeds are parsed as XML (fast-xml-parser), never matched as text.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as agreementFeed } from "@/app/[locale]/(public)/[org]/[agreement]/feed.xml/route";
import { GET as organisationFeed } from "@/app/[locale]/(public)/[org]/feed.xml/route";
import { systemViewer } from "@/lib/auth/viewer";
import { importDataset } from "@/lib/data/import-dataset";
import { type Database, installDatabase } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { type ChangeEntry, agreementChangelog, organisationChangelog } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import { milestoneAnchors, scorecardPath } from "@/lib/urls";
import { recordKey } from "@/lib/domain/schemas/comments";
import {
  createPgliteDatabase,
  createPostgresDatabase,
  postgresAdminUrl,
  type TestDatabase,
} from "../support/databases";
import { DRAFT, demoDataset, demoWithDraft } from "../support/demo";

const cli = systemViewer("cli:feeds-test");
const ORIGIN = "http://localhost:3313";
const SLUG = "uk-france-small-boats-2025";
/** The day the feeds run to: the route reads it from the clock, which these tests set. */
const TODAY = "2026-01-31";

const DEMO = demoDataset();
const PUBLISHED = DEMO.agreements[0]!;

// ---- Reading a feed ----

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (name) => ["entry", "link", "category"].includes(name),
});

interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  updated: string;
  link: string;
  category: string;
}

interface ParsedFeed {
  id: string;
  title: string;
  updated: string;
  links: Array<{ rel: string; href: string }>;
  entries: FeedEntry[];
}

type Node = Record<string, unknown>;

const text = (node: unknown): string =>
  typeof node === "string"
    ? node
    : typeof node === "object" && node !== null
      ? String((node as Node)["#text"] ?? "")
      : "";

/** The text of an element of `type="html"`: our feeds write escaped plain text there, so decoding it gives the text. */
const htmlText = (node: unknown): string =>
  text(node)
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

function parseFeed(xml: string): ParsedFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = (parser.parse(xml) as { feed: Node }).feed;
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  const entries = ((feed.entry as Node[] | undefined) ?? []).map((entry) => ({
    id: text(entry.id),
    title: htmlText(entry.title),
    summary: htmlText(entry.summary),
    updated: text(entry.updated),
    link: String((entry.link as Node[])[0]?.["@_href"]),
    category: String((entry.category as Node[])[0]?.["@_term"]),
  }));
  return {
    id: text(feed.id),
    title: text(feed.title),
    updated: text(feed.updated),
    links: ((feed.link as Node[] | undefined) ?? []).map((l) => ({
      rel: String(l["@_rel"]),
      href: String(l["@_href"]),
    })),
    entries,
  };
}

/** What the feed must say for each changelog entry. */
function expected(entries: readonly ChangeEntry[]): FeedEntry[] {
  const anchors = milestoneAnchors(PUBLISHED);
  return entries.map((e) => ({
    id: `tag:localhost,2025:demo/${e.id}`,
    title: e.title,
    summary: e.summary,
    updated: `${e.date}T00:00:00.000Z`,
    link: `${ORIGIN}${scorecardPath("demo", e.agreement.slug, {
      asOf: e.date,
      anchor:
        e.milestone === null
          ? `commitment-${e.commitment.id}`
          : anchors.get(recordKey(e.commitment.id, e.milestone.id)),
    })}`,
    category: e.kind,
  }));
}

// ---- Calling the routes ----

async function onDay<T>(day: string, run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
  try {
    return await run();
  } finally {
    vi.useRealTimers();
  }
}

function getOrganisationFeed(org: string, locale = "en"): Promise<Response> {
  const prefix = locale === "en" ? "" : `/${locale}`;
  return onDay(TODAY, () =>
    organisationFeed(new Request(`${ORIGIN}${prefix}/${org}/feed.xml`), { params: Promise.resolve({ locale, org }) }),
  );
}

function getAgreementFeed(org: string, agreement: string, locale = "en"): Promise<Response> {
  const prefix = locale === "en" ? "" : `/${locale}`;
  return onDay(TODAY, () =>
    agreementFeed(new Request(`${ORIGIN}${prefix}/${org}/${agreement}/feed.xml`), {
      params: Promise.resolve({ locale, org, agreement }),
    }),
  );
}

function expectAtom(response: Response): void {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("public, s-maxage=1, stale-while-revalidate=59");
}

const engines: Array<[string, () => Promise<TestDatabase>]> = [
  ["PGlite", () => createPgliteDatabase()],
  ["PostgreSQL", () => createPostgresDatabase()],
];

describe.each(engines)("Atom feeds of changes on %s", (_name, create) => {
  let db: TestDatabase;
  let restore: () => void;

  beforeAll(async () => {
    db = await create();
    restore = installDatabase(db.database);
    await importDataset(cli, "demo", demoWithDraft({ laterRecord: true }));
    // An organisation that publishes nothing.
    await importDataset(cli, "drafts-only", { ...DEMO, agreements: [{ ...PUBLISHED, published: false }] });
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  const changelog = agreementChangelog(PUBLISHED, indexSources(DEMO.sources), { until: TODAY });

  it("lists in the agreement's feed exactly the changelog's entries, in its order", async () => {
    const response = await getAgreementFeed("demo", SLUG);
    expectAtom(response);
    const feed = parseFeed(await response.text());
    expect(changelog.length).toBeGreaterThan(10);
    expect(feed.entries).toEqual(expected(changelog));
    expect(feed.id).toBe(`tag:localhost,2025:demo/${SLUG}`);
    expect(feed.title).toBe("UK–France measures against small-boat crossings: changes");
    expect(feed.updated).toBe(`${changelog[0]!.date}T00:00:00.000Z`);
    expect(feed.links).toEqual([
      { rel: "alternate", href: `${ORIGIN}/demo/${SLUG}/changes` },
      { rel: "self", href: `${ORIGIN}/demo/${SLUG}/feed.xml` },
    ]);
  });

  it("shows the doctrine's transition to stalled on 23 October 2025 in the feed", async () => {
    const feed = parseFeed(await (await getAgreementFeed("demo", SLUG)).text());
    const stalled = feed.entries.find(
      (e) => e.id === `tag:localhost,2025:demo/${SLUG}/maritime-interception/adopt-doctrine/health/2025-10-23/STALLED`,
    );
    expect(stalled).toMatchObject({
      updated: "2025-10-23T00:00:00.000Z",
      link: `${ORIGIN}/demo/${SLUG}?asOf=2025-10-23#milestone-adopt-doctrine`,
      category: "MILESTONE_HEALTH",
    });
    expect(stalled?.title).toMatch(/: At risk → Stalled$/);
  });

  it("lists in the organisation's feed exactly the organisation's changelog, which leaves the draft out", async () => {
    const response = await getOrganisationFeed("demo");
    expectAtom(response);
    const xml = await response.text();
    const feed = parseFeed(xml);
    const merged = organisationChangelog(demoWithDraft({ laterRecord: true }).agreements, indexSources(DEMO.sources), {
      until: TODAY,
    });
    expect(merged).toEqual(changelog);
    expect(feed.entries).toEqual(expected(changelog));
    expect(feed.id).toBe("tag:localhost,2025:demo");
    expect(xml).not.toContain(DRAFT);
    expect(xml).not.toContain("A draft copy");
    expect(xml).not.toContain("Draft only.");
  });

  it("speaks French at the French address: the changelog's French entries, the same ids, links to French pages", async () => {
    const response = await getAgreementFeed("demo", SLUG, "fr");
    expectAtom(response);
    const xml = await response.text();
    const feed = parseFeed(xml);
    const french = agreementChangelog(PUBLISHED, indexSources(DEMO.sources), { until: TODAY, locale: "fr" });
    expect(feed.entries.map((e) => [e.id, e.title, e.summary])).toEqual(
      expected(french).map((e) => [e.id, e.title, e.summary]),
    );
    expect(feed.entries.map((e) => e.id)).toEqual(expected(changelog).map((e) => e.id));
    expect(feed.title).toBe("UK–France measures against small-boat crossings\u00a0: modifications");
    expect(feed.links).toEqual([
      { rel: "alternate", href: `${ORIGIN}/fr/demo/${SLUG}/changes` },
      { rel: "self", href: `${ORIGIN}/fr/demo/${SLUG}/feed.xml` },
    ]);
    expect(feed.entries.every((e) => e.link.startsWith(`${ORIGIN}/fr/demo/${SLUG}?asOf=`))).toBe(true);
    const organisation = parseFeed(await (await getOrganisationFeed("demo", "fr")).text());
    expect(organisation.entries.map((e) => e.title)).toEqual(feed.entries.map((e) => e.title));
  });

  it("gives the same bytes on a second request (stable ids and dates)", async () => {
    const first = await (await getAgreementFeed("demo", SLUG)).text();
    expect(await (await getAgreementFeed("demo", SLUG)).text()).toBe(first);
  });

  it("runs to today: a feed read on an earlier day lists the changes up to that day only", async () => {
    const response = await onDay("2025-10-31", () =>
      agreementFeed(new Request(`${ORIGIN}/demo/${SLUG}/feed.xml`), {
        params: Promise.resolve({ locale: "en", org: "demo", agreement: SLUG }),
      }),
    );
    const feed = parseFeed(await response.text());
    const asOf = agreementChangelog(PUBLISHED, indexSources(DEMO.sources), { until: "2025-10-31" });
    expect(feed.entries).toEqual(expected(asOf));
    expect(feed.entries.every((e) => e.updated <= "2025-10-31T00:00:00.000Z")).toBe(true);
  });

  it.each([
    ["an unknown organisation's feed", () => getOrganisationFeed("no-such-org")],
    ["the feed of an organisation that publishes nothing", () => getOrganisationFeed("drafts-only")],
    ["a draft agreement's feed", () => getAgreementFeed("demo", DRAFT)],
    ["an unknown agreement's feed", () => getAgreementFeed("demo", "no-such-agreement")],
    ["an agreement's feed under another organisation", () => getAgreementFeed("drafts-only", SLUG)],
    ["an unknown organisation's agreement feed", () => getAgreementFeed("no-such-org", SLUG)],
  ])("answers 404 for %s, cached briefly", async (_name, call) => {
    const response = await call();
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("public, max-age=10, s-maxage=10");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });
});

describe("Atom feeds when the database is unavailable", () => {
  let restore: (() => void) | undefined;

  afterEach(() => {
    restore?.();
    restore = undefined;
    vi.restoreAllMocks();
  });

  it("answer 503 with Retry-After, not cached, when the PostgreSQL database goes away", async () => {
    const db = await createPostgresDatabase();
    restore = installDatabase(db.database);
    await importDataset(cli, "demo", DEMO);
    expectAtom(await getAgreementFeed("demo", SLUG));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      // The server drops the database under the open client (closing its connections): the next query cannot connect.
      const admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE "${db.name}" WITH (FORCE)`).finally(() => admin.end());
      for (const response of [await getAgreementFeed("demo", SLUG), await getOrganisationFeed("demo")]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
        expect(response.headers.get("cache-control")).toBe("no-store");
      }
      expect(error).not.toHaveBeenCalled();
    } finally {
      await db.drop();
    }
  });

  it("answer 503 when the database cannot be opened at all (DatabaseUnavailableError)", async () => {
    const unavailable = new DatabaseUnavailableError(
      "Cannot open the embedded database (locked). Check ACCORDWATCH_DATA.",
    );
    // A database whose client cannot be had, as getDb() sees one that failed to open.
    const broken = {
      target: { kind: "embedded", dataDir: "/nonexistent" },
      get prisma(): never {
        throw unavailable;
      },
      migrate: () => Promise.reject(unavailable),
      close: () => Promise.resolve(),
    } as unknown as Database;
    restore = installDatabase(broken);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const response = await getOrganisationFeed("demo");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
