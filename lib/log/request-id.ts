/**
 * Request ids (README, "Logs"): every request the server handles has one, returned in the response header
 * X-Request-Id and written on every log line of its handling. An id the client (or a proxy in front, e.g. nginx's
 * `$request_id`) sent is kept when it is sane, so that the front proxy's access log and ours name the same request;
 * otherwise a new UUID is made. No Node-only import: proxy.ts uses this module too.
 */

/** The request and response header (HTTP headers are case-insensitive; Headers objects use lower case). */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Sane: 1–128 characters of letters, digits and `-_.:=+/@~` — enough for a UUID, nginx's hex `$request_id`, AWS's
 * `Root=1-…` and W3C trace ids, and nothing that could break a header or pass for another field of a log line.
 */
const SANE = /^[A-Za-z0-9][A-Za-z0-9_.:=+/@~-]{0,127}$/;

export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && SANE.test(value);
}

/** The incoming id when sane, else a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return isSaneRequestId(incoming) ? incoming : crypto.randomUUID();
}
