"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES, type Locale } from "@/lib/domain/locale";
import { localisedPath, splitLocalePath } from "@/lib/i18n/paths";

/**
 * Links to this very page (its query included: the day shown, the search) in each other language. Rendered on the
 * server too, so it works without JavaScript; a plain link, since a new language is a new document. Its words come
 * as props: no message runtime is sent to the browser for it.
 */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const { path } = splitLocalePath(usePathname());
  const search = useSearchParams().toString();
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="flex gap-3">
        {LOCALES.filter((locale) => locale !== current).map((locale) => (
          <li key={locale}>
            <a
              href={`${localisedPath(path, locale)}${search === "" ? "" : `?${search}`}`}
              hrefLang={LOCALE_TAGS[locale]}
              lang={LOCALE_TAGS[locale]}
              data-testid="language-switch"
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
