import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SourcePage } from "@/components/SourcePage";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedSource } from "@/lib/data/public";
import { sourceCitations } from "@/lib/domain/citations";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { publicPageDay, publicPageLocale } from "@/app/[locale]/(public)/asof/[day]/day";

// Rendered once per language and day asked for, kept, and rendered again at most every ten seconds in the background
// or on the next request after an edit (lib/http/cache-control.ts: PAGE_REVALIDATE_SECONDS; a literal, as Next.js
// reads it from the source).
export const revalidate = 10;
// Never rendered per request: reading a cookie, a header or the query here is an error, not a silent slowdown.
export const dynamic = "error";

/** None at build time (the data is in the database, not in the build): each is rendered on its first request. */
export function generateStaticParams(): [] {
  return [];
}

interface SourceRouteProps {
  params: Promise<{ locale: string; day: string; org: string; source: string }>;
}

// One load per request, shared by generateMetadata and the page.
const loadSource = cache((orgSlug: string, sourceKey: string) => getPublishedSource(ANONYMOUS, orgSlug, sourceKey));

export async function generateMetadata({ params }: SourceRouteProps): Promise<Metadata> {
  await publicPageLocale(params);
  const { org, source } = await params;
  const found = await loadSource(org, source);
  if (!found) return { title: (await getTranslations("common"))("notFound.metaTitle") };
  const t = await getTranslations("sourcePage");
  const { outlet, title } = found.source;
  return {
    title: t("metaTitle", { outlet, title, organisation: found.organisation.name }),
    description: t("metaDescription", { outlet, title, organisation: found.organisation.name }),
    alternates: feedAlternates(found.organisation, undefined, await getCurrentLocale()),
  };
}

/** `/{org}/sources/{source}[?asOf=YYYY-MM-DD]`: a source and what cites it in published agreements. */
export default async function SourceRoute({ params }: SourceRouteProps) {
  const { org, source: sourceKey } = await params;
  const { today, asOf, isToday, error } = await publicPageDay(params);
  const found = await loadSource(org, sourceKey);
  if (!found) notFound();

  return (
    <SourcePage
      organisation={found.organisation}
      source={found.source}
      citations={sourceCitations(found.agreements, found.source, asOf)}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
