import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { OrganisationHome } from "@/components/OrganisationHome";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedOrganisation } from "@/lib/data/public";
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

interface OrganisationPageProps {
  params: Promise<{ locale: string; day: string; org: string }>;
}

// One load per request, shared by generateMetadata and the page.
const loadOrganisation = cache((orgSlug: string) => getPublishedOrganisation(ANONYMOUS, orgSlug));

export async function generateMetadata({ params }: OrganisationPageProps): Promise<Metadata> {
  await publicPageLocale(params);
  const { org } = await params;
  const found = await loadOrganisation(org);
  if (!found) return { title: (await getTranslations("common.notFound"))("metaTitle") };
  const t = await getTranslations("organisation");
  return {
    title: found.organisation.name,
    description: t("metaDescription", { name: found.organisation.name }),
    alternates: feedAlternates(found.organisation, undefined, await getCurrentLocale()),
  };
}

/** `/{org}[?asOf=YYYY-MM-DD]`: the organisation's published agreements, as of a day. */
export default async function OrganisationPage({ params }: OrganisationPageProps) {
  const { org } = await params;
  const { today, asOf, isToday, error } = await publicPageDay(params);
  const found = await loadOrganisation(org);
  if (!found || found.agreements.length === 0) notFound();

  return (
    <OrganisationHome
      organisation={found.organisation}
      agreements={found.agreements}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
