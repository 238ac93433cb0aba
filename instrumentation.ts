/**
 * Server errors Next.js catches while rendering a page or running a server action or the proxy go to the JSON log
 * with the request's id (README, "Logs"). Route handlers log their own failures (lib/http/with-request.ts).
 */
import type { Instrumentation } from "next";

/**
 * Starts the scheduled work in the server's process (lib/jobs/in-process.ts; README, "Scheduled work and
 * notifications"), but not while `next build` loads the app, and stops it and the database with the process on
 * SIGTERM or SIGINT (lib/jobs/shutdown.ts).
 */
export async function register(): Promise<void> {
  // The documented form, which the edge build drops whole (it cannot load pg-boss or PGlite).
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const [{ startInProcessJobs }, { stopWithProcess }] = await Promise.all([
      import("./lib/jobs/in-process"),
      import("./lib/jobs/shutdown"),
    ]);
    stopWithProcess();
    startInProcessJobs();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs" || context.routeType === "route") return;
  const [{ logger }, { isSaneRequestId, REQUEST_ID_HEADER }] = await Promise.all([
    import("./lib/log/logger"),
    import("./lib/log/request-id"),
  ]);
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = Array.isArray(header) ? header[0] : header;
  logger.error(
    {
      ...(isSaneRequestId(requestId) ? { requestId } : {}),
      method: request.method,
      // The query may hold a sign-in code or an invite's token.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
