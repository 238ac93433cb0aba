import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { LOCALE_TAGS, LOCALES } from "@/lib/domain/locale";
import { routing } from "@/lib/i18n/routing";
import "../globals.css";

interface LocaleLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

// No generateStaticParams: nothing is rendered at build time (`next build` has no database to read). The public pages
// are rendered on their first request and kept (lib/http/cache-control.ts), each page saying so itself.

export async function generateMetadata({ params }: Omit<LocaleLayoutProps, "children">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(LOCALES, locale) ? locale : "en", namespace: "common" });
  return {
    title: { template: "%s · Accordwatch", default: "Accordwatch" },
    description: t("metaDescription"),
  };
}

export default async function LocaleLayout({ children, params }: LocaleLayoutProps) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={LOCALE_TAGS[locale]}>
      <body className="flex min-h-screen flex-col bg-paper font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
