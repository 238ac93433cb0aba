/**
 * Next.js's configuration. Plain JavaScript rather than next.config.ts: `next start` compiles a TypeScript config with
 * Next.js's SWC binary, which then stays loaded in the server for nothing (26 MB resident). And the next-intl plugin,
 * which only tells the bundler where lib/i18n/request.ts is, is applied when building or developing, not when serving
 * the build: it loads @swc/core and @parcel/watcher (13 MB more). bench/README.md, "Memory".
 */
import { fileURLToPath } from "node:url";
import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/actions/document-limits.mjs";
import { FRAME_ANCESTORS } from "./lib/http/content-security-policy.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its Wasm and data files from its own package folder at run time: keep it (and the Prisma pieces
  // that sit on it) out of the server bundle.
  // pg-boss and nodemailer (the scheduled work, started by instrumentation.ts) are CommonJS packages for Node: loaded
  // as they are, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "nodemailer",
  ],
  poweredByHeader: false,
  // The proxy sees each request as it came, the client router's headers (RSC, Next-Router-Prefetch…) and `_rsc`
  // query included: Next.js removes them from what a proxy sees by default, and the proxy must tell an RSC request
  // from a page load to answer a cached page itself (lib/http/cached-answer.mjs). Its other normalisations concern
  // basePath, i18n and the Pages Router's /_next/data, none of which this app uses.
  skipProxyUrlNormalize: true,
  // The cached public pages (lib/http/cache-control.ts) are rendered again in the background at most every ten seconds
  // while they are asked for; one nobody asked for in a minute is rendered while its next reader waits, not served
  // stale. (Their Cache-Control for shared caches is proxy.ts's, not derived from these.)
  expireTime: 60,
  // Next.js's own ISR cache, whose cached pages also carry the Content-Security-Policy of their inline scripts' hashes
  // (lib/http/csp.ts): a cached page cannot have a nonce.
  cacheHandler: fileURLToPath(new URL("./lib/http/csp-cache-handler.mjs", import.meta.url)),
  async headers() {
    return [
      {
        // Every answer: HTTPS only once seen over HTTPS (browsers ignore HSTS over plain http, so `npm start` on
        // localhost is unaffected), no content-type sniffing, and no full address sent to other sites.
        source: "/:path*",
        headers: [
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // No page may be framed by another site (clickjacking), but the embeddable scorecard widget at
        // /embed/{org}/{agreement} (and /fr/embed/…), which exists to be framed.
        source: "/:path((?!embed/|fr/embed/).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: FRAME_ANCESTORS.none },
        ],
      },
      ...["/embed/:path*", "/fr/embed/:path*"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: FRAME_ANCESTORS.any }],
      })),
    ];
  },
  experimental: {
    // The workspace import uploads a whole accordwatch/v1 document through a server action (default limit: 1 MB).
    // The action itself refuses a file over MAX_DOCUMENT_BYTES with a message; this leaves room for the form around it.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // The language proxy (proxy.ts) sees every request to the workspace first, and passes on no more than 10 MB of a
    // body by default: the same limit, so that a file at the limit reaches the action whole.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES,
  },
};

/**
 * The configuration for a Next.js phase (`phase-production-build`, `phase-development-server`,
 * `phase-production-server`, …: next/constants.js).
 * @param {string} phase
 * @returns {Promise<import("next").NextConfig>}
 */
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
