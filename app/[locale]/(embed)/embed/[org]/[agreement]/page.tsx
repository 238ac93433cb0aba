import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EmbedScorecard } from "@/components/EmbedScorecard";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { todayUtc } from "@/lib/clock";
import { getPublishedAgreement } from "@/lib/data/public";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";
import { scorecardAt } from "@/lib/domain/scorecard";
import { getCurrentLocale } from "@/lib/i18n/server";

interface EmbedPageProps {
  params: Promise<{ org: string; agreement: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /embed/{org}/{agreement}?asOf=: the scorecard widget other sites frame (the only page allowed in a frame, see
 * next.config.ts). Published data only, like every public page.
 */
export async function generateMetadata({ params }: EmbedPageProps): Promise<Metadata> {
  const { org, agreement } = await params;
  const found = await getPublishedAgreement(ANONYMOUS, org, agreement);
  if (found === null) return {};
  const t = await getTranslations("common.embed");
  return { title: t("title", { title: found.agreement.title }), robots: { index: false } };
}

export default async function EmbedPage({ params, searchParams }: EmbedPageProps) {
  const { org, agreement: slug } = await params;
  const today = todayUtc();
  // A refused day falls back to today: a widget has no room for the message the full scorecard shows.
  const { asOf, isToday } = resolveAsOf(await searchParams, today);
  const found = await getPublishedAgreement(ANONYMOUS, org, slug);
  if (found === null) notFound();
  const { health } = scorecardAt(found.agreement, found.sources, asOf, await getCurrentLocale());
  return (
    <EmbedScorecard
      org={found.organisation.slug}
      organisationName={found.organisation.name}
      agreement={found.agreement}
      health={health}
      asOf={asOf}
      asked={!isToday}
    />
  );
}
