import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SourcePage } from "@/components/SourcePage";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { getPublishedSource } from "@/lib/data/public";
import { sourceCitations } from "@/lib/domain/citations";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";

interface SourceRouteProps {
  params: Promise<{ org: string; source: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// One load per request, shared by generateMetadata and the page.
const loadSource = cache((orgSlug: string, sourceKey: string) => getPublishedSource(ANONYMOUS, orgSlug, sourceKey));

export async function generateMetadata({ params }: SourceRouteProps): Promise<Metadata> {
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
export default async function SourceRoute({ params, searchParams }: SourceRouteProps) {
  const { org, source: sourceKey } = await params;
  const today = todayUtc();
  const { asOf, isToday, error } = resolveAsOf(await searchParams, today);
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
