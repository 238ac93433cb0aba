import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFrame } from "@/components/SiteFrame";
import { asLocale } from "@/lib/i18n/format";

/**
 * The public pages: the same for every reader (nothing here reads the session), so that they can be rendered once and
 * kept (lib/http/cache-control.ts). The language is set here too: Next.js may render a layout before the layouts
 * above it, and next-intl would otherwise read it from a request header, which a cached page cannot do.
 */
export default async function PublicLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  setRequestLocale(asLocale((await params).locale));
  return <SiteFrame>{children}</SiteFrame>;
}
