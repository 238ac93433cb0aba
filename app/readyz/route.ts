/**
 * GET /readyz: 200 when the database answers a trivial query within READINESS_TIMEOUT_MS (2 s), else 503 with
 * Retry-After (README, "Operations"). The answer never says why (the database's address is nobody's business); the
 * log line does, with the request id.
 */
import { checkDatabase } from "@/lib/db/ping";
import { RETRY_AFTER_SECONDS } from "@/lib/http/respond";
import { withRequest } from "@/lib/http/with-request";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const JSON_NO_STORE = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export const GET = withRequest(
  async () => {
    const readiness = await checkDatabase();
    if (readiness.ok) return new Response('{"status":"ready"}\n', { status: 200, headers: JSON_NO_STORE });
    logger.warn({ reason: readiness.reason }, "not ready: the database does not answer");
    return new Response('{"status":"unavailable"}\n', {
      status: 503,
      headers: { ...JSON_NO_STORE, "Retry-After": String(RETRY_AFTER_SECONDS) },
    });
  },
  { quietWhenOk: true },
);
