import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getViewer } from "@/lib/auth/session";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentLocale } from "@/lib/i18n/server";
import { LanguageSwitch } from "./LanguageSwitch";

/**
 * A server component: plain links, so public pages work without JavaScript.
 *
 * On public pages (`personal` false) it is the same for every reader, signed in or not (a "Sign in" link, which takes
 * a signed-in reader to their account): those pages are rendered once and kept by the app and by shared caches
 * (lib/http/cache-control.ts), so nothing in them may depend on who asks. On the signed-in pages (the workspace,
 * the account, sign-in, invitations: rendered per request anyway) it names the reader.
 */
export async function SiteHeader({ personal }: { personal: boolean }) {
  const [viewer, t, locale] = await Promise.all([
    personal ? getViewer() : ANONYMOUS,
    getTranslations("common"),
    getCurrentLocale(),
  ]);
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
