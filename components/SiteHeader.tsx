import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getViewer } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentLocale } from "@/lib/i18n/server";
import { LanguageSwitch } from "./LanguageSwitch";

/** A server component: plain links, so public pages work without JavaScript. */
export async function SiteHeader() {
  const [viewer, t, locale] = await Promise.all([getViewer(), getTranslations("common"), getCurrentLocale()]);
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-ink no-underline hover:underline">
          Accordwatch
        </Link>
        <p className="text-sm text-muted">{t("tagline")}</p>
        <div className="flex items-baseline gap-4">
          <Suspense fallback={null}>
            <LanguageSwitch current={locale} label={t("language")} />
          </Suspense>
          <nav aria-label={t("account")} className="text-sm">
            {viewer.kind === "user" ? (
              <Link href="/account" data-testid="header-account">
                {viewer.name}
              </Link>
            ) : (
              <Link href="/signin">{t("signIn")}</Link>
            )}
          </nav>
        </div>
      </div>
    </header>
  );
}
