import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CLIENT_ERROR_CACHE, PUBLIC_CACHE, SHARED_CACHE_EXPIRY_HEADER } from "../lib/http/cache-control";
import { demoAccount, signInAs } from "./support/demo-accounts";
import { createPublishedAgreement } from "./support/published-agreement";

/**
 * Who may keep each answer (issue 5, item 1; lib/http/cache-control.ts), against `npm start`: every route file of
 * app/ is listed below with an address it answers and the cache rule it must follow, and a test fails when a route
 * file is missing from the list. Then: an edit shows on the cached public pages at the next request.
 */

/** What proxy.ts sends for the cached public pages (lib/http/cache-control.ts PUBLIC_PAGE_CACHE), spelled out. */
const CACHED_PAGE = "s-maxage=1, stale-while-revalidate=59";
const AGREEMENT = "/demo/uk-france-small-boats-2025";
const COMMITMENT = `${AGREEMENT}/commitments/maritime-interception`;

type Rule = "cached page" | "public" | "private" | "no-store";

interface Route {
  /** Addresses to ask, each in English and French where the route has both. */
  readonly urls: readonly string[];
  readonly rule: Rule;
  /** Signed-in routes: asked signed in as the demo admin (anonymous readers are sent to sign-in, privately too). */
  readonly signedIn?: boolean;
}

/** Every route file of app/ (relative to app/), with what it must answer. */
const ROUTES: Record<string, Route> = {
  "[locale]/(public)/page.tsx": { urls: ["/", "/fr"], rule: "cached page" },
  "[locale]/(public)/asof/[day]/[org]/page.tsx": { urls: ["/demo", "/fr/demo?asOf=2025-10-01"], rule: "cached page" },
  "[locale]/(public)/asof/[day]/[org]/[agreement]/page.tsx": {
    urls: [AGREEMENT, `${AGREEMENT}?asOf=2025-11-21`, `/fr${AGREEMENT}?asOf=not-a-date`],
    rule: "cached page",
  },
  "[locale]/(public)/asof/[day]/[org]/[agreement]/changes/page.tsx": {
    urls: [`${AGREEMENT}/changes`, `/fr${AGREEMENT}/changes?asOf=2025-09-01`],
    rule: "cached page",
  },
  "[locale]/(public)/asof/[day]/[org]/[agreement]/commitments/[commitment]/page.tsx": {
    urls: [COMMITMENT, `/fr${COMMITMENT}`],
    rule: "cached page",
  },
  "[locale]/(public)/asof/[day]/[org]/[agreement]/commitments/[commitment]/milestones/[milestone]/page.tsx": {
    urls: [`${COMMITMENT}/milestones/adopt-doctrine`, `/fr${COMMITMENT}/milestones/adopt-doctrine?asOf=2025-10-31`],
    rule: "cached page",
  },
  "[locale]/(public)/asof/[day]/[org]/sources/[source]/page.tsx": {
    urls: ["/demo/sources/bbc-2025-10-23", "/fr/demo/sources/bbc-2025-10-23"],
    rule: "cached page",
  },
  "[locale]/(embed)/embed/[org]/[agreement]/[day]/page.tsx": {
    urls: ["/embed/demo/uk-france-small-boats-2025", "/fr/embed/demo/uk-france-small-boats-2025?asOf=2025-11-21"],
    rule: "cached page",
  },
  "[locale]/(public)/[org]/find/page.tsx": {
    urls: ["/demo/find?q=patrol", "/fr/demo/find?health=STALLED"],
    rule: "public",
  },
  "[locale]/(public)/[org]/feed.xml/route.ts": { urls: ["/demo/feed.xml", "/fr/demo/feed.xml"], rule: "public" },
  "[locale]/(public)/[org]/[agreement]/feed.xml/route.ts": { urls: [`${AGREEMENT}/feed.xml`], rule: "public" },
  "[locale]/(public)/[org]/[agreement]/og-image.png/route.tsx": { urls: [`${AGREEMENT}/og-image.png`], rule: "public" },
  "api/v1/[org]/agreements/route.ts": { urls: ["/api/v1/demo/agreements"], rule: "public" },
  "api/v1/[org]/agreements/[agreement]/route.ts": {
    urls: ["/api/v1/demo/agreements/uk-france-small-boats-2025"],
    rule: "public",
  },
  "api/v1/[org]/agreements/[agreement]/health/route.ts": {
    urls: ["/api/v1/demo/agreements/uk-france-small-boats-2025/health?asOf=2025-11-21"],
    rule: "public",
  },
  "api/v1/[org]/agreements/[agreement]/milestones.csv/route.ts": {
    urls: ["/api/v1/demo/agreements/uk-france-small-boats-2025/milestones.csv"],
    rule: "public",
  },
  "api/v1/[org]/export/route.ts": { urls: ["/api/v1/demo/export"], rule: "public" },
  "api/v1/openapi.json/route.ts": { urls: ["/api/v1/openapi.json"], rule: "public" },
  "api/auth/[...nextauth]/route.ts": { urls: ["/api/auth/session", "/api/auth/csrf"], rule: "private" },
  "healthz/route.ts": { urls: ["/healthz"], rule: "no-store" },
  "readyz/route.ts": { urls: ["/readyz"], rule: "no-store" },
  "[locale]/(personal)/signin/page.tsx": { urls: ["/signin", "/fr/signin"], rule: "private" },
  "[locale]/(personal)/invite/[token]/page.tsx": { urls: ["/invite/no-such-token"], rule: "private" },
  "[locale]/(personal)/account/page.tsx": { urls: ["/account"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/page.tsx": { urls: ["/w"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/page.tsx": { urls: ["/w/demo", "/fr/w/demo"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/[agreement]/page.tsx": {
    urls: ["/w/demo/uk-france-small-boats-2025"],
    rule: "private",
    signedIn: true,
  },
  "[locale]/(personal)/w/[org]/[agreement]/briefing/page.tsx": {
    urls: ["/w/demo/uk-france-small-boats-2025/briefing"],
    rule: "private",
    signedIn: true,
  },
  "[locale]/(personal)/w/[org]/[agreement]/briefing.md/route.ts": {
    urls: ["/w/demo/uk-france-small-boats-2025/briefing.md"],
    rule: "private",
    signedIn: true,
  },
  "[locale]/(personal)/w/[org]/changes/page.tsx": { urls: ["/w/demo/changes"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/data/page.tsx": { urls: ["/w/demo/data"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/export/route.ts": { urls: ["/w/demo/export"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/history/page.tsx": { urls: ["/w/demo/history"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/members/page.tsx": { urls: ["/w/demo/members"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/notifications/page.tsx": {
    urls: ["/w/demo/notifications"],
    rule: "private",
    signedIn: true,
  },
  "[locale]/(personal)/w/[org]/sources/page.tsx": { urls: ["/w/demo/sources"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/watchlist/page.tsx": { urls: ["/w/demo/watchlist"], rule: "private", signedIn: true },
  "[locale]/(personal)/w/[org]/watchlist/briefing/page.tsx": {
    urls: ["/w/demo/watchlist/briefing"],
    rule: "private",
    signedIn: true,
  },
  "[locale]/(personal)/w/[org]/watchlist/briefing.md/route.ts": {
    urls: ["/w/demo/watchlist/briefing.md"],
    rule: "private",
    signedIn: true,
  },
  "[locale]/(personal)/w/[org]/webhooks/page.tsx": { urls: ["/w/demo/webhooks"], rule: "private", signedIn: true },
};

function routeFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), relative);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function expectRule(response: APIResponse, rule: Rule, url: string): void {
  const header = response.headers()["cache-control"] ?? "";
  const where = `${url} (${response.status()}): Cache-Control "${header}"`;
  const expiry = response.headers()[SHARED_CACHE_EXPIRY_HEADER.toLowerCase()];
  if (rule === "cached page") {
    expect(header, where).toBe(CACHED_PAGE);
    // For nginx in front: kept to the end of the second the answer was made in (lib/http/cache-control.ts).
    expect(expiry, `${where}, ${SHARED_CACHE_EXPIRY_HEADER}`).toMatch(/^@\d+$/);
    expect(Math.abs(Number(expiry?.slice(1)) - Date.now() / 1000), `${url}: ${expiry}`).toBeLessThan(30);
  }
  if (rule === "private") expect(expiry, `${url}: ${SHARED_CACHE_EXPIRY_HEADER}`).toBeUndefined();
  if (rule === "public") expect(header, where).toBe(PUBLIC_CACHE);
  if (rule === "private") {
    expect(header, where).toMatch(/^private\b/);
    expect(header, where).toMatch(/\bno-store\b/);
  }
  if (rule === "no-store") expect(header, where).toBe("no-store");
}

async function get(request: APIRequestContext, url: string): Promise<APIResponse> {
  return request.get(url, { maxRedirects: 0 });
}

/**
 * Whether a cached page is answered from the app's cache: asked up to three times, one answer says HIT (or STALE).
 * Not just twice: the other specs' edits, running alongside, revalidate every public page, and the request after
 * one is rendered anew (MISS), as it must be.
 */
async function servedFromCache(request: APIRequestContext, url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const state = (await get(request, url)).headers()["x-nextjs-cache"];
    if (state === "HIT" || state === "STALE") return true;
  }
  return false;
}

test("every route file of app/ is listed here with its cache rule", () => {
  const files = routeFiles(path.join(import.meta.dirname, "..", "app")).sort();
  expect(files).toEqual(Object.keys(ROUTES).sort());
});

test("public pages and answers carry shared-cache headers; the cached pages are served from the app's cache", async ({
  request,
}) => {
  test.slow();
  for (const [file, route] of Object.entries(ROUTES)) {
    if (route.signedIn || route.rule === "private") continue;
    for (const url of route.urls) {
      const response = await get(request, url);
      expect(response.status(), `${file}: ${url}`).toBe(200);
      expectRule(response, route.rule, url);
      if (route.rule === "cached page") expect(await servedFromCache(request, url), url).toBe(true);
    }
  }
});

test("signed-in and personal answers are private and never stored, anonymous or signed in", async ({
  page,
  request,
}) => {
  test.slow();
  for (const route of Object.values(ROUTES)) {
    if (route.rule !== "private") continue;
    for (const url of route.urls) {
      // Anonymous: the page, the way to sign in (a redirect is personal too: it carries where to come back to), or
      // a download's 404 (it says nothing of what exists).
      const anonymous = await get(request, url);
      expect([200, 307, 404], url).toContain(anonymous.status());
      expectRule(anonymous, "private", url);
    }
  }
  await signInAs(page, "ADMIN");
  for (const route of Object.values(ROUTES)) {
    if (!route.signedIn) continue;
    for (const url of route.urls) {
      const response = await get(page.request, url);
      expect(response.status(), url).toBe(200);
      expectRule(response, "private", url);
    }
  }
});

test("a signed-in reader gets the same public page as everyone: nothing personal in what is cached", async ({
  page,
  request,
}) => {
  await signInAs(page, "ADMIN");
  const admin = demoAccount("ADMIN");
  // A day no other spec asks for, asked signed in first: anything personal in the page would be the admin's, and kept.
  const url = `${AGREEMENT}?asOf=2025-11-19`;
  const signedIn = await get(page.request, url);
  const anonymous = await get(request, url);
  for (const response of [signedIn, anonymous]) {
    expectRule(response, "cached page", url);
    const body = await response.text();
    expect(body).not.toContain(admin.name);
    expect(body).not.toContain(admin.email);
    expect(body).toContain('href="/signin"');
  }
  await page.goto(`${AGREEMENT}?asOf=2025-11-20`);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link")).toHaveText("Sign in");
  // The workspace names the reader.
  await page.goto("/w/demo");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link")).not.toHaveText("Sign in");
});

test("errors are kept briefly or not at all", async ({ request }) => {
  for (const url of ["/no-such-org", "/demo/no-such-agreement", `${AGREEMENT}/commitments/no-such-commitment`]) {
    const response = await get(request, url);
    expect(response.status(), url).toBe(404);
    expectRule(response, "cached page", url);
  }
  for (const url of [
    "/api/v1/no-such-org/agreements",
    "/api/v1/demo/agreements/uk-france-small-boats-2025/health?asOf=x",
  ]) {
    const response = await get(request, url);
    expect([400, 404], url).toContain(response.status());
    expect(response.headers()["cache-control"], url).toBe(CLIENT_ERROR_CACHE);
  }
  const feed = await get(request, "/no-such-org/feed.xml");
  expect(feed.status()).toBe(404);
  expect(feed.headers()["cache-control"]).toBe(CLIENT_ERROR_CACHE);
});

test("an edit shows on the cached public pages, in both languages and on every day, at the next request", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const slug = `e2e-cache-${suffix}`;
  const title = `Cache agreement ${suffix}`;
  const retitled = `Retitled cache agreement ${suffix}`;
  const pages = [`/demo/${slug}`, `/fr/demo/${slug}`, `/demo/${slug}?asOf=2025-08-01`, "/demo", "/"];

  await createPublishedAgreement(page, { slug, title, summary: "Made to watch the public cache." });

  // Each page rendered and kept: then answered from the app's cache.
  for (const url of pages) {
    expect(await (await get(request, url)).text(), url).toContain(title);
    expect(await servedFromCache(request, url), url).toBe(true);
    expect(await (await get(request, url)).text(), url).toContain(title);
  }

  const edit = page.locator("details").filter({
    has: page.getByText("Edit the agreement: title, parties, settings", { exact: true }),
  });
  await edit.locator("summary").first().click();
  const editForm = page.getByRole("form", { name: `Edit agreement ${title}` });
  await editForm.getByLabel("Title").fill(retitled);
  await editForm.getByRole("button", { name: "Save agreement" }).click();
  await expect(page.getByText("Agreement saved.")).toBeVisible();

  // The very next request of each page shows the new title: not a stale copy served while it is rendered again.
  for (const url of pages) {
    const body = await (await get(request, url)).text();
    expect(body, url).toContain(retitled);
  }
});
