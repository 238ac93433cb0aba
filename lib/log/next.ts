/**
 * The request id of the page or server action being handled, from the X-Request-Id request header that proxy.ts set
 * (pages and server actions are not route handlers: nothing of ours wraps them, but the proxy sees them all).
 */
import { headers } from "next/headers";
import { REQUEST_ID_HEADER, isSaneRequestId } from "./request-id";

/** Undefined outside a request (a test calling an action's code directly) or when the proxy was skipped. */
export async function incomingRequestId(): Promise<string | undefined> {
  try {
    const id = (await headers()).get(REQUEST_ID_HEADER);
    return isSaneRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
