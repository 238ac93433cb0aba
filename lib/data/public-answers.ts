/**
 * A second's memory of the public reads that are made again for every request: the find page's, the feeds' and the
 * open-data API's (the pages themselves are in Next.js's cache: lib/http/cache-control.ts).
 *
 * Why: under load the process's one thread is shared by hundreds of readers, and a read that awaits the database
 * several times waits behind all of them at each await (bench/README.md, "Load": the find page and the API answered
 * in up to 28 s, past wrk's timeout, while the cached pages answered in 0.3 s). Remembered for a second, the same
 * read is made once a second whatever the number of readers, and readers asking while it runs wait for that one
 * (it is the promise that is kept); a hit costs no await on the database at all.
 *
 * What it never does:
 * - serve a read made before an invalidation of the public pages: an edit in this instance or another moves the
 *   public generation on (public-generation.mjs), and an entry is kept under the generation it was started in;
 * - keep a failure: a read that rejects is forgotten at once (the next request reads again, and a database outage
 *   answers 503 as before, nothing cached);
 * - answer while the database is known to be down: every read goes through to fail as it does without this cache
 *   (lib/db/availability.ts), so that an outage is seen on the very first request, as for the pages (proxy.ts);
 * - serve a signed-in reader: their reads come from the primary, to show their own writes at once
 *   (lib/data/reader.ts); only the anonymous reader's are remembered, the same for everyone.
 *
 * On in the app's server only (`next start`, `next dev`): scripts, the command line and the tests read the database
 * each time, as a change they make directly in it would not move this process's generation on. The values are
 * shared between requests: the domain's types are read-only, and nothing may change them.
 */
import { LRUCache } from "lru-cache";
import type { Viewer } from "@/lib/auth/viewer";
import { databaseOutage } from "@/lib/db/availability";
import { publicGeneration } from "./public-generation.mjs";

/** How long a read is kept, from when it started: the same second as the deploy/ nginx cache's. */
export const PUBLIC_ANSWER_TTL_MS = 1_000;

/**
 * How many reads are kept at most (the least recently used go first): the find page's text is the reader's, so the
 * keys are too. At this bound, entries older than the TTL are gone long before their number matters.
 */
export const PUBLIC_ANSWER_MAX_ENTRIES = 500;

interface Entry {
  readonly generation: number;
  readonly value: Promise<unknown>;
}

const STATE = Symbol.for("accordwatch.publicAnswers");
type State = { cache: LRUCache<string, Entry>; enabled: boolean };

const newCache = (now?: () => number) =>
  new LRUCache<string, Entry>({
    max: PUBLIC_ANSWER_MAX_ENTRIES,
    ttl: PUBLIC_ANSWER_TTL_MS,
    // An expired read is let go at once, not when next asked for or pushed out: one can hold an organisation's whole
    // dataset (the API's health document), and the keys asked once (a find page's text) are most of them.
    ttlAutopurge: true,
    ...(now === undefined ? {} : { perf: { now } }),
  });

function state(): State {
  const g = globalThis as typeof globalThis & { [STATE]?: State };
  // Next.js sets NEXT_RUNTIME in its server (and replaces it in its bundles); scripts and tests run without it.
  g[STATE] ??= { cache: newCache(), enabled: process.env.NEXT_RUNTIME === "nodejs" };
  return g[STATE];
}

/**
 * For the tests of this module: turns the memory on or off in this process, empty, with `now` as its clock
 * (milliseconds; performance.now by default).
 */
export function configurePublicAnswers(options: { enabled: boolean; now?: () => number }): void {
  const s = state();
  s.enabled = options.enabled;
  s.cache = newCache(options.now);
}

/**
 * `read()`, or the same read started less than PUBLIC_ANSWER_TTL_MS ago under `key` in the current public
 * generation (see above for when it is not remembered). `key` names the function and every argument its answer
 * depends on; the viewer is not part of it, as only the anonymous viewer's reads are kept.
 */
export function rememberedPublicRead<T>(viewer: Viewer, key: string, read: () => Promise<T>): Promise<T> {
  const s = state();
  if (!s.enabled || viewer.kind !== "anonymous" || databaseOutage() !== null) return read();
  const generation = publicGeneration();
  const kept = s.cache.get(key);
  if (kept !== undefined && kept.generation === generation) return kept.value as Promise<T>;
  const value = read();
  const entry: Entry = { generation, value };
  s.cache.set(key, entry);
  value.catch(() => {
    // Forgotten, unless a newer read has taken its place meanwhile.
    if (s.cache.peek(key) === entry) s.cache.delete(key);
  });
  return value;
}
