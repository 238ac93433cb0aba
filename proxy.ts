/**
 * The language of a page is the first segment of its address (lib/i18n/routing.ts): this proxy rewrites the plain
 * English addresses onto app/[locale]/… and sends `/en/…` to the plain address. It decides nothing else: access is
 * checked in lib/data, never here (a proxy can be skipped).
 *
 * It also gives every request it sees its id (lib/log/request-id.ts): set as the X-Request-Id request header, which
 * next-intl passes on to the page, server action or route handler (they log with it), and returned in the response.
 */
import { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/log/request-id";

const handleLanguage = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // next-intl passes on the headers of the request it is given (its rewrite and next carry `request.headers`), and
  // Next.js applies them to the real request. A copy without the body: next-intl reads only the address and headers,
  // and the body (a server action's form, an upload) stays with the request Next.js forwards.
  const response = handleLanguage(new NextRequest(request.url, { method: request.method, headers }));
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Every page and download of app/[locale] (feeds and Markdown briefings have a dot in their name), but not the API,
  // the probes (/healthz, /readyz: route handlers outside app/[locale], which give themselves an id), Next's own
  // files or the icons.
  matcher: ["/((?!api/|_next/|_vercel/|favicon\\.ico$|icon\\.svg$|healthz$|readyz$).*)"],
};
