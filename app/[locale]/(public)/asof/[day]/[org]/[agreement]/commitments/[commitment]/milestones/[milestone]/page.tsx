import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { MilestonePage } from "@/components/MilestonePage";
import { agreementContext, indexSources, milestoneHealthHistory } from "@/lib/domain/health";
import { recordKey } from "@/lib/domain/schemas/comments";
import { scorecardAt } from "@/lib/domain/scorecard";
import { feedAlternates, publicLinks } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { loadPublishedAgreement } from "../../../../load";
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

interface MilestoneRouteProps {
  params: Promise<{
    locale: string;
    day: string;
    org: string;
    agreement: string;
    commitment: string;
    milestone: string;
  }>;
}

export async function generateMetadata({ params }: MilestoneRouteProps): Promise<Metadata> {
  await publicPageLocale(params);
  const { org, agreement, commitment, milestone } = await params;
  const found = await loadPublishedAgreement(org, agreement);
  const c = found?.agreement.commitments.find((x) => x.id === commitment);
  const m = c?.milestones.find((x) => x.id === milestone);
  if (!found || !c || !m) return { title: (await getTranslations("common"))("notFound.metaTitle") };
  const t = await getTranslations("milestone");
  return {
    title: `${m.title} — ${c.title}`,
    description: t("metaDescription", { milestone: m.title, agreement: found.agreement.title }),
    alternates: feedAlternates(found.organisation, found.agreement, await getCurrentLocale()),
  };
}

/** `/{org}/{agreement}/commitments/{commitment}/milestones/{milestone}[?asOf=YYYY-MM-DD]`. */
export default async function MilestoneRoute({ params }: MilestoneRouteProps) {
  const { org, agreement: agreementSlug, commitment: commitmentId, milestone: milestoneId } = await params;
  const { today, asOf, isToday, error } = await publicPageDay(params);

  const found = await loadPublishedAgreement(org, agreementSlug);
  const commitment = found?.agreement.commitments.find((c) => c.id === commitmentId);
  const milestone = commitment?.milestones.find((m) => m.id === milestoneId);
  if (!found || !commitment || !milestone) notFound();
  const { organisation, agreement, sources } = found;
  const locale = await getCurrentLocale();
  const { health, milestones } = scorecardAt(agreement, sources, asOf, locale);
  const milestoneHealth = health.commitments
    .find((c) => c.id === commitment.id)
    ?.milestones.find((m) => m.id === milestone.id);
  const view = milestones.get(recordKey(commitment.id, milestone.id));
  if (!milestoneHealth || !view) notFound();
  const context = agreementContext(agreement, indexSources(sources), locale);

  return (
    <MilestonePage
      organisation={organisation}
      agreement={agreement}
      commitment={commitment}
      milestone={milestone}
      health={milestoneHealth}
      view={view}
      history={milestoneHealthHistory(milestone, asOf, context)}
      sources={sources}
      links={publicLinks(organisation.slug, agreement.slug, isToday ? undefined : asOf)}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
