/**
 * The Viewer of the current request, from NextAuth's session cookie. Server-side only (server components, server
 * actions, route handlers); lib/data then asks the policy with it.
 */
import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { getViewerForUser } from "@/lib/data/users";
import { getAuthOptions } from "./options";
import { ANONYMOUS, type Viewer } from "./viewer";

/**
 * ANONYMOUS when there is no valid session, or when its token is stale (issued before "sign out everywhere") or its
 * user is gone. Read once per request (React's cache): the header and the page share it.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  // Without a session cookie there is nothing to decode: most requests (public readers) stop here, and so does
  // `next build`, for which reading the cookies marks the page as dynamic before the auth settings (and the
  // production secret, which the build does not have) are needed. The name has a `__Secure-` prefix over https and a
  // `.N` suffix when the token is split into chunks.
  const jar = await cookies();
  if (!jar.getAll().some((cookie) => cookie.name.includes("next-auth.session-token"))) return ANONYMOUS;
  const session = await getServerSession(getAuthOptions());
  if (typeof session?.userId !== "string" || typeof session.sessionVersion !== "number") return ANONYMOUS;
  return (await getViewerForUser(session.userId, session.sessionVersion)) ?? ANONYMOUS;
});

/**
 * `callbackUrl` made safe: a path on this site ("/w/demo?x=1"), or `fallback`. Anything that could leave the site
 * ("//evil.example", "https://…", "/\\evil.example", "javascript:…") gives the fallback: an open redirect would let a
 * phishing link pass through our sign-in page.
 */
export function safeCallbackPath(raw: unknown, fallback = "/account"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) {
    return fallback;
  }
  try {
    const base = "http://accordwatch.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    // The sign-in page itself is no place to come back to.
    if (url.pathname === "/signin") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
