/**
 * Who may keep an answer, and for how long: one policy for every page and download (README.md, "Caching").
 *
 * - Public pages (published data only, the same for every reader) are rendered once and kept by the app itself
 *   (Next.js incremental static regeneration: app/[locale]/(public)/asof/[day]/…, app/[locale]/(public)/page.tsx,
 *   the embed widget), rendered again in the background at most every PAGE_REVALIDATE_SECONDS, and at once after an
 *   edit (the workspace's server actions call revalidatePublicPages: the next request renders the new state).
 *   Shared caches (nginx, a CDN) may keep them a second and serve a stale copy for a minute while they ask again:
 *   proxy.ts sends PUBLIC_PAGE_CACHE for them, in place of the `s-maxage=10` Next.js would derive from `revalidate`.
 *   The two lifetimes differ on purpose: a rendering costs the app's one thread ~0.1 s, so under a spike the app
 *   should render a hot page every ten seconds, not every second (bench/README.md, "Spike"), while a shared cache in
 *   front refreshes its copy from the app's every second at no cost to it.
 * - Public answers computed per request (the find page, the API, feeds, CSV, the share image) carry PUBLIC_CACHE,
 *   set by their route or, for the find page, by proxy.ts.
 * - A client error (400, 404) of a public answer may be kept ten seconds; a server error never.
 * - Anything signed in or personal is `private, no-store` (Next.js sends it for every page that reads the session).
 */

/** Seconds the app keeps a rendered public page before it renders it again in the background (`revalidate`). */
export const PAGE_REVALIDATE_SECONDS = 10;

/** Seconds a shared cache keeps a public answer fresh, then may serve it stale while it asks again. */
const SHARED_MAX_AGE_SECONDS = 1;
const STALE_WHILE_REVALIDATE_SECONDS = 59;

/** The cached public pages, for shared caches (set by proxy.ts; Next.js keeps a Cache-Control already set). */
export const PUBLIC_PAGE_CACHE = `s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`;

/** Public answers computed per request: the same lifetimes. */
export const PUBLIC_CACHE = `public, ${PUBLIC_PAGE_CACHE}`;

/**
 * The header by which nginx in front (deploy/nginx) keeps a public page or answer until the end of the current
 * second: `X-Accel-Expires: @<this second, in Unix time>` (sharedCacheExpiry), which nginx reads before
 * Cache-Control and never passes on. nginx counts validity in whole seconds and keeps an entry fresh through the
 * whole second its validity ends in, so `s-maxage=1` alone kept a page 1–2 s and an edit showed through nginx up to
 * ~2 s plus a rendering later; an entry now expires at the next second boundary, 0–1 s after it was stored, and a
 * spike still costs the app one request per second and page (bench/README.md, "Spike"). Other shared caches (a CDN)
 * go by Cache-Control.
 */
export const SHARED_CACHE_EXPIRY_HEADER = "X-Accel-Expires";

/** The value of SHARED_CACHE_EXPIRY_HEADER for an answer made at `nowMs`: the end of that second. */
export function sharedCacheExpiry(nowMs: number): string {
  return `@${Math.floor(nowMs / 1000)}`;
}

/** A 400 or 404 may become a 200 (a draft is published): kept ten seconds at most. */
export const CLIENT_ERROR_CACHE = "public, max-age=10, s-maxage=10";

/** A failure of ours, or what the database's outage made, is never kept. */
export const NO_STORE = "no-store";

/** Signed-in and personal answers. */
export const PRIVATE_NO_STORE = "private, no-store";

/** First path segments (after the language) that are not a public organisation's pages. */
const NOT_PUBLIC_PAGES = new Set(["w", "signin", "account", "invite", "api", "healthz", "readyz", "_next"]);

/**
 * Where proxy.ts sends a page address, given without its language prefix (`/demo/uk-france`) and the day it asks
 * for (`asOfSegment`): the cached as-of tree (`/asof/2025-11-21/demo/uk-france`, the embed widget's
 * `/embed/demo/uk-france/2025-11-21`), or null for an address that stays where it is (the home page, the workspace,
 * sign-in, the find page, a file with a dot in its name: feeds, og-image.png).
 */
export function cachedPagePath(path: string, day: string): string | null {
  const segments = path.split("/").filter((s) => s !== "");
  const [first, last] = [segments[0], segments[segments.length - 1]];
  if (first === undefined || last === undefined || NOT_PUBLIC_PAGES.has(first) || last.includes(".")) return null;
  if (first === "embed") {
    return segments.length === 3 ? `/${segments.join("/")}/${encodeURIComponent(day)}` : null;
  }
  if (segments.length === 2 && segments[1] === "find") return null;
  return `/asof/${encodeURIComponent(day)}/${segments.join("/")}`;
}

/**
 * Whether a page address (without its language prefix) is answered from the app's cache: the home page and every
 * address cachedPagePath moves into the cached tree. The others (the workspace, sign-in, the find page…) are rendered
 * per request. lib/http/csp.ts gives those a nonce, and the cached ones the hashes of their scripts.
 */
export function isCachedPage(path: string): boolean {
  return path === "/" || path === "" || cachedPagePath(path, "0000-00-00") !== null;
}

/** Public pages rendered per request (their query is theirs: the find page's filters): proxy.ts sets PUBLIC_CACHE. */
export function isUncachedPublicPage(path: string): boolean {
  const [org, page, ...more] = path.split("/").filter((s) => s !== "");
  return org !== undefined && page === "find" && more.length === 0 && !NOT_PUBLIC_PAGES.has(org);
}
