/**
 * The headers and bodies every open-data answer shares: CORS open to any origin for reading (never credentials),
 * shared-cache rules, and the JSON error shape `{ "error": { "message", "fieldErrors"? } }`.
 */
import type { ErrorBody } from "@/lib/domain/api/responses";
import type { FieldErrors } from "@/lib/domain/schemas/parse";
import { CLIENT_ERROR_CACHE, NO_STORE, PUBLIC_CACHE } from "./cache-control";
import { RETRY_AFTER_SECONDS } from "./unavailable";

export { RETRY_AFTER_SECONDS };

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

export { CLIENT_ERROR_CACHE, NO_STORE, PUBLIC_CACHE } from "./cache-control";

/** On every answer: any origin may read it, without cookies (there is no `Access-Control-Allow-Credentials`). */
export function corsHeaders(): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Content-Disposition, Retry-After",
  };
}

function headers(contentType: string, cacheControl: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    ...corsHeaders(),
    "Content-Type": contentType,
    "Cache-Control": cacheControl,
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
}

/** JSON as the command line prints it: two-space indentation and a final newline (the same bytes as the CLI). */
export function jsonText(body: unknown): string {
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function jsonResponse(body: unknown): Response {
  return new Response(jsonText(body), {
    status: 200,
    headers: headers("application/json; charset=utf-8", PUBLIC_CACHE),
  });
}

export function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    status: 200,
    headers: headers("text/csv; charset=utf-8", PUBLIC_CACHE, {
      // Slugs and days only ([a-z0-9-]): nothing to escape in the quoted name.
      "Content-Disposition": `attachment; filename="${filename}"`,
    }),
  });
}

export function errorResponse(status: 400 | 404 | 500 | 503, message: string, fieldErrors?: FieldErrors): Response {
  const body: ErrorBody = { error: { message, ...(fieldErrors === undefined ? {} : { fieldErrors }) } };
  const cache = status < 500 ? CLIENT_ERROR_CACHE : NO_STORE;
  const extra: Record<string, string> = status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return new Response(jsonText(body), { status, headers: headers("application/json; charset=utf-8", cache, extra) });
}

/**
 * The answer to a CORS preflight (and to a plain OPTIONS): which methods and request headers a cross-origin GET may
 * use. `*` for headers is honoured because requests carry no credentials; a day's max-age spares repeated preflights.
 */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(),
      Allow: ALLOWED_METHODS,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Max-Age": "86400",
    },
  });
}
