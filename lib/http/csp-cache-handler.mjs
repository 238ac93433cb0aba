/**
 * Next.js's own ISR cache (the file-system cache `next start` uses by default), with one addition: every cached page
 * carries the Content-Security-Policy that allows exactly its inline scripts, by their hashes
 * (content-security-policy.mjs). The App Router writes the page's data into inline `self.__next_f.push(…)` scripts
 * whose text differs from page to page and from one regeneration to the next, and a cached page cannot have a nonce:
 * its HTML is the same for every reader. This is the one place where the finished HTML is known before it is sent:
 * - `set` receives each page Next.js renders for the cache (first request, regeneration): the policy is added to the
 *   entry's headers before it is stored, and Next.js answers that request with the very same entry;
 * - `get` returns stored pages: those prerendered by `next build` (whose headers were written without a policy) and
 *   those stored by a previous process get theirs when first read (kept on the entry, in memory).
 * Next.js sends an entry's headers with every answer made from it (cache hit, stale or miss alike), so the policy
 * always matches the HTML beside it, and a shared cache in front stores the two together.
 *
 * It also shares invalidations between the instances of the app (shared-invalidation.mjs): every revalidateTag
 * (an edit's revalidatePath) is announced to the other instances, which expire the same tags in their own cache.
 *
 * And it lets proxy.ts answer a fresh cached page itself (cached-answer.mjs): it publishes a lookup of this process's
 * memory cache, by the address the proxy rewrites to, with Next.js's own freshness rules and this module's
 * `expiredBefore`. It stores nothing of its own for that: the lookup reads Next.js's cache on every request.
 *
 * Loaded by Next.js (next.config.mjs `cacheHandler`) with Node's `import`: plain JavaScript, no path aliases.
 */
import { createRequire } from "node:module";
import { BoundedFileSystemCache } from "./bounded-file-system-cache.mjs";
import { isFreshPage, preparedPage, publishCachedPages } from "./cached-answer.mjs";
import { hashedPagePolicy } from "./content-security-policy.mjs";
import { nextPublicGeneration } from "../data/public-generation.mjs";
import { currentSharedInvalidation, startSharedInvalidation } from "./shared-invalidation.mjs";

// The very modules FileSystemCache and IncrementalCache use (one instance each per process: the tags manifest is
// the state revalidateTag writes).
const require = createRequire(import.meta.url);
const { areTagsExpired, areTagsStale } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");
const { generateETag } = require("next/dist/server/lib/etag.js");
const { normalizePagePath } = require("next/dist/shared/lib/page-path/normalize-page-path.js");
const fresh = require("next/dist/compiled/fresh");
const routerHeaders = require("next/dist/client/components/app-router-headers.js");

const HEADER = "content-security-policy";

/**
 * Gives a cached page (an APP_PAGE entry with its HTML) the policy of its HTML: always when `fresh` (a page just
 * rendered), else only when it has none yet. Other entries (fetch cache, route handlers) are left as they are.
 */
export function withScriptPolicy(value, { fresh }) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string") return value;
  value.headers ??= {};
  if (fresh || typeof value.headers[HEADER] !== "string") value.headers[HEADER] = hashedPagePolicy(value.html);
  return value;
}

// Next.js's file-system cache, with what it writes to disk bounded (bounded-file-system-cache.mjs).
const Base = BoundedFileSystemCache;

/**
 * This module's state, one per process on globalThis: Next.js loads this module twice, once with Node's `import`
 * (the cache of the pages) and once bundled into the proxy (`.next/server/middleware.js`, for its own fetch cache),
 * and the two copies must agree. Next.js's own state they read is shared already: its memory cache and tags
 * manifest are `.external` modules, left out of bundles.
 * - `expiredBefore`: pages stored before this time (ms) are not served; set when the shared invalidation's
 *   connection comes back after a loss, since an announcement may have been missed meanwhile.
 * - `pagePrefixes`: the App Router pages' key prefixes in the cache seen so far, one per route file
 *   (`/route-cache/APP_PAGE/<hash of the route>/$`): an entry's key is its prefix and its address
 *   (next/dist/server/lib/route-cache-key.js), and the proxy knows only the address. As many as the app has cached
 *   page routes.
 */
const STATE = Symbol.for("accordwatch.cacheHandler");
globalThis[STATE] ??= { expiredBefore: 0, pagePrefixes: new Set() };
/** @type {{ expiredBefore: number, pagePrefixes: Set<string> }} */
const state = globalThis[STATE];

const PAGE_KEY = /^\/route-cache\/APP_PAGE\/[0-9a-f]+\/\$(?=\/)/;

function notePageKey(key) {
  const prefix = PAGE_KEY.exec(key)?.[0];
  if (prefix !== undefined && !state.pagePrefixes.has(prefix) && state.pagePrefixes.size < 256) {
    state.pagePrefixes.add(prefix);
  }
}

/**
 * The fresh page Next.js keeps in `memory` at `pathname`, prepared for the proxy, or null: none, more than one
 * (never expected: one route answers an address), or one Next.js would not answer as a HIT.
 */
function freshPage(memory, pathname) {
  const page = normalizePagePath(pathname);
  let entry = null;
  for (const prefix of state.pagePrefixes) {
    const key = prefix + page;
    if (!memory.has(key)) continue;
    if (entry !== null) return null;
    entry = memory.get(key);
  }
  const now = performance.timeOrigin + performance.now();
  const at = { now, expiredBefore: state.expiredBefore, tagsExpired: areTagsExpired, tagsStale: areTagsStale };
  if (!isFreshPage(entry, at)) return null;
  return preparedPage(withScriptPolicy(entry.value, { fresh: false }), generateETag);
}

let published = false;

/** Once Next.js's memory cache exists (made by the first handler's constructor): the proxy's lookup of it. */
function publish() {
  const memory = Base.memoryCache;
  if (published || !memory) return;
  published = true;
  publishCachedPages({
    fresh: (pathname) => freshPage(memory, pathname),
    notModified: (requestHeaders, etag) => fresh(requestHeaders, { etag }),
    vary: [
      routerHeaders.RSC_HEADER,
      routerHeaders.NEXT_ROUTER_STATE_TREE_HEADER,
      routerHeaders.NEXT_ROUTER_PREFETCH_HEADER,
      routerHeaders.NEXT_ROUTER_SEGMENT_PREFETCH_HEADER,
    ].join(", "),
  });
}

export default class CspCacheHandler extends Base {
  constructor(...args) {
    super(...args);
    startSharedInvalidation({
      expire: (tags, durations) => {
        nextPublicGeneration();
        return super.revalidateTag(tags, durations);
      },
      expireAll: () => {
        nextPublicGeneration();
        state.expiredBefore = Date.now();
      },
    });
    publish();
  }

  async get(...args) {
    notePageKey(args[0]);
    const entry = await super.get(...args);
    if (entry?.value?.kind === "APP_PAGE" && entry.lastModified < state.expiredBefore) return null;
    if (entry?.value) withScriptPolicy(entry.value, { fresh: false });
    return entry;
  }

  async set(key, data, ctx) {
    notePageKey(key);
    return super.set(key, withScriptPolicy(data, { fresh: true }), ctx);
  }

  /** Expires the tags here (Next.js's own), then tells the other instances to do the same. */
  async revalidateTag(tags, durations) {
    // The computed public answers too (lib/data/public-answers.ts), whatever the tags: an edit's are the whole tree.
    nextPublicGeneration();
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    const shared = currentSharedInvalidation();
    if (shared && list.length > 0) await shared.announce(list, durations);
  }
}
