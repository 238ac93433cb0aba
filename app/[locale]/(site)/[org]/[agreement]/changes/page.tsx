import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AgreementChanges } from "@/components/AgreementChanges";
import { todayUtc } from "@/lib/clock";
import { agreementChangelog } from "@/lib/domain/changelog";
import { indexSources } from "@/lib/domain/health";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";
import { feedAlternates } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { loadPublishedAgreement } from "../load";

interface ChangesPageProps {
  params: Promise<{ org: string; agreement: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ChangesPageProps): Promise<Metadata> {
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

/** `/{org}/{agreement}/changes[?asOf=YYYY-MM-DD]`: the published agreement's changelog up to a day. */
export default async function ChangesPage({ params, searchParams }: ChangesPageProps) {
  const { org, agreement: agreementSlug } = await params;
  const today = todayUtc();
  const { asOf, isToday, error } = resolveAsOf(await searchParams, today);

  const found = await loadPublishedAgreement(org, agreementSlug);
  if (!found) notFound();
  const { organisation, agreement, sources } = found;
  const entries = agreementChangelog(agreement, indexSources(sources), {
    until: asOf,
    locale: await getCurrentLocale(),
  });

  return (
    <AgreementChanges
      organisation={organisation}
      agreement={agreement}
      sources={sources}
      entries={entries}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
