/**
 * GET /healthz: the process is alive and serving (README, "Operations"). Touches no database, so that a database
 * outage does not get healthy app instances restarted: that is what /readyz is for.
 */
import { withRequest } from "@/lib/http/with-request";

export const dynamic = "force-dynamic";

export const GET = withRequest(
  async () =>
    new Response('{"status":"ok"}\n', {
      status: 200,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    }),
  { quietWhenOk: true },
);
