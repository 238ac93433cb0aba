/**
 * How the public feeds answer: Atom with short shared-cache lifetimes (a CDN or nginx cache in front serves the
 * spikes, ../shared/notes/toolchain.md), 404 for what is not published, and errors that no cache keeps.
 */
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { CLIENT_ERROR_CACHE, NO_STORE, PUBLIC_CACHE } from "@/lib/http/cache-control";
import { RETRY_AFTER_SECONDS } from "@/lib/http/unavailable";
import { logger } from "@/lib/log/logger";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/** The policy of every public answer (lib/http/cache-control.ts): a second fresh in shared caches, then stale. */
export const FEED_CACHE_CONTROL = PUBLIC_CACHE;
/** Not found: kept ten seconds, never served stale, so that a newly published agreement's feed appears soon. */
export const NOT_FOUND_CACHE_CONTROL = CLIENT_ERROR_CACHE;
export const ERROR_CACHE_CONTROL = NO_STORE;

const TEXT = "text/plain; charset=utf-8";

/**
 * Runs `build` and answers with its Atom document, or 404 when it gives null. A database that cannot be reached is a
 * 503 with Retry-After; anything else is logged and a 500. Neither error is cached. Error bodies say nothing about
 * the cause (that goes to the log).
 */
export async function feedResponse(build: () => Promise<string | null>): Promise<Response> {
  try {
    const xml = await build();
    if (xml === null) return notFoundResponse("No published feed has this address.");
    return new Response(xml, {
      status: 200,
      headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": FEED_CACHE_CONTROL },
    });
  } catch (error) {
    return failureResponse(error, "feed");
  }
}

/** A public file that is not published: a 404 shared caches keep as briefly as the file itself, never stale. */
export function notFoundResponse(message: string): Response {
  return new Response(`${message}\n`, {
    status: 404,
    headers: { "Content-Type": TEXT, "Cache-Control": NOT_FOUND_CACHE_CONTROL },
  });
}

/**
 * A public file (`what`: "feed", "image") that failed: a database out of reach (from the start, or gone since: a
 * query that lost its connection) is a 503 with Retry-After; anything else is logged and a 500. Neither is cached.
 */
export function failureResponse(error: unknown, what: string): Response {
  if (isDatabaseUnavailable(error)) {
    logger.warn(
      { reason: error instanceof Error ? error.message.split("\n")[0] : String(error) },
      `${what} unavailable`,
    );
    return new Response(`The ${what} is unavailable for a moment. Try again shortly.\n`, {
      status: 503,
      headers: {
        "Content-Type": TEXT,
        "Cache-Control": ERROR_CACHE_CONTROL,
        "Retry-After": String(RETRY_AFTER_SECONDS),
      },
    });
  }
  logger.error({ err: error }, `${what} failed`);
  return new Response(`The ${what} could not be built.\n`, {
    status: 500,
    headers: { "Content-Type": TEXT, "Cache-Control": ERROR_CACHE_CONTROL },
  });
}
