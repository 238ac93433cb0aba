/**
 * Which policy a page gets, and the proxy's part in it (README.md, "Security headers"). The policies themselves are
 * in content-security-policy.mjs.
 *
 * - Pages rendered for each request (the workspace, the account, sign-in, invitations, search: lib/http/cache-control.ts
 *   isCachedPage): proxy.ts makes a nonce for the request and puts the policy with it on the request,
 *   where Next.js reads it to stamp its scripts, and on the response.
 * - Cached public pages: the proxy sets no policy (a nonce in cached HTML would be the same for everyone, so no
 *   nonce at all) and removes any the client sent; the cache handler (csp-cache-handler.mjs) gives each stored page
 *   the hashes of its own inline scripts.
 */
import { splitLocalePath } from "@/lib/i18n/paths";
import { isCachedPage } from "./cache-control";
import { type Framing, pagePolicy } from "./content-security-policy.mjs";

export const CSP_HEADER = "content-security-policy";

/**
 * Whether a page is rendered for this request (so may have a nonce), rather than served from the cache: the pages
 * lib/http/cache-control.ts does not cache (whatever is under /w, the account, sign-in, invitations, an
 * organisation's search), in English or French; and every page under `next dev`, which renders each request.
 */
export function isRenderedPerRequest(pathname: string): boolean {
  return process.env.NODE_ENV === "development" || !isCachedPage(splitLocalePath(pathname).path);
}

/** The embeddable widget (/embed/…, /fr/embed/…) may be framed by any site, no other page (next.config.mjs, the same). */
export function framingOf(pathname: string): Framing {
  return /^(?:\/fr)?\/embed\//.test(pathname) ? "any" : "none";
}

/** 128 random bits, base64: unguessable, and new for each request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page request, set on `requestHeaders` (for Next.js to read its nonce) and returned for the
 * response; or null for a cached page, whose policy comes with it from the cache (and then no policy from the client
 * is passed on either: Next.js would stamp that nonce into HTML kept for everyone).
 */
export function policyForRequest(pathname: string, requestHeaders: Headers): string | null {
  requestHeaders.delete(CSP_HEADER);
  if (!isRenderedPerRequest(pathname)) return null;
  const policy = pagePolicy({
    scripts: { nonce: createNonce() },
    framing: framingOf(pathname),
    dev: process.env.NODE_ENV === "development",
  });
  requestHeaders.set(CSP_HEADER, policy);
  return policy;
}
