/**
 * How the public feeds answer: Atom with short shared-cache lifetimes (a CDN or nginx cache in front serves the
 * spikes, ../shared/notes/toolchain.md), 404 for what is not published, and errors that no cache keeps.
 */
import { connectionFailureReason } from "@/lib/db/client";
import { DatabaseUnavailableError } from "@/lib/db/errors";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/** A minute fresh in shared caches, then served stale for up to five while one request refreshes it. */
export const FEED_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=300";
/** Not found: cached as briefly, and never served stale, so that a newly published agreement's feed appears soon. */
export const NOT_FOUND_CACHE_CONTROL = "public, s-maxage=60";
export const ERROR_CACHE_CONTROL = "no-store";
/** Seconds a client should wait after a 503. */
export const RETRY_AFTER_SECONDS = 30;

const TEXT = "text/plain; charset=utf-8";

/**
 * Runs `build` and answers with its Atom document, or 404 when it gives null. A database that cannot be reached is a
 * 503 with Retry-After; anything else is logged and a 500. Neither error is cached. Error bodies say nothing about
 * the cause (that goes to the log).
 */
export async function feedResponse(build: () => Promise<string | null>): Promise<Response> {
  try {
    const xml = await build();
    if (xml === null) {
      return new Response("No published feed has this address.\n", {
        status: 404,
        headers: { "Content-Type": TEXT, "Cache-Control": NOT_FOUND_CACHE_CONTROL },
      });
    }
    return new Response(xml, {
      status: 200,
      headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": FEED_CACHE_CONTROL },
    });
  } catch (error) {
    // Unreachable from the start (getDb), or gone since (a query that lost its connection): try again later.
    if (error instanceof DatabaseUnavailableError || connectionFailureReason(error) !== null) {
      console.warn(`feed unavailable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return new Response("The feed is unavailable for a moment. Try again shortly.\n", {
        status: 503,
        headers: {
          "Content-Type": TEXT,
          "Cache-Control": ERROR_CACHE_CONTROL,
          "Retry-After": String(RETRY_AFTER_SECONDS),
        },
      });
    }
    console.error("feed failed", error);
    return new Response("The feed could not be built.\n", {
      status: 500,
      headers: { "Content-Type": TEXT, "Cache-Control": ERROR_CACHE_CONTROL },
    });
  }
}
