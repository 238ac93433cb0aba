/**
 * Addresses in a language (lib/i18n/routing.ts): the plain path in English, under `/fr` in French. Pure and tiny, as
 * client components (the language switch, the error page) use it: it must not pull anything into their bundle.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/domain/locale";

/**
 * A page's address in a language: the plain path in English, under `/fr` in French (lib/i18n/routing.ts). For what
 * is built outside React (feeds, metadata); links inside pages get the prefix from lib/i18n/navigation's Link.
 */
export function localisedPath(path: string, locale: Locale = DEFAULT_LOCALE): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith("/") || path.startsWith("//")) return path;
  return path === "/" || path.startsWith("/?") || path.startsWith("/#")
    ? `/${locale}${path.slice(1)}`
    : `/${locale}${path}`;
}

/** A link's `href` (a path, or next/link's object form) in a language; other sites' addresses are left alone. */
export function localisedHref<H extends string | { pathname?: string | null }>(href: H, locale: Locale): H {
  if (typeof href === "string") return localisedPath(href, locale) as H;
  if (href.pathname == null) return href;
  return { ...(href as { pathname: string }), pathname: localisedPath(href.pathname, locale) } as H;
}

/** The language of an address's path, and the path without its language prefix (`/fr/demo` → fr, `/demo`). */
export function splitLocalePath(path: string): { locale: Locale; path: string } {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    if (path === `/${locale}`) return { locale, path: "/" };
    if (path.startsWith(`/${locale}/`)) return { locale, path: path.slice(locale.length + 1) };
  }
  return { locale: DEFAULT_LOCALE, path };
}
