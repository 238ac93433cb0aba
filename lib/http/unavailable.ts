/**
 * What answers while the database is down (README.md, "When the database is down"): 503 with Retry-After, never
 * stored by any cache. The API and the feeds answer it in their own formats (lib/http/respond.ts,
 * lib/feeds/response.ts), with this Retry-After.
 */

/** Seconds a client should wait before asking again after a 503 (API, feeds, downloads). */
export const RETRY_AFTER_SECONDS = 30;
