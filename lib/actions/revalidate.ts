/**
 * After an edit, the cached public pages (lib/http/cache-control.ts) are rendered again on their next request.
 *
 * All of them, in every language and for every day: a page shows an agreement as of a day, and an edit can change
 * what the past days show too (a source added with an earlier date, a typo fixed in a quote); an organisation's
 * sources are cited by all its agreements; the home page lists them all. Pages are cheap to render again once each,
 * edits are rare next to reads, and an invalidation that misses a page would show a stale verdict: so the whole
 * public tree, not a guess at which pages an edit touched. (Next.js tags cached pages by the route file that renders
 * them, `/[locale]/(public)/asof/[day]/…`, not by the address the reader sees.)
 *
 * This instance at once; the other instances of the app through the cache handler, which announces the revalidation
 * on PostgreSQL (lib/http/shared-invalidation.mjs; deploy/README.md, "What is per instance").
 */
import { revalidatePath } from "next/cache";

export function revalidatePublicPages(): void {
  revalidatePath("/[locale]", "layout");
}
