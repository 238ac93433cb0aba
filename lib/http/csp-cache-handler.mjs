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
 * Loaded by Next.js (next.config.ts `cacheHandler`) with Node's `import`: plain JavaScript, no path aliases.
 */
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { hashedPagePolicy } from "./content-security-policy.mjs";
import { currentSharedInvalidation, startSharedInvalidation } from "./shared-invalidation.mjs";

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

const Base = FileSystemCache.default ?? FileSystemCache;

/**
 * Pages stored before this time (ms) are not served: set when the shared invalidation's connection comes back after
 * a loss, since an announcement may have been missed meanwhile. One per process, on globalThis, as the tags are:
 * Next.js loads this module twice, once with Node's `import` (the cache of the pages) and once bundled into the proxy
 * (`.next/server/middleware.js`, whose own IncrementalCache makes a handler for each request it sees), and the
 * shared invalidation is started by whichever copy's handler is made first, usually the proxy's: as module state,
 * its `expireAll` set the proxy copy's `expiredBefore`, which the pages' copy never read.
 */
const STATE = Symbol.for("accordwatch.cacheHandler");
globalThis[STATE] ??= { expiredBefore: 0 };
/** @type {{ expiredBefore: number }} */
const state = globalThis[STATE];

export default class CspCacheHandler extends Base {
  constructor(...args) {
    super(...args);
    startSharedInvalidation({
      expire: (tags, durations) => super.revalidateTag(tags, durations),
      expireAll: () => {
        state.expiredBefore = Date.now();
      },
    });
  }

  async get(...args) {
    const entry = await super.get(...args);
    if (entry?.value?.kind === "APP_PAGE" && entry.lastModified < state.expiredBefore) return null;
    if (entry?.value) withScriptPolicy(entry.value, { fresh: false });
    return entry;
  }

  async set(key, data, ctx) {
    return super.set(key, withScriptPolicy(data, { fresh: true }), ctx);
  }

  /** Expires the tags here (Next.js's own), then tells the other instances to do the same. */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    const shared = currentSharedInvalidation();
    if (shared && list.length > 0) await shared.announce(list, durations);
  }
}
