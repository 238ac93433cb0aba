/**
 * How the language is chosen: by the address alone. English lives at the plain addresses (`/demo/…`), French under
 * `/fr` (`/fr/demo/…`). No cookie and no Accept-Language negotiation, so that an address always shows the same page
 * in the same language: permalinks stay exact and a shared cache can keep every page without varying on headers.
 */
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/domain/locale";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
  alternateLinks: false,
});
