"use client";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES } from "@/lib/domain/locale";
import { getPathname, usePathname } from "@/lib/i18n/navigation";

/**
 * Links to this very page (its query included: the day shown, the search) in each other language. Rendered on the
 * server too, so it works without JavaScript; a plain link, since a new language is a new document.
 */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={t("language")} className="text-sm">
      <ul className="flex gap-3">
        {LOCALES.filter((locale) => locale !== current).map((locale) => (
          <li key={locale}>
            <a
              href={`${getPathname({ href: pathname, locale })}${search === "" ? "" : `?${search}`}`}
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
