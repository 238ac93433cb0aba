/**
 * Briefings from the database (lib/data/briefing.ts) on both engines, and their Markdown download
 * (lib/http/briefing.ts, the GET of app/[locale]/(personal)/w/[org]/[agreement]/briefing.md and app/[locale]/(personal)/w/[org]/watchlist/briefing.md) given
 * the viewer a session would give: members only, drafts included, the worst news first; 404 for anyone else.
 * e2e/briefing.spec.ts fetches the routes themselves with a signed-in browser.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, systemViewer, type Viewer } from "@/lib/auth/viewer";
import { getAgreementBriefing, getWatchlistBriefing } from "@/lib/data/briefing";
import { NotFoundError, ValidationError } from "@/lib/data/errors";
import { importDataset } from "@/lib/data/import-dataset";
import { watch } from "@/lib/data/watchlist";
import { installDatabase, type PrismaClient } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { parseInterchangeText } from "@/lib/domain/interchange";
import { briefingMarkdownGet } from "@/lib/http/briefing";
import type { TestDatabase } from "../support/databases";
import { createMember, ENGINES } from "../support/demo";

const demoText = readFileSync(path.resolve(import.meta.dirname, "../../data/demo.accordwatch.json"), "utf8");
const AGREEMENT = "uk-france-small-boats-2025";

describe.each(ENGINES)("briefings on %s", (_name, create) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let restore: () => void;

  /** A new member of the organisation `slug`, as the session would give them. */
  const newMember = (slug: string, role: "REVIEWER" | "EDITOR" = "REVIEWER"): Promise<Viewer> =>
    createMember(prisma, slug, "Rita", role);

  const agreementGet = (viewer: Viewer) =>
    briefingMarkdownGet<{ locale: string; org: string; agreement: string }>({
      viewer: async () => viewer,
      today: () => "2025-12-01",
      load: (v, { org, agreement }, asOf, locale) => getAgreementBriefing(v, org, agreement, asOf, locale),
      name: ({ org, agreement }, asOf) => `briefing-${org}-${agreement}-${asOf}`,
    });
  const watchlistGet = (viewer: Viewer) =>
    briefingMarkdownGet<{ locale: string; org: string }>({
      viewer: async () => viewer,
      load: (v, { org }, asOf, locale) => getWatchlistBriefing(v, org, asOf, locale),
      name: ({ org }, asOf) => `briefing-${org}-watchlist-${asOf}`,
    });
  const context = <P>(params: P) => ({ params: Promise.resolve(params) });

  beforeAll(async () => {
    db = await create();
    prisma = db.prisma;
    restore = installDatabase(db.database);
    const parsed = parseInterchangeText(demoText);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const cli = systemViewer("cli:test");
    await importDataset(cli, "alpha", parsed.dataset);
    await importDataset(cli, "beta", parsed.dataset);
    // A draft: members brief on it all the same.
    const alpha = await prisma.organisation.findUniqueOrThrow({ where: { slug: "alpha" } });
    await prisma.agreement.updateMany({
      where: { organisationId: alpha.id, slug: AGREEMENT },
      data: { published: false },
    });
  });

  afterAll(async () => {
    restore?.();
    await db?.drop();
  });

  it("briefs a member on a draft agreement as of 31 October 2025: the stalled doctrine first, with the BBC", async () => {
    const { organisation, title, briefing } = await getAgreementBriefing(
      await newMember("alpha"),
      "alpha",
      AGREEMENT,
      "2025-10-31",
    );
    expect(organisation.slug).toBe("alpha");
    expect(title).toMatch(/small-boat/);
    expect(briefing.agreements[0]?.published).toBe(false);
    expect(briefing.items[0]).toMatchObject({ milestone: { id: "adopt-doctrine" }, health: "STALLED" });
    expect(briefing.items[0]?.flags[0]).toMatchObject({ flag: "CONTRADICTED", since: "2025-10-23" });
    expect(briefing.sources.map((s) => s.source.id)).toEqual(["bbc-2025-10-23"]);
  });

  it("refuses a day that is not one, by field", async () => {
    const error = await getAgreementBriefing(await newMember("alpha"), "alpha", AGREEMENT, "2025-02-30").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.asOf?.[0]).toMatch(/not a date/);
  });

  it("does not reveal the organisation to anyone but its members", async () => {
    const outsider = await newMember("beta", "EDITOR");
    for (const viewer of [ANONYMOUS, outsider]) {
      await expect(getAgreementBriefing(viewer, "alpha", AGREEMENT, "2025-10-31")).rejects.toThrow(NotFoundError);
      await expect(getWatchlistBriefing(viewer, "alpha", "2025-10-31")).rejects.toThrow(NotFoundError);
    }
  });

  it("briefs a member on their own watchlist only, across agreements", async () => {
    const rita = await newMember("alpha");
    const other = await newMember("alpha");
    expect((await getWatchlistBriefing(rita, "alpha", "2025-12-01")).briefing.items).toEqual([]);
    await watch(rita, "alpha", { agreement: AGREEMENT, commitment: "one-in-one-out" });
    await watch(rita, "alpha", {
      agreement: AGREEMENT,
      commitment: "maritime-interception",
      milestone: "deploy-tactics",
    });
    await watch(other, "alpha", {
      agreement: AGREEMENT,
      commitment: "maritime-interception",
      milestone: "adopt-doctrine",
    });
    const { title, briefing } = await getWatchlistBriefing(rita, "alpha", "2025-12-01");
    expect(title).toBe("Your watchlist");
    expect(briefing.items.map((i) => [i.milestone.id, i.health])).toEqual([
      ["deploy-tactics", "STALLED"],
      ["enact-scheme", "DONE"],
    ]);
    expect(briefing.items[0]?.flags[0]?.reason).toBe("Overdue since 1 December 2025 (deadline: November 2025)");
  });

  it("downloads the agreement's Markdown for a member, as an attachment never cached", async () => {
    const response = await agreementGet(await newMember("alpha"))(
      new Request(`http://localhost/w/alpha/${AGREEMENT}/briefing.md?asOf=2025-10-31`),
      context({ locale: "en", org: "alpha", agreement: AGREEMENT }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="briefing-alpha-${AGREEMENT}-2025-10-31.md"`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.text();
    expect(body).toMatch(/^# Briefing: .*\n\nAs of 31 October 2025\./);
    expect(body).toMatch(/## Needs attention\n\n### 1\. Maritime doctrine adopted[^\n]*: Stalled/);
    expect(body).toContain("The maritime prefecture for the Channel told the BBC");
    expect(body).toMatch(/## Sources\n\n1\. BBC, /);
  });

  it("downloads the Markdown in French from the French address: French words and dates, entered text as entered", async () => {
    const response = await agreementGet(await newMember("alpha"))(
      new Request(`http://localhost/fr/w/alpha/${AGREEMENT}/briefing.md?asOf=2025-12-01`),
      context({ locale: "fr", org: "alpha", agreement: AGREEMENT }),
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/^# Note de synthèse\u00a0: .*\n\nÀ la date du 1er décembre 2025\./);
    expect(body).toMatch(/## Points d’attention\n\n### 1\. [^\n]*\u00a0: (Rompu|Au point mort)/);
    // Markdown escapes the reason's parentheses.
    expect(body).toContain("En retard depuis le 1er décembre 2025 \\(échéance\u00a0: novembre 2025\\)");
    expect(body).not.toContain("Needs attention");
    // Quotes are the sources' own words: never translated.
    expect(body).toContain("The maritime prefecture for the Channel told the BBC");
  });

  it("uses today when no day is given", async () => {
    const response = await agreementGet(await newMember("alpha"))(
      new Request(`http://localhost/w/alpha/${AGREEMENT}/briefing.md`),
      context({ locale: "en", org: "alpha", agreement: AGREEMENT }),
    );
    expect(await response.text()).toContain("As of 1 December 2025.");
  });

  it("downloads the viewer's watchlist as Markdown", async () => {
    const rita = await newMember("alpha");
    await watch(rita, "alpha", {
      agreement: AGREEMENT,
      commitment: "maritime-interception",
      milestone: "adopt-doctrine",
    });
    const response = await watchlistGet(rita)(
      new Request("http://localhost/w/alpha/watchlist/briefing.md?asOf=2025-10-31"),
      context({ locale: "en", org: "alpha" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="briefing-alpha-watchlist-2025-10-31.md"',
    );
    const body = await response.text();
    expect(body.startsWith("# Briefing: Your watchlist\n")).toBe(true);
    expect(body.match(/^### /gm)).toHaveLength(1);
  });

  it("answers 404 alike to a signed-out visitor, a non-member and an unknown organisation or agreement", async () => {
    const outsider = await newMember("beta", "EDITOR");
    const cases: Array<[Viewer, string, string]> = [
      [ANONYMOUS, "alpha", AGREEMENT],
      [outsider, "alpha", AGREEMENT],
      [outsider, "nowhere", AGREEMENT],
      [outsider, "beta", "nothing-here"],
    ];
    for (const [viewer, org, agreement] of cases) {
      const response = await agreementGet(viewer)(
        new Request(`http://localhost/w/${org}/${agreement}/briefing.md?asOf=2025-10-31`),
        context({ locale: "en", org, agreement }),
      );
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.text()).toBe("Not found.");
    }
    const watchlist = await watchlistGet(outsider)(
      new Request("http://localhost/w/alpha/watchlist/briefing.md"),
      context({ locale: "en", org: "alpha" }),
    );
    expect(watchlist.status).toBe(404);
  });

  it("answers 400 with the field's message for a day that is not one", async () => {
    const response = await agreementGet(await newMember("alpha"))(
      new Request(`http://localhost/w/alpha/${AGREEMENT}/briefing.md?asOf=31-10-2025`),
      context({ locale: "en", org: "alpha", agreement: AGREEMENT }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('"31-10-2025" is not a date; use YYYY-MM-DD.');
  });

  it("answers 503 with Retry-After when the database is unavailable", async () => {
    const get = briefingMarkdownGet<{ locale: string; org: string }>({
      viewer: () => Promise.reject(new DatabaseUnavailableError("down")),
      load: (v, { org }, asOf, locale) => getWatchlistBriefing(v, org, asOf, locale),
      name: ({ org }) => org,
    });
    const response = await get(
      new Request("http://localhost/w/alpha/watchlist/briefing.md"),
      context({ locale: "en", org: "alpha" }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
  });
});
