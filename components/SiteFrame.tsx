import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";

/**
 * Every page of the site but the embeddable widget: a skip link, the header, the main content, the footer. `personal`:
 * the header names the signed-in reader (only on pages rendered per request: see SiteHeader).
 */
export async function SiteFrame({ children, personal = false }: { children: ReactNode; personal?: boolean }) {
  const t = await getTranslations("common");
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <SiteHeader personal={personal} />
      {/* Focusable by the skip link (tabIndex -1), so that the next Tab starts inside it in every browser. */}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
