/**
 * The signature of a webhook delivery (README, "Webhooks"): `X-Accordwatch-Signature: sha256=<hex>`, the HMAC-SHA256
 * of the request's body (its exact bytes) keyed with the endpoint's secret.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Accordwatch-Signature";
export const DELIVERY_HEADER = "X-Accordwatch-Delivery";
export const EVENT_HEADER = "X-Accordwatch-Event";

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a recipient does: true when `signature` is the body's, compared in constant time. */
export function verifySignature(secret: string, body: string, signature: string | null | undefined): boolean {
  if (typeof signature !== "string") return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
