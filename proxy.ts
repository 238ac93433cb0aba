/**
 * The language of a page is the first segment of its address (lib/i18n/routing.ts): this proxy rewrites the plain
 * English addresses onto app/[locale]/… and sends `/en/…` to the plain address. It decides nothing else: access is
 * checked in lib/data, never here (a proxy can be skipped).
 */
import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Every page and download of app/[locale] (feeds and Markdown briefings have a dot in their name), but not the API,
  // Next's own files or the icons.
  matcher: ["/((?!api/|_next/|_vercel/|favicon\\.ico$|icon\\.svg$).*)"],
};
