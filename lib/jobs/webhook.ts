/**
 * One attempt of a webhook delivery: the job function of the `deliver-webhook` queue (lib/jobs/runner.ts). POSTs the
 * delivery's JSON, signed (signature.ts), with its id in X-Accordwatch-Delivery, and records the outcome
 * (lib/data/deliveries.ts). A failure that has attempts left throws, so that pg-boss retries it later with
 * exponential backoff; a delivery that succeeded (or failed for good) is never sent again.
 */
import { getWebhookRequest, recordWebhookAttempt } from "@/lib/data/deliveries";
import { logger } from "@/lib/log/logger";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from "./signature";
import { DELIVERY_ACTOR } from "./system";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface DeliverOptions {
  /** All the attempts a delivery gets (the queue's retry limit + 1). */
  readonly maxAttempts: number;
  /** pg-boss says no retry follows this attempt (its retry limit is reached). */
  readonly lastRetry?: boolean;
  readonly timeoutMs?: number;
}

export type DeliveryOutcome = "DELIVERED" | "FAILED" | "SKIPPED";

/** A failed attempt with attempts left: thrown so that the job library retries. */
export class WebhookAttemptError extends Error {
  override readonly name = "WebhookAttemptError";
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers,
      // A redirect is a failure, not a second request elsewhere carrying the signature.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Not read beyond its status: a recipient's answer is not ours to keep.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === "string" ? cause.code : null;
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return {
      status: null,
      error: timedOut ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (code ?? "the request failed"),
    };
  }
}

export async function deliverWebhook(
  organisation: string,
  deliveryId: string,
  options: DeliverOptions,
): Promise<DeliveryOutcome> {
  const request = await getWebhookRequest(DELIVERY_ACTOR, organisation, deliveryId);
  if (request === null) return "SKIPPED";
  const attempt = request.attempts + 1;
  const last = options.lastRetry === true || attempt >= options.maxAttempts;
  const result = await post(
    request.url,
    request.body,
    {
      "Content-Type": "application/json",
      "User-Agent": "Accordwatch-Webhooks/1",
      [EVENT_HEADER]: "health.transition",
      [DELIVERY_HEADER]: request.deliveryId,
      [SIGNATURE_HEADER]: signBody(request.secret, request.body),
    },
    options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
  );
  const state = await recordWebhookAttempt(DELIVERY_ACTOR, organisation, deliveryId, { ...result, last });
  // Never the URL (it may carry a token of the recipient's) nor the secret: the delivery's id finds the rest.
  const fields = { organisation, deliveryId, attempt, status: result.status };
  if (state === "DELIVERED") {
    logger.info(fields, "webhook delivered");
    return "DELIVERED";
  }
  if (state === null) return "SKIPPED";
  if (state === "FAILED") {
    logger.warn({ ...fields, error: result.error }, "webhook delivery failed for good");
    return "FAILED";
  }
  logger.info({ ...fields, error: result.error }, "webhook attempt failed; will retry");
  throw new WebhookAttemptError(`Attempt ${attempt} of delivery ${deliveryId} failed: ${result.error ?? "error"}`);
}
