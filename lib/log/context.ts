/**
 * The request a piece of server code is running for, carried by AsyncLocalStorage so that a log line written deep in
 * lib/ (NextAuth's authorize, a feed's failure) names the request without every function passing it along.
 * Entered by route handlers (lib/http/with-request.ts) and server actions (lib/actions/run-action.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  readonly requestId: string;
}

/**
 * On globalThis, not in a module variable: Next.js may evaluate this module once per route bundle (and again on
 * every change in dev), and a log line must find the context whichever copy entered it.
 */
const KEY = Symbol.for("accordwatch.request-context");
const storage: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
