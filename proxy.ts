/**
 * The language of a page is the first segment of its address (lib/i18n/routing.ts): this proxy rewrites the plain
 * English addresses onto app/[locale]/… and sends `/en/…` to the plain address. Access is checked in lib/data, never
 * here (a proxy can be skipped).
 *
 * It also gives every request it sees its id (lib/log/request-id.ts): set as the X-Request-Id request header, which
 * next-intl passes on to the page, server action or route handler (they log with it), and returned in the response.
 *
 * And it answers pages 503 while the database is down (README.md, "When the database is down"). The App Router
 * gives a page no way to choose its status: an error thrown while rendering becomes a 500 from error.tsx (after the
 * wait for the database, if the database hangs), and a cache may keep it. The proxy is the one place that runs
 * before a page and may answer instead of it. It never queries the database: lib/db keeps, in this process, whether
 * the server answers (lib/db/availability.ts: learned from the pool's own connections and statements, re-checked
 * once a second during an outage), and the proxy reads that field. So pages cost nothing more while all is well,
 * and answer in microseconds while it is not.
 *
 * And it answers a cached public page itself when Next.js's cache holds it fresh (lib/http/cached-answer.mjs): the
 * same answer Next.js would give, for about half of its cost (bench/README.md, "Spike"). Anything else goes on to
 * Next.js as before.
 */
import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { todayUtc } from "./lib/clock";
import { databaseOutage } from "./lib/db/availability";
import { isLocale } from "./lib/domain/locale";
import { asOfSegment } from "./lib/domain/schemas/as-of";
import { cachedPageAnswer } from "./lib/http/cached-answer.mjs";
import {
  cachedPagePath,
  isCachedPage,
  isUncachedPublicPage,
  PUBLIC_CACHE,
  PUBLIC_PAGE_CACHE,
  SHARED_CACHE_EXPIRY_HEADER,
  sharedCacheExpiry,
} from "./lib/http/cache-control";
import { FRAME_ANCESTORS } from "./lib/http/content-security-policy.mjs";
import { CSP_HEADER, framingOf, policyForRequest } from "./lib/http/csp";
import { unavailablePageResponse } from "./lib/http/unavailable";
import { routing } from "./lib/i18n/routing";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/log/request-id";

const localise = createMiddleware(routing);

/**
 * Page loads only. Not a form's server action (a POST): it runs, and the form says the database is unavailable and
 * keeps what was typed (lib/actions/run-action.ts). Not a file of app/[locale] (a name with a dot: feed.xml,
 * briefing.md, og-image.png): its route handler answers its own 503, in its own format.
 */
function isPageLoad(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const last = request.nextUrl.pathname.split("/").pop() ?? "";
  return !last.includes(".");
}

export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const response = databaseOutage() && isPageLoad(request) ? unavailablePageResponse(request.nextUrl) : localised();
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;

  function localised() {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    // The page's Content-Security-Policy with a nonce of this request's, for Next.js to stamp on its scripts; none
    // for a page served from the cache (lib/http/csp.ts).
    const policy = policyForRequest(request.nextUrl.pathname, headers);
    // next-intl passes on the headers of the request it is given (its rewrite and next carry `request.headers`), and
    // Next.js applies them to the real request. A copy without the body: next-intl reads only the address and
    // headers, and the body (a server action's form, an upload) stays with the request Next.js forwards.
    const response = localise(new NextRequest(request.url, { method: request.method, headers }));
    if (policy) response.headers.set(CSP_HEADER, policy);
    return isPageLoad(request) ? toCachedPage(request, response) : response;
  }
}

/**
 * The public pages are rendered once per language and day and kept (lib/http/cache-control.ts), so they cannot read
 * the query: the day asked for (`?asOf=`) moves into the path of the page that answers, app/[locale]/(public)/asof/
 * [day]/… (and the widget's app/[locale]/(embed)/embed/[org]/[agreement]/[day]). The address the reader sees does not
 * change. next-intl has already decided the language (a rewrite to `/en/…` for a plain address, or none for
 * `/fr/…`): this moves its destination. Their shared-cache header is set here too (Next.js keeps a Cache-Control
 * the proxy set), one second whatever the app's own `revalidate` (lib/http/cache-control.ts), and the find page's,
 * which is rendered per request.
 */
function toCachedPage(request: NextRequest, response: NextResponse): NextResponse {
  if (response.headers.has("location")) return response;
  const destination = new URL(response.headers.get("x-middleware-rewrite") ?? request.url);
  const [, locale, ...rest] = destination.pathname.split("/");
  if (!isLocale(locale)) return response;
  const path = `/${rest.join("/")}`;
  const day = asOfSegment({ asOf: request.nextUrl.searchParams.getAll("asOf") }, todayUtc());
  const cached = cachedPagePath(path, day);
  const cachedPage = isCachedPage(path);
  if (cachedPage) response.headers.set("Cache-Control", PUBLIC_PAGE_CACHE);
  if (cached !== null) {
    destination.pathname = `/${locale}${cached}`;
    response.headers.set("x-middleware-rewrite", destination.toString());
    response.headers.delete("x-middleware-next");
  } else if (isUncachedPublicPage(path)) {
    response.headers.set("Cache-Control", PUBLIC_CACHE);
  }
  if (cachedPage || isUncachedPublicPage(path)) {
    response.headers.set(SHARED_CACHE_EXPIRY_HEADER, sharedCacheExpiry(Date.now()));
  }
  return cachedPage ? (fromCache(request, destination.pathname, response) ?? response) : response;
}

/** The answer of a fresh cached page from Next.js's cache (lib/http/cached-answer.mjs), or null to pass it on. */
function fromCache(request: NextRequest, pathname: string, response: NextResponse): NextResponse | null {
  const framing = FRAME_ANCESTORS[framingOf(request.nextUrl.pathname)];
  const { method, headers, nextUrl } = request;
  const answer = cachedPageAnswer(
    { method, headers, searchParams: nextUrl.searchParams },
    pathname,
    response.headers,
    framing,
  );
  return answer && new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
}

export const config = {
  // Every page and download of app/[locale] (feeds and Markdown briefings have a dot in their name), but not the API,
  // the probes (/healthz, /readyz: route handlers outside app/[locale], which give themselves an id), Next's own
  // files or the icons.
  matcher: ["/((?!api/|_next/|_vercel/|favicon\\.ico$|icon\\.svg$|healthz$|readyz$).*)"],
};
