import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CommitmentPage } from "@/components/CommitmentPage";
import { todayUtc } from "@/lib/clock";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";
import { scorecardAt } from "@/lib/domain/scorecard";
import { commitmentTimeline } from "@/lib/domain/timeline";
import { feedAlternates, publicLinks } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { loadPublishedAgreement } from "../../load";

interface CommitmentRouteProps {
  params: Promise<{ org: string; agreement: string; commitment: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: CommitmentRouteProps): Promise<Metadata> {
  const { org, agreement, commitment } = await params;
  const found = await loadPublishedAgreement(org, agreement);
  const c = found?.agreement.commitments.find((x) => x.id === commitment);
  if (!found || !c) return { title: (await getTranslations("common"))("notFound.metaTitle") };
  return {
    title: `${c.title} — ${found.agreement.title}`,
    description: c.description || found.agreement.summary,
    alternates: feedAlternates(found.organisation, found.agreement, await getCurrentLocale()),
  };
}

/** `/{org}/{agreement}/commitments/{commitment}[?asOf=YYYY-MM-DD]`: one commitment of a published agreement. */
export default async function CommitmentRoute({ params, searchParams }: CommitmentRouteProps) {
  const { org, agreement: agreementSlug, commitment: commitmentId } = await params;
  const today = todayUtc();
  const { asOf, isToday, error } = resolveAsOf(await searchParams, today);

  const found = await loadPublishedAgreement(org, agreementSlug);
  const commitment = found?.agreement.commitments.find((c) => c.id === commitmentId);
  if (!found || !commitment) notFound();
  const { organisation, agreement, sources } = found;
  const { health, milestones } = scorecardAt(agreement, sources, asOf, await getCurrentLocale());
  const commitmentHealth = health.commitments.find((c) => c.id === commitment.id);
  if (!commitmentHealth) notFound();

  return (
    <CommitmentPage
      organisation={organisation}
      agreement={agreement}
      commitment={commitment}
      health={commitmentHealth}
      milestoneViews={milestones}
      timeline={commitmentTimeline(commitment, agreement.announced, asOf)}
      sources={sources}
      links={publicLinks(organisation.slug, agreement.slug, isToday ? undefined : asOf)}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
