import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FindMilestones } from "@/components/FindMilestones";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { findPublishedMilestones, getPublishedOrganisation } from "@/lib/data/public";
import { localiseMessages } from "@/lib/domain/messages-fr";
import { resolveFindQuery, typedQueryOf } from "@/lib/domain/schemas/find";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";

interface FindPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: FindPageProps): Promise<Metadata> {
  const { org } = await params;
  const found = await getPublishedOrganisation(ANONYMOUS, org);
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

  const found = await findPublishedMilestones(ANONYMOUS, org, { filters: asked, asOf, page: resolved.page, locale });
  if (!found) notFound();
  const { organisation, options, filters, results, sources } = found;

  const t = await getTranslations("find");
  let errors = refused;
  if (!found.searchable && asked.q !== null) errors = { ...errors, q: t("unsearchable", { q: asked.q }) };
  if (results.beyond) errors = { ...errors, page: t("pageBeyond", { pages: results.pages }) };

  return (
    <FindMilestones
      organisation={organisation}
      options={options}
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
