/**
 * What a page answers while the database is down (README.md, "When the database is down"): 503 with Retry-After,
 * never stored by any cache, and a short page in the reader's language. proxy.ts sends it; the API and the feeds
 * answer their own 503s in their own formats (lib/http/respond.ts, lib/feeds/response.ts) with the same Retry-After.
 *
 * Plain HTML with its words inside (messages/…/common.json, `unavailable`), like app/[locale]/(public)/error.tsx: it
 * must not need the app, its message runtime or its stylesheet, which is what it stands in for.
 */
import { DEFAULT_LOCALE, isLocale, LOCALE_TAGS, type Locale } from "@/lib/domain/locale";
import en from "@/messages/en/common.json";
import fr from "@/messages/fr/common.json";
import { sourceHash } from "./content-security-policy.mjs";

/** Seconds a client should wait before asking again after a 503 (pages, API, feeds). */
export const RETRY_AFTER_SECONDS = 30;

const TEXTS = { en: en.unavailable, fr: fr.unavailable } as const;

/** The language of an address: French under `/fr`, English at the plain addresses (lib/i18n/routing.ts). */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split("/")[1];
  return isLocale(first) ? first : DEFAULT_LOCALE;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#faf8f5;color:#1c1917;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:3rem 1rem}
h1{font-size:1.875rem;line-height:1.2;margin:0 0 .75rem}
a{color:#1c1917;font-weight:600}
`;

/**
 * The page's own Content-Security-Policy: no script at all, its one style element by its hash, nothing loaded. The
 * proxy sends this page instead of the app's, so the app's policy (lib/http/csp.ts) is not set on it.
 */
export const UNAVAILABLE_PAGE_POLICY = `default-src 'none'; style-src ${sourceHash(STYLE)}; base-uri 'none'; form-action 'none'`;

/** The page: `href` is the address asked for, which "Try again" loads again. */
export function unavailablePageHtml(locale: Locale, href: string): string {
  const t = TEXTS[locale];
  return `<!doctype html>
<html lang="${LOCALE_TAGS[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.metaTitle)} · Accordwatch</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p>Accordwatch</p>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.body)}</p>
<p><a href="${escapeHtml(href)}">${escapeHtml(t.retry)}</a></p>
</main>
</body>
</html>
`;
}

export function unavailablePageResponse(url: { readonly pathname: string; readonly search: string }): Response {
  const locale = localeOfPath(url.pathname);
  return new Response(unavailablePageHtml(locale, `${url.pathname}${url.search}`), {
    status: 503,
    headers: {
      // Come back later, and let nobody (browser, CDN, nginx) keep this answer in place of the page.
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": LOCALE_TAGS[locale],
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": UNAVAILABLE_PAGE_POLICY,
    },
  });
}
