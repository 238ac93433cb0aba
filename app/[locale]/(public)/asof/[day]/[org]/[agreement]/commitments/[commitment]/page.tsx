import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CommitmentPage } from "@/components/CommitmentPage";
import { scorecardAt } from "@/lib/domain/scorecard";
import { commitmentTimeline } from "@/lib/domain/timeline";
import { feedAlternates, publicLinks } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { loadPublishedAgreement } from "../../load";
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

interface CommitmentRouteProps {
  params: Promise<{ locale: string; day: string; org: string; agreement: string; commitment: string }>;
}

export async function generateMetadata({ params }: CommitmentRouteProps): Promise<Metadata> {
  await publicPageLocale(params);
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
export default async function CommitmentRoute({ params }: CommitmentRouteProps) {
  const { org, agreement: agreementSlug, commitment: commitmentId } = await params;
  const { today, asOf, isToday, error } = await publicPageDay(params);

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
