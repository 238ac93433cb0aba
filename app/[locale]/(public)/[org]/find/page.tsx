import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FindMilestones } from "@/components/FindMilestones";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { listPublishedAgreements, searchPublishedMilestones } from "@/lib/data/public";
import { findMilestones, findOptions, pageOfResults } from "@/lib/domain/find";
import { localiseMessages } from "@/lib/domain/messages-fr";
import { resolveFindQuery, typedQueryOf } from "@/lib/domain/schemas/find";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";

interface FindPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// One load per request, shared by generateMetadata and the page.
const loadAgreements = cache((orgSlug: string) => listPublishedAgreements(ANONYMOUS, orgSlug));

export async function generateMetadata({ params }: FindPageProps): Promise<Metadata> {
  const { org } = await params;
  const found = await loadAgreements(org);
  if (!found) return { title: (await getTranslations("common"))("notFound.metaTitle") };
  const t = await getTranslations("find");
  return {
    title: t("metaTitle", { organisation: found.organisation.name }),
    description: t("metaDescription", { organisation: found.organisation.name }),
    alternates: feedAlternates(found.organisation, undefined, await getCurrentLocale()),
  };
}

/**
 * `/{org}/find?q=&party=&health=&owner=&tag=&overdue=&asOf=&page=`: the published milestones that match, as of a day,
 * FIND_PAGE_SIZE at a time.
 */
export default async function FindPage({ params, searchParams }: FindPageProps) {
  const { org } = await params;
  const query = await searchParams;
  const locale = await getCurrentLocale();
  const resolved = resolveFindQuery(query, todayUtc());
  const { filters: asked, asOf, isToday } = resolved;
  const refused = localiseMessages(resolved.errors, locale);

  const found = await loadAgreements(org);
  if (!found) notFound();
  const { organisation, agreements, sources } = found;

  let filters = asked;
  let errors = refused;
  let hits = null;
  if (asked.q !== null) {
    const search = await searchPublishedMilestones(ANONYMOUS, org, asked.q, asOf);
    if (!search) notFound();
    if (search.searchable) hits = search.hits;
    else {
      filters = { ...asked, q: null };
      const t = await getTranslations("find");
      errors = { ...refused, q: t("unsearchable", { q: asked.q }) };
    }
  }

  const results = pageOfResults(findMilestones(agreements, sources, filters, asOf, hits, locale), resolved.page);
  if (results.beyond) {
    const t = await getTranslations("find");
    errors = { ...errors, page: t("pageBeyond", { pages: results.pages }) };
  }

  return (
    <FindMilestones
      organisation={organisation}
      options={findOptions(agreements)}
      filters={filters}
      typedQuery={typedQueryOf(query)}
      errors={errors}
      asOf={asOf}
      isToday={isToday}
      results={results}
      sources={sources}
    />
  );
}
