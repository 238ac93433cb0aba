/**
 * Every route handler runs through `withRequest` (README, "Logs"): the request gets its id (the incoming
 * X-Request-Id when sane — the one proxy.ts set for the addresses it sees — else a new one), the handler runs with
 * that id in its context so that every line it logs carries it, the response says it in X-Request-Id, and one line
 * `request` records the method, path (never the query: it may hold a sign-in code), status and time to respond.
 * Readiness probes, which come every few seconds, log only when they fail.
 */
import { runWithRequestContext } from "@/lib/log/context";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

export interface WithRequestOptions {
  /** Log the `request` line only when the status is 400 or more (probes). Default false. */
  readonly quietWhenOk?: boolean;
}

export function withRequest<R extends Request, C>(
  handler: (request: R, context: C) => Promise<Response>,
  options: WithRequestOptions = {},
): (request: R, context: C) => Promise<Response> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    return runWithRequestContext({ requestId }, async () => {
      const started = performance.now();
      const line = { method: request.method, path: pathOf(request.url) };
      let response: Response;
      try {
        response = await handler(request, context);
      } catch (error) {
        // Next.js answers 500 for it; the line names the request.
        logger.error({ ...line, err: error, ms: elapsed(started) }, "request failed");
        throw error;
      }
      response = withHeader(response, REQUEST_ID_HEADER, requestId);
      if (!options.quietWhenOk || response.status >= 400) {
        logger.info({ ...line, status: response.status, ms: elapsed(started) }, "request");
      }
      return response;
    });
  };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

/** `response` with the header set; a response whose headers are immutable (Response.redirect) is copied first. */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
