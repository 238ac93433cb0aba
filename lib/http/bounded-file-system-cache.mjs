/**
 * Next.js's file-system cache (the one `next start` uses by default) with a bound on what it writes to disk.
 *
 * Next.js writes every page it renders for its cache to `.next/server/app/<key>.html` (with `.rsc`, `.meta` and a
 * `.segments/` folder beside it), and keeps a copy in a memory LRU of bounded size (`cacheMaxMemorySize`, 50 MB by
 * default). The public pages are cached per language and day (lib/http/cache-control.ts), and their addresses are
 * the reader's to choose: left alone, a crawler asking for every unknown slug (each a 404) or every past day would
 * fill the disk. So, for the pages of the day-segmented public tree (`/{locale}/asof/{day}/…` and the widget's
 * `/{locale}/embed/{org}/{agreement}/{day}`):
 * - a client error (the not-found page of an unknown organisation, agreement, commitment, milestone or source) is
 *   kept in memory only;
 * - so is a page of a past day: only today's pages (and the few fixed segments of a refused day, which show today:
 *   lib/domain/schemas/as-of.ts) go to disk, so the disk holds at most one copy of each real page and language per
 *   day the app has served, whatever the requests.
 * A page kept in memory only also has its disk copy removed, if it had one: a page that was a 200 on disk and became
 * a 404 (an agreement unpublished, a milestone deleted) must not come back from disk after the memory copy was
 * evicted or the process restarted, showing what is no longer public.
 * Every other entry (the home page, what `next build` prerendered, the fetch cache) is stored as Next.js stores it.
 *
 * Loaded by Next.js through csp-cache-handler.mjs, with Node's `import`: plain JavaScript, no path aliases.
 */
import { rm } from "node:fs/promises";
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const Base = FileSystemCache.default ?? FileSystemCache;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AS_OF_PAGE = /^\/[^/]+\/asof\/([^/]+)(?:\/|$)/;
const EMBED_PAGE = /^\/[^/]+\/embed\/[^/]+\/[^/]+\/([^/]+)$/;
const RESPONSE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

/**
 * The day segment of a cache key of the day-segmented public tree (`2025-11-21`, or a refused day's fixed segment
 * such as `invalid`), or null for any other key. A key Next.js scopes to its route (`/route-cache/…/$/<path>`) is
 * read by the path after its `/$/`.
 */
export function daySegmentOfKey(key) {
  const marker = key.lastIndexOf("/$/");
  const path = marker === -1 ? key : key.slice(marker + 2);
  return (AS_OF_PAGE.exec(path) ?? EMBED_PAGE.exec(path))?.[1] ?? null;
}

/** Whether the entry Next.js stores under `key` on `today` (`YYYY-MM-DD`, UTC) may be written to disk. */
export function keepsOnDisk(key, value, today) {
  const day = daySegmentOfKey(key);
  if (day === null || !value || !RESPONSE_KINDS.has(value.kind)) return true;
  if (typeof value.status === "number" && value.status >= 400) return false;
  return !DAY.test(day) || day === today;
}

/** The files Next.js writes for an entry of `kind` under `key` (file-system-cache.js `set`), main file first. */
function filesOfEntry(cache, key, kind) {
  if (kind === "APP_ROUTE") return [".body", ".meta"].map((suffix) => cache.getFilePath(`${key}${suffix}`, kind));
  const suffixes = kind === "PAGES" ? [".html", ".json", ".meta"] : [".html", ".rsc", ".meta", ".segments"];
  return suffixes.map((suffix) => cache.getFilePath(`${key}${suffix}`, kind));
}

export class BoundedFileSystemCache extends Base {
  async set(key, data, ctx) {
    if (!this.flushToDisk || keepsOnDisk(key, data, new Date().toISOString().slice(0, 10))) {
      return super.set(key, data, ctx);
    }
    // Next.js's own set, on a view of this cache that does not flush to disk: the memory copy is made exactly as
    // Next.js makes it, and a concurrent set of another key is unaffected.
    await Base.prototype.set.call(Object.create(this, { flushToDisk: { value: false } }), key, data, ctx);
    // The main file first: Next.js reads an entry from disk only when it finds that one.
    for (const file of filesOfEntry(this, key, data.kind)) await rm(file, { force: true, recursive: true });
  }
}
