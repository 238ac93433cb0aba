/**
 * The proxy's fast path for cached public pages (lib/http/cached-answer.mjs): which requests it may answer, when a
 * cached page is fresh (Next.js's own rules), what it answers with, and, through the real cache handler on Next.js's
 * own FileSystemCache and tags manifest, that an invalidation is seen at once. e2e/cached-answers.spec.ts compares
 * its answers with Next.js's against `next start`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateETag } from "next/dist/server/lib/etag.js";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  cachedPageAnswer,
  cachedPageHeaders,
  isCachedDocumentRequest,
  SHARED_CACHE_HEADER,
  isFreshPage,
  preparedPage,
  publishCachedPages,
  type CacheEntry,
  type CachedPages,
} from "@/lib/http/cached-answer.mjs";
import CspCacheHandler from "@/lib/http/csp-cache-handler.mjs";
import { FRAME_ANCESTORS, hashedPagePolicy } from "@/lib/http/content-security-policy.mjs";

const REGISTRY = Symbol.for("accordwatch.cachedAnswers");
const registry = globalThis as unknown as Record<symbol, CachedPages | undefined>;

describe("which requests the proxy may answer from the cache", () => {
  const plain = (init: Record<string, string> = {}, query = "") =>
    isCachedDocumentRequest("GET", new Headers(init), new URLSearchParams(query));

  it("answers a plain page load", () => {
    expect(plain()).toBe(true);
    expect(plain({ accept: "text/html", cookie: "NEXT_LOCALE=fr" }, "asOf=2025-11-21")).toBe(true);
  });

  it.each([
    ["an RSC request", { rsc: "1" }],
    ["a prefetch", { "next-router-prefetch": "1" }],
    ["a router state tree", { "next-router-state-tree": "%5B%5D" }],
    ["a segment prefetch", { "next-router-segment-prefetch": "/_tree" }],
    ["a server action", { "next-action": "abc" }],
    ["draft mode", { cookie: "a=1; __prerender_bypass=x" }],
    ["a shared cache's request (its copy needs Next.js's Content-Length)", { [SHARED_CACHE_HEADER]: "1" }],
  ])("leaves %s to Next.js", (_, headers) => {
    expect(plain(headers)).toBe(false);
  });

  it("leaves the `_rsc` query, HEAD (its Content-Length) and every other method to Next.js", () => {
    expect(plain({}, "_rsc=1x2y")).toBe(false);
    for (const method of ["HEAD", "POST", "PUT", "DELETE", "OPTIONS"]) {
      expect(isCachedDocumentRequest(method, new Headers(), new URLSearchParams())).toBe(false);
    }
  });
});

describe("when a cached page is fresh", () => {
  const modified = 1_000_000;
  const entry = (over: Partial<CacheEntry> = {}, value: Record<string, unknown> = {}): CacheEntry => ({
    lastModified: modified,
    cacheControl: { revalidate: 10, expire: 60 },
    ...over,
    value: { kind: "APP_PAGE", html: "<p>x</p>", status: 200, headers: { "x-next-cache-tags": "a,b" }, ...value },
  });
  const at = (now: number, more: Partial<Parameters<typeof isFreshPage>[1]> = {}) => ({
    now,
    expiredBefore: 0,
    tagsExpired: () => false,
    tagsStale: () => false,
    ...more,
  });

  it("is fresh before its revalidate time, and no longer at it (Next.js serves it STALE then)", () => {
    expect(isFreshPage(entry(), at(modified))).toBe(true);
    expect(isFreshPage(entry(), at(modified + 9_999))).toBe(true);
    expect(isFreshPage(entry(), at(modified + 10_000))).toBe(false);
    expect(isFreshPage(entry(), at(modified + 11_000))).toBe(false);
  });

  it("is not fresh past its expire time, whatever its revalidate", () => {
    const long = entry({ cacheControl: { revalidate: 120, expire: 60 } });
    expect(isFreshPage(long, at(modified + 59_000))).toBe(true);
    expect(isFreshPage(long, at(modified + 60_000))).toBe(false);
  });

  it("is not fresh once one of its tags is expired or stale since it was stored", () => {
    const seen: [string[], number][] = [];
    const tagsExpired = (tags: string[], since: number) => (seen.push([tags, since]), tags.includes("b"));
    expect(isFreshPage(entry(), at(modified, { tagsExpired }))).toBe(false);
    expect(seen).toEqual([[["a", "b"], modified]]);
    expect(isFreshPage(entry(), at(modified, { tagsStale: (tags) => tags.includes("a") }))).toBe(false);
  });

  it("is not fresh when stored before the shared invalidation's reconnection", () => {
    expect(isFreshPage(entry(), at(modified + 1, { expiredBefore: modified + 1 }))).toBe(false);
    expect(isFreshPage(entry(), at(modified + 1, { expiredBefore: modified }))).toBe(true);
  });

  it.each([
    ["no entry", null],
    ["an entry without value (a 404 kept by Next.js)", { lastModified: modified, value: null }],
    ["a route handler's entry", entry({}, { kind: "APP_ROUTE" })],
    ["HTML not yet a string", entry({}, { html: { toUnchunkedString: () => "" } })],
    ["a partly prerendered page", entry({}, { postponed: "state" })],
    ["a 404 page", entry({}, { status: 404 })],
    ["a redirect", entry({}, { status: 307 })],
    ["no lifetime of its own", entry({ cacheControl: undefined })],
    ["a page kept forever (revalidate: false)", entry({ cacheControl: { revalidate: false } })],
    ["an entry Next.js marked for a blocking render (lastModified -1)", entry({ lastModified: -1 })],
  ])("leaves %s to Next.js", (_, candidate) => {
    expect(isFreshPage(candidate as CacheEntry | null, at(modified))).toBe(false);
  });

  it("accepts a page whose status is not recorded (Next.js answers it 200)", () => {
    expect(isFreshPage(entry({}, { status: undefined }), at(modified))).toBe(true);
  });
});

describe("what the proxy answers with", () => {
  const html = "<!DOCTYPE html><p>Quai d’Orsay — “taxi boats”</p>";
  const value = () => ({
    html,
    headers: {
      "x-next-cache-tags": "_N_T_/layout",
      "x-nextjs-stale-time": "300",
      "content-security-policy": hashedPagePolicy(html),
    } as Record<string, string | string[] | number>,
  });

  it("keeps the body as UTF-8 bytes and Next.js's ETag of it, computed once per entry", () => {
    const etag = vi.fn(generateETag);
    const entryValue = value();
    const first = preparedPage(entryValue, etag);
    expect(first.body.equals(Buffer.from(html, "utf8"))).toBe(true);
    expect(first.etag).toBe(generateETag(html));
    expect(preparedPage(entryValue, etag)).toBe(first);
    expect(etag).toHaveBeenCalledTimes(1);
    // Another entry (a regeneration), another answer.
    expect(preparedPage(value(), etag)).not.toBe(first);
  });

  it("sends the entry's headers but its cache tags, as Next.js does", () => {
    const entryValue = value();
    entryValue.headers["x-multi"] = ["1", "2"];
    entryValue.headers["x-number"] = 3;
    expect(preparedPage(entryValue, generateETag).headers).toEqual([
      ["x-nextjs-stale-time", "300"],
      ["content-security-policy", hashedPagePolicy(html)],
      ["x-multi", "1"],
      ["x-multi", "2"],
      ["x-number", "3"],
    ]);
  });

  it("adds the entry's and Next.js's headers to the proxy's own, without its internal instructions", () => {
    const proxyHeaders = new Headers({
      "cache-control": "s-maxage=1, stale-while-revalidate=59",
      "x-accel-expires": "@1",
      "x-request-id": "r-1",
      "x-middleware-rewrite": "http://localhost/en/asof/2025-11-21/demo",
      "x-middleware-override-headers": "x-request-id",
      "x-middleware-request-x-request-id": "r-1",
    });
    proxyHeaders.append("set-cookie", "a=1");
    proxyHeaders.append("set-cookie", "b=2");
    const page = preparedPage(value(), generateETag);
    const headers = cachedPageHeaders({ proxyHeaders, page, vary: "rsc, next-router-state-tree", framing: "fa" });
    expect(headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    headers.delete("set-cookie");
    expect(Object.fromEntries(headers)).toEqual({
      "cache-control": "s-maxage=1, stale-while-revalidate=59",
      "x-accel-expires": "@1",
      "x-request-id": "r-1",
      "x-nextjs-stale-time": "300",
      "content-security-policy": `fa, ${hashedPagePolicy(html)}`,
      vary: "rsc, next-router-state-tree",
      "x-nextjs-cache": "HIT",
      "x-nextjs-prerender": "1",
      etag: page.etag,
    });
  });
});

describe("the proxy's answer", () => {
  const saved = registry[REGISTRY];
  afterEach(() => {
    registry[REGISTRY] = saved;
  });
  const page = preparedPage({ html: "<p>hi</p>", headers: {} }, generateETag);
  const request = (headers: Record<string, string> = {}, method = "GET") => ({
    method,
    headers: new Headers(headers),
    searchParams: new URLSearchParams(),
  });
  const publish = (fresh: CachedPages["fresh"]) =>
    publishCachedPages({ fresh, notModified: (h, etag) => h["if-none-match"] === etag, vary: "v" });

  it("is the page, 200, as HTML", () => {
    publish((pathname) => (pathname === "/en/asof/2025-11-21/demo" ? page : null));
    const answer = cachedPageAnswer(request(), "/en/asof/2025-11-21/demo", new Headers(), FRAME_ANCESTORS.none);
    expect(answer?.status).toBe(200);
    expect(answer?.body).toBe(page.body);
    expect(answer?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(cachedPageAnswer(request(), "/en/other", new Headers(), FRAME_ANCESTORS.none)).toBeNull();
  });

  it("is 304 without a body or a Content-Type to a matching If-None-Match", () => {
    publish(() => page);
    const answer = cachedPageAnswer(request({ "if-none-match": page.etag }), "/en", new Headers(), "fa");
    expect(answer?.status).toBe(304);
    expect(answer?.body).toBeNull();
    expect(answer?.headers.get("etag")).toBe(page.etag);
    expect(answer?.headers.has("content-type")).toBe(false);
  });

  it("is none for a request Next.js answers otherwise, or before the cache handler is loaded", () => {
    publish(() => page);
    expect(cachedPageAnswer(request({ rsc: "1" }), "/en", new Headers(), "fa")).toBeNull();
    expect(cachedPageAnswer(request({}, "HEAD"), "/en", new Headers(), "fa")).toBeNull();
    registry[REGISTRY] = undefined;
    expect(cachedPageAnswer(request(), "/en", new Headers(), "fa")).toBeNull();
  });
});

describe("the cache handler's lookup, on Next.js's own cache and tags", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "accordwatch-cached-answer-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  type Handler = {
    set(key: string, data: object, ctx: object): Promise<void>;
    revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  };
  const handler = () =>
    new (CspCacheHandler as unknown as new (ctx: object) => Handler)({
      fs: nodeFs,
      serverDistDir: dir,
      flushToDisk: false,
      maxMemoryCacheSize: 10_000_000,
      revalidatedTags: [],
    });
  // A key as Next.js 16 makes it: the route's hash, then the address (next/dist/server/lib/route-cache-key.js).
  const key = (pathname: string) => `/route-cache/APP_PAGE/${"ab12".repeat(16)}/$${pathname}`;
  const ctx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 10 } };
  const page = (html: string, tags: string) => ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from("0:{}"),
    headers: { "x-next-cache-tags": tags },
    status: 200,
  });
  const fresh = (pathname: string) => registry[REGISTRY]?.fresh(pathname) ?? null;

  it("finds a page Next.js just stored, by its address, with the policy of its scripts", async () => {
    const cache = handler();
    await cache.set(key("/en/asof/2025-11-21/demo"), page("<script>1</script>", "_N_T_/layout,t-demo"), ctx);
    const found = fresh("/en/asof/2025-11-21/demo");
    expect(found?.body.toString()).toBe("<script>1</script>");
    expect(found?.etag).toBe(generateETag("<script>1</script>"));
    expect(found?.headers).toContainEqual(["content-security-policy", hashedPagePolicy("<script>1</script>")]);
    expect(fresh("/en/asof/2025-11-22/demo")).toBeNull();
  });

  it("finds the home page under Next.js's name for it", async () => {
    await handler().set(key("/index"), page("<p>home</p>", "_N_T_/layout"), ctx);
    expect(fresh("/")?.body.toString()).toBe("<p>home</p>");
  });

  it("no longer finds a page once revalidatePath or revalidateTag expired one of its tags, until it is stored again", async () => {
    const cache = handler();
    await cache.set(key("/en/asof/2025-11-21/edit"), page("<p>old</p>", "_N_T_/layout,t-edit"), ctx);
    expect(fresh("/en/asof/2025-11-21/edit")).not.toBeNull();
    // Later than the entry's lastModified, as a real edit is.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.revalidateTag("t-edit");
    expect(fresh("/en/asof/2025-11-21/edit")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.set(key("/en/asof/2025-11-21/edit"), page("<p>new</p>", "_N_T_/layout,t-edit"), ctx);
    expect(fresh("/en/asof/2025-11-21/edit")?.body.toString()).toBe("<p>new</p>");
  });

  it("no longer finds a page whose tag was marked stale (revalidateTag with a profile: Next.js serves it STALE)", async () => {
    const cache = handler();
    await cache.set(key("/en/asof/2025-11-21/swr"), page("<p>swr</p>", "t-swr"), ctx);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.revalidateTag("t-swr", { expire: 3600 });
    expect(fresh("/en/asof/2025-11-21/swr")).toBeNull();
  });

  it("no longer finds a page past its revalidate time", async () => {
    const now = Date.now();
    const clock = vi.spyOn(Date, "now");
    try {
      clock.mockReturnValue(now - 9_000);
      await handler().set(key("/en/asof/2025-11-21/young"), page("<p>young</p>", "t-young"), ctx);
      clock.mockReturnValue(now - 10_500);
      await handler().set(key("/en/asof/2025-11-21/old"), page("<p>old</p>", "t-old"), ctx);
    } finally {
      clock.mockRestore();
    }
    expect(fresh("/en/asof/2025-11-21/young")).not.toBeNull();
    expect(fresh("/en/asof/2025-11-21/old")).toBeNull();
  });
});
