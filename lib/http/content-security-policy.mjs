/**
 * The Content-Security-Policy of a page (README.md, "Security headers"), in plain JavaScript because two kinds of
 * code use it: proxy.ts and the tests (TypeScript, through content-security-policy.d.mts), and the ISR cache handler
 * (csp-cache-handler.mjs), which Next.js loads at run time with Node's own `import`, untranspiled.
 *
 * A page's scripts are allowed in one of two ways, never with 'unsafe-inline':
 * - pages rendered for each request: a nonce fresh for each answer, which Next.js reads from the request's policy
 *   and stamps on every script it writes ('strict-dynamic' then lets those scripts load the rest of the app);
 * - cached pages (ISR: the same HTML for every reader, so no nonce is possible): the SHA-256 of each inline script
 *   of that very HTML, computed where the HTML is known (csp-cache-handler.mjs), and 'self' for the app's own files.
 * Everything else is the same for both. Framing (`frame-ancestors`) is also a policy of its own, on every answer, set
 * in next.config.mjs.
 */
import { createHash } from "node:crypto";

/** Directives common to every page, in order. */
const COMMON = [
  ["default-src", "'self'"],
  // Tailwind's stylesheet is a file of the app; no inline style element nor style attribute is allowed.
  ["style-src", "'self'"],
  ["img-src", "'self'"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  // Sign-in posts with fetch (next-auth/react) and moves on with `location`, so no form ever posts to another site.
  ["form-action", "'self'"],
];

/** Who may frame a page: nobody, or any site (the embeddable widget). */
export const FRAME_ANCESTORS = { none: "frame-ancestors 'none'", any: "frame-ancestors *" };

/**
 * @param {object} page
 * @param {{ nonce: string } | { hashes: readonly string[] }} page.scripts
 * @param {"none" | "any"} [page.framing] included when the policy replaces next.config.mjs's framing policy (the
 *   proxy's response header does: Next.js applies it over the configured one); left out by the cache handler, whose
 *   header Next.js sends beside the configured one
 * @param {boolean} [page.dev] `next dev` evaluates code (React's error stacks) and injects its styles
 * @returns {string}
 */
export function pagePolicy({ scripts, framing, dev = false }) {
  const scriptSrc =
    "nonce" in scripts
      ? // 'self' only for browsers older than 'strict-dynamic', which ignore it otherwise.
        ["'self'", `'nonce-${scripts.nonce}'`, "'strict-dynamic'"]
      : ["'self'", ...scripts.hashes];
  if (dev) scriptSrc.push("'unsafe-eval'");
  const directives = COMMON.map(([name, value]) =>
    name === "style-src" && dev ? `${name} ${value} 'unsafe-inline'` : `${name} ${value}`,
  );
  directives.splice(1, 0, `script-src ${scriptSrc.join(" ")}`);
  if (framing) directives.push(FRAME_ANCESTORS[framing]);
  return directives.join("; ");
}

/** `'sha256-…'` of a script's or style's source text, as CSP hashes it (its UTF-8 bytes). */
export function sourceHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Every inline `<script>` of an HTML document (one without `src`). A script element's content is raw text that
 * ends at the first `</script` (the HTML parser's rule), so a scan is exact for the HTML React writes.
 * @param {string} html
 * @returns {string[]} the source texts, in document order
 */
export function inlineScripts(html) {
  const found = [];
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script/gi;
  for (const match of html.matchAll(pattern)) {
    const attributes = match[1] ?? "";
    if (/(?:^|\s)src\s*=/i.test(attributes)) continue;
    found.push(match[2] ?? "");
  }
  return found;
}

/**
 * The policy of a cached page: the hash of each of its distinct inline scripts. Its framing policy is
 * next.config.mjs's, sent beside it.
 * @param {string} html
 */
export function hashedPagePolicy(html) {
  const hashes = [...new Set(inlineScripts(html).map(sourceHash))];
  return pagePolicy({ scripts: { hashes } });
}
