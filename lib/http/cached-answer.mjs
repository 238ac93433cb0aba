/**
 * The proxy's fast path for cached public pages (bench/README.md, "Spike": "The proxy answers fresh cached pages").
 *
 * Why: a cached public page answered by Next.js costs the server's one thread ≈1.8 ms, a static file ≈0.8 ms. The
 * difference is not the cache (the entry is in memory) but the page route's way to it and out of it: the router's
 * second pass over the rewritten address, base-server's request handling, RouteModule.prepare, the response cache,
 * and sendRenderResult writing the page as a 95 KB string and hashing its ETag on every answer. proxy.ts already
 * runs for each of these requests and knows where it sends them (lib/http/cache-control.ts cachedPagePath), so when
 * Next.js's own cache holds a fresh entry for that address, the proxy answers with it: the body kept as a Buffer
 * and its ETag computed once per entry.
 *
 * What it answers, and only that: a GET for a cached public page, not an RSC request of the client router (its
 * headers or `_rsc`, which a proxy sees only because next.config.mjs sets `skipProxyUrlNormalize`: without it, an RSC
 * request would look like a page load and get HTML; e2e/cached-answers.spec.ts fails then), no server action, no
 * draft mode, whose entry in Next.js's in-memory ISR cache
 * (FileSystemCache's memory LRU, which the cache handler csp-cache-handler.mjs extends) is an HTML page with status
 * 200 and is fresh by Next.js's own rules (IncrementalCache.get): younger than its `revalidate` and `expire`, none of
 * its tags stale or expired (revalidateTag, revalidatePath: the tags manifest Next.js keeps in this process), not
 * older than the shared invalidation's last reconnection (csp-cache-handler.mjs `expiredBefore`). Everything else
 * goes on to Next.js exactly as before: a missing or stale entry (Next.js then serves it stale and renders it again,
 * or renders it while the reader waits), a 404, HEAD (Next.js gives it a Content-Length, which the proxy cannot),
 * the database's outage (proxy.ts answers 503 before this).
 *
 * The cache handler stays the one store: nothing here keeps a page. The handler publishes, on globalThis (the proxy
 * is bundled apart from the handler but runs in the same process, `next start`'s Node.js proxy), a lookup that reads
 * Next.js's LRU on each request; what is kept per entry (the Buffer and the ETag) hangs off the entry object itself
 * in a WeakMap, so it goes when Next.js replaces or evicts the entry.
 *
 * The answer is the one Next.js gives for a HIT (e2e/cached-answers.spec.ts compares them header by header): status
 * 200, the entry's headers (its Content-Security-Policy, x-nextjs-stale-time; not its cache tags), Vary,
 * `x-nextjs-cache: HIT`, `x-nextjs-prerender: 1`, the ETag and the Content-Type; the proxy's own headers
 * (Cache-Control, X-Accel-Expires, X-Request-Id); next.config.mjs's `headers()`, which Next.js applies to a proxy's
 * answer too, except Content-Security-Policy, which the proxy's answer replaces: so it carries the configured framing
 * policy itself, before the entry's (one header, the two policies comma-separated: the same policy list as two
 * headers). 304 to a matching If-None-Match, by Next.js's own test (`fresh`). Compression is Next.js's, applied to
 * every answer. Two differences remain, neither changing what a browser makes of the answer: no Content-Length
 * (Next.js drops it from a proxy's answer and sends the body chunked, as it does for any compressed page) and no
 * `x-middleware-rewrite` (the proxy's internal rewrite did not happen). A shared cache, though, would keep the chunked
 * framing for every reader of its copy: it is left to Next.js (SHARED_CACHE_HEADER).
 *
 * Plain JavaScript: the cache handler loads it with Node's `import`, untranspiled; proxy.ts imports it too.
 */

/** The global registry the cache handler publishes to (one per process, whichever copy of this module runs). */
const REGISTRY = Symbol.for("accordwatch.cachedAnswers");

/** Next.js's tag header on a cache entry: read for freshness, never sent (Next.js drops it outside minimal mode). */
export const CACHE_TAGS_HEADER = "x-next-cache-tags";

/**
 * The request header by which a shared cache in front (deploy/nginx's template sets it on every request it passes
 * on) asks for Next.js's own answer. This path's answer has no Content-Length (see above), and nginx keeps a page
 * as it got it: every answer from its copy would be chunked, 13–17% more of nginx's CPU per answer than the same
 * bytes with a length (bench/README.md, "Spike"). The cache asks
 * for a page at most once a second, so it loses nothing by not being answered here. Anyone may send the header: it
 * only chooses the slower of two paths to the same page.
 */
export const SHARED_CACHE_HEADER = "x-accordwatch-shared-cache";

/** Request headers by which Next.js answers a page address with something else than its HTML document. */
const NOT_A_DOCUMENT = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
];

/**
 * Whether a request is a plain page load that Next.js answers from a cached page's HTML: GET (HEAD goes on, for its
 * Content-Length), none of the client router's headers nor its `_rsc` query, no draft-mode cookie, not a shared
 * cache's (SHARED_CACHE_HEADER).
 * @param {string} method
 * @param {Headers} headers
 * @param {URLSearchParams} searchParams
 */
export function isCachedDocumentRequest(method, headers, searchParams) {
  if (method !== "GET") return false;
  if (NOT_A_DOCUMENT.some((name) => headers.has(name))) return false;
  if (headers.has(SHARED_CACHE_HEADER)) return false;
  if (searchParams.has("_rsc")) return false;
  return !(headers.get("cookie") ?? "").includes("__prerender_bypass");
}

/**
 * Whether Next.js would answer `entry` (an entry of its memory cache: `{ value, lastModified, cacheControl }`) as a
 * HIT, rather than render it first (missing, expired tags, past `expire`) or serve it stale: IncrementalCache.get's
 * rules, and conservative at the boundaries (an instant that Next.js still counts fresh may be left to it).
 * @param {{ value?: any, lastModified?: number, cacheControl?: { revalidate?: number | false, expire?: number } } | null | undefined} entry
 * @param {{ now: number, expiredBefore: number, tagsExpired: (tags: string[], since: number) => boolean, tagsStale: (tags: string[], since: number) => boolean }} at
 */
export function isFreshPage(entry, { now, expiredBefore, tagsExpired, tagsStale }) {
  const value = entry?.value;
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string" || value.postponed != null) return false;
  if (value.status !== undefined && value.status !== 200) return false;
  const { lastModified, cacheControl } = entry;
  if (typeof lastModified !== "number" || lastModified <= 0 || lastModified < expiredBefore) return false;
  const revalidate = cacheControl?.revalidate;
  if (typeof revalidate !== "number" || revalidate < 1 || now >= lastModified + revalidate * 1000) return false;
  const expire = cacheControl?.expire;
  if (typeof expire === "number" && now >= lastModified + expire * 1000) return false;
  const tags = value.headers?.[CACHE_TAGS_HEADER];
  if (typeof tags === "string" && tags !== "") {
    const list = tags.split(",");
    if (tagsExpired(list, lastModified) || tagsStale(list, lastModified)) return false;
  }
  return true;
}

/**
 * @typedef {object} PreparedPage what is kept per cache entry, computed once
 * @property {Buffer} body the HTML, UTF-8
 * @property {string} etag Next.js's ETag of the HTML
 * @property {[string, string][]} headers the entry's headers as Next.js sends them (not its cache tags)
 */

/** Per entry object of Next.js's cache: gone with the entry. @type {WeakMap<object, PreparedPage>} */
const prepared = new WeakMap();

/**
 * The entry's answer, made on its first use and kept on the entry.
 * @param {{ html: string, headers?: Record<string, string | string[] | number | undefined> }} value
 * @param {(html: string) => string} generateETag Next.js's (server/lib/etag.js)
 * @returns {PreparedPage}
 */
export function preparedPage(value, generateETag) {
  let page = prepared.get(value);
  if (page === undefined) {
    /** @type {[string, string][]} */
    const headers = [];
    for (const [name, raw] of Object.entries(value.headers ?? {})) {
      if (raw === undefined || name.toLowerCase() === CACHE_TAGS_HEADER) continue;
      for (const one of Array.isArray(raw) ? raw : [raw]) headers.push([name.toLowerCase(), String(one)]);
    }
    page = { body: Buffer.from(value.html, "utf8"), etag: generateETag(value.html), headers };
    prepared.set(value, page);
  }
  return page;
}

/**
 * The headers of the answer: the proxy's own (but its internal `x-middleware-*` instructions), then the entry's and
 * what Next.js adds to a HIT. `framing` is next.config.mjs's framing policy for the address, which the answer's
 * Content-Security-Policy replaces, so it goes first, then the entry's policy.
 * @param {{ proxyHeaders: Headers, page: PreparedPage, vary: string, framing: string }} parts
 * @returns {Headers}
 */
export function cachedPageHeaders({ proxyHeaders, page, vary, framing }) {
  const headers = new Headers();
  // Iterating Headers yields each Set-Cookie on its own.
  for (const [name, value] of proxyHeaders) {
    if (!name.startsWith("x-middleware-")) headers.append(name, value);
  }
  const policies = [framing];
  for (const [name, value] of page.headers) {
    if (name === "content-security-policy") policies.push(value);
    else headers.append(name, value);
  }
  headers.set("content-security-policy", policies.join(", "));
  headers.set("vary", vary);
  headers.set("x-nextjs-cache", "HIT");
  headers.set("x-nextjs-prerender", "1");
  headers.set("etag", page.etag);
  return headers;
}

/**
 * @typedef {object} CachedPages what the cache handler publishes
 * @property {(pathname: string) => PreparedPage | null} fresh the prepared page of a fresh cached page at this address
 *   (the rewritten one: `/en/asof/2025-11-21/demo/…`), or null
 * @property {(requestHeaders: Record<string, string | undefined>, etag: string) => boolean} notModified Next.js's
 *   conditional-request test
 * @property {string} vary Next.js's Vary for an App Router page
 */

/** Called by the cache handler once its module is loaded. @param {CachedPages} pages */
export function publishCachedPages(pages) {
  globalThis[REGISTRY] = pages;
}

/**
 * The answer to a page load from Next.js's cache, or null when it must go on to Next.js. `proxyHeaders`: the
 * headers of the proxy's response as it would have passed the request on (its rewrite included); `framing`:
 * next.config.mjs's framing policy for the address.
 * @param {{ method: string, headers: Headers, searchParams: URLSearchParams }} request
 * @param {string} pathname where the proxy rewrites the request to
 * @param {Headers} proxyHeaders
 * @param {string} framing
 * @returns {{ status: 200 | 304, headers: Headers, body: Buffer | null } | null}
 */
export function cachedPageAnswer(request, pathname, proxyHeaders, framing) {
  /** @type {CachedPages | undefined} */
  const pages = globalThis[REGISTRY];
  if (pages === undefined || !isCachedDocumentRequest(request.method, request.headers, request.searchParams)) {
    return null;
  }
  const page = pages.fresh(pathname);
  if (page === null) return null;
  const headers = cachedPageHeaders({ proxyHeaders, page, vary: pages.vary, framing });
  const conditional = {
    "if-none-match": request.headers.get("if-none-match") ?? undefined,
    "if-modified-since": request.headers.get("if-modified-since") ?? undefined,
    "cache-control": request.headers.get("cache-control") ?? undefined,
  };
  if (pages.notModified(conditional, page.etag)) return { status: 304, headers, body: null };
  headers.set("content-type", "text/html; charset=utf-8");
  return { status: 200, headers, body: page.body };
}
