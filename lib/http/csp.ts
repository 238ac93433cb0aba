/**
 * Which policy a page gets, and the proxy's part in it (README.md, "Security headers"). The policies themselves are
 * in content-security-policy.mjs.
 *
 * - Pages rendered for each request (the workspace, the account, sign-in, invitations, search, and today every page:
 *   see PUBLIC_PAGES_CACHED): proxy.ts makes a nonce for the request and puts the policy with it on the request,
 *   where Next.js reads it to stamp its scripts, and on the response.
 * - Cached public pages: the proxy sets no policy (a nonce in cached HTML would be the same for everyone, so no
 *   nonce at all) and removes any the client sent; the cache handler (csp-cache-handler.mjs) gives each stored page
 *   the hashes of its own inline scripts.
 */
import { type Framing, pagePolicy } from "./content-security-policy.mjs";

export const CSP_HEADER = "content-security-policy";

/**
 * Whether the public pages are served from the ISR cache. Until they are, they are rendered for each request like the
 * workspace and take a nonce; a cached page must not, or the nonce of the policy would not be the one in its HTML.
 * e2e/content-security-policy.spec.ts fails when this does not match how the pages are rendered.
 */
export const PUBLIC_PAGES_CACHED = false;

/**
 * The pages that stay rendered for each request whatever the public pages do: whatever is under /w, the account,
 * sign-in, invitations and an organisation's search (`/{org}/find`, whose answer depends on the query), in English
 * or French.
 */
export function isAlwaysRenderedPerRequest(pathname: string): boolean {
  return /^(?:\/fr)?\/(?:w(?:\/.*)?|account|signin|invite\/.*|[^/]+\/find)$/.test(pathname);
}

/** Whether a page is rendered for this request (so may have a nonce), rather than served from the cache. */
export function isRenderedPerRequest(pathname: string, cached = PUBLIC_PAGES_CACHED): boolean {
  // `next dev` renders every page for each request, cached or not.
  return !cached || process.env.NODE_ENV === "development" || isAlwaysRenderedPerRequest(pathname);
}

/** The embeddable widget (/embed/…, /fr/embed/…) may be framed by any site, no other page (next.config.ts, the same). */
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
export function policyForRequest(
  pathname: string,
  requestHeaders: Headers,
  cached = PUBLIC_PAGES_CACHED,
): string | null {
  requestHeaders.delete(CSP_HEADER);
  if (!isRenderedPerRequest(pathname, cached)) return null;
  const policy = pagePolicy({
    scripts: { nonce: createNonce() },
    framing: framingOf(pathname),
    dev: process.env.NODE_ENV === "development",
  });
  requestHeaders.set(CSP_HEADER, policy);
  return policy;
}
