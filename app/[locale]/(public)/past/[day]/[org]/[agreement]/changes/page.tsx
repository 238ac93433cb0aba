/**
 * The same page as of a past day (`?asOf=` before today), rendered for each request and not kept by the app: proxy.ts
 * sends past days here (lib/http/cache-control.ts publicPagePath says why). Shared caches keep it a second, as today's.
 */
export { default, generateMetadata } from "@/app/[locale]/(public)/asof/[day]/[org]/[agreement]/changes/page";

// A literal, as Next.js reads it from the source.
export const dynamic = "force-dynamic";
