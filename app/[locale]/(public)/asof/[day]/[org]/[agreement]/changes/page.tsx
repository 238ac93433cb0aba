import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AgreementChanges } from "@/components/AgreementChanges";
import { agreementChangelog, changelogPage } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { loadPublishedAgreement } from "../load";
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

interface ChangesPageProps {
  params: Promise<{ locale: string; day: string; org: string; agreement: string }>;
}

export async function generateMetadata({ params }: ChangesPageProps): Promise<Metadata> {
  await publicPageLocale(params);
  const { org, agreement } = await params;
  const found = await loadPublishedAgreement(org, agreement);
  if (!found) return { title: (await getTranslations("common"))("notFound.metaTitle") };
  const t = await getTranslations("changes");
  return {
    title: t("metaTitle", { agreement: found.agreement.title, organisation: found.organisation.name }),
    description: t("metaDescription", { agreement: found.agreement.title }),
    alternates: feedAlternates(found.organisation, found.agreement, await getCurrentLocale()),
  };
}

/**
 * `/{org}/{agreement}/changes[?asOf=YYYY-MM-DD]`: the published agreement's changelog up to a day, its newest
 * CHANGES_PAGE_ENTRIES (the older ones on the page as of an earlier day, which it links to).
 */
export default async function ChangesPage({ params }: ChangesPageProps) {
  const { org, agreement: agreementSlug } = await params;
  const { today, asOf, isToday, error } = await publicPageDay(params);

  const found = await loadPublishedAgreement(org, agreementSlug);
  if (!found) notFound();
  const { organisation, agreement, sources } = found;
  const page = changelogPage(
    agreementChangelog(agreement, indexSources(sources), {
      until: asOf,
      locale: await getCurrentLocale(),
    }),
  );

  return (
    <AgreementChanges
      organisation={organisation}
      agreement={agreement}
      sources={sources}
      page={page}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
