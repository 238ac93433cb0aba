import { cache } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { EmbedScorecard } from "@/components/EmbedScorecard";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedAgreementHealth } from "@/lib/data/public";
import { healthAt } from "@/lib/domain/scorecard";
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

interface EmbedPageProps {
  params: Promise<{ locale: string; day: string; org: string; agreement: string }>;
}

/** What the widget shows of the agreement (its health: getPublishedAgreementHealth), read once per request. */
const loadAgreementHealth = cache((org: string, slug: string) => getPublishedAgreementHealth(ANONYMOUS, org, slug));

/**
 * /embed/{org}/{agreement}?asOf=: the scorecard widget other sites frame (the only page allowed in a frame, see
 * next.config.mjs). Published data only, like every public page.
 */
export async function generateMetadata({ params }: EmbedPageProps): Promise<Metadata> {
  await publicPageLocale(params);
  const { org, agreement } = await params;
  const found = await loadAgreementHealth(org, agreement);
  if (found === null) return {};
  const t = await getTranslations("common.embed");
  return { title: t("title", { title: found.agreement.title }), robots: { index: false } };
}

export default async function EmbedPage({ params }: EmbedPageProps) {
  const { org, agreement: slug } = await params;
  // A refused day falls back to today: a widget has no room for the message the full scorecard shows.
  const { asOf, isToday } = await publicPageDay(params);
  const found = await loadAgreementHealth(org, slug);
  if (found === null) notFound();
  const health = healthAt(found.agreement, found.sources, asOf, await getCurrentLocale());
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
