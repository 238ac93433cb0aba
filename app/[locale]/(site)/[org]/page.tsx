import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { OrganisationHome } from "@/components/OrganisationHome";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { getPublishedOrganisation } from "@/lib/data/public";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";

interface OrganisationPageProps {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// One load per request, shared by generateMetadata and the page.
const loadOrganisation = cache((orgSlug: string) => getPublishedOrganisation(ANONYMOUS, orgSlug));

export async function generateMetadata({ params }: OrganisationPageProps): Promise<Metadata> {
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
export default async function OrganisationPage({ params, searchParams }: OrganisationPageProps) {
  const { org } = await params;
  const today = todayUtc();
  const { asOf, isToday, error } = resolveAsOf(await searchParams, today);
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
