/**
 * The generation of this process's public data: a number that every invalidation of the public pages moves on, so
 * that what was computed from the data before it is not served after it (lib/data/public-answers.ts).
 *
 * Moved on by the ISR cache handler (lib/http/csp-cache-handler.mjs), which sees every invalidation of the public
 * pages: an edit's revalidatePath in this instance (lib/actions/revalidate.ts), and those of the other instances
 * announced on PostgreSQL (lib/http/shared-invalidation.mjs), including "all of them" after a lost connection.
 *
 * On globalThis: the cache handler is loaded by Node's `import`, the pages and route handlers from Next.js's bundles,
 * each with its own copy of this module, in one process and realm. Plain JavaScript for the cache handler.
 */
const GENERATION = Symbol.for("accordwatch.publicGeneration");

/** The current generation (0 until the first invalidation). */
export function publicGeneration() {
  return globalThis[GENERATION] ?? 0;
}

/** Moves the generation on: everything computed before is stale. */
export function nextPublicGeneration() {
  globalThis[GENERATION] = publicGeneration() + 1;
}
