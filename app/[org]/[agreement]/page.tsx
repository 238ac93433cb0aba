import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Scorecard } from "@/components/Scorecard";
import { ANONYMOUS } from "@/lib/auth/viewer";
import { getPublishedAgreement } from "@/lib/data/public";
import { isIsoDay } from "@/lib/domain/dates";
import { scorecardAt } from "@/lib/domain/scorecard";

interface ScorecardPageProps {
  params: Promise<{ org: string; agreement: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// One load per request, shared by generateMetadata and the page.
const loadAgreement = cache((orgSlug: string, agreementSlug: string) =>
  getPublishedAgreement(ANONYMOUS, orgSlug, agreementSlug),
);

/**
 * The day to show: the reader's `asOf` when it is a real `YYYY-MM-DD`, else today (UTC). The domain never reads the
 * clock; this route does, once. An empty value (the form sent blank) is not an error.
 */
function resolveAsOf(raw: string | string[] | undefined): { asOf: string; isToday: boolean; rejected: string | null } {
  const today = new Date().toISOString().slice(0, 10);
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === "") return { asOf: today, isToday: true, rejected: null };
  if (!isIsoDay(value)) return { asOf: today, isToday: true, rejected: value };
  return { asOf: value, isToday: value === today, rejected: null };
}

export async function generateMetadata({ params }: ScorecardPageProps): Promise<Metadata> {
  const { org, agreement } = await params;
  const found = await loadAgreement(org, agreement);
  if (!found) return { title: "Not found" };
  return {
    title: `${found.agreement.title} — ${found.organisation.name}`,
    description: found.agreement.summary,
  };
}

export default async function ScorecardPage({ params, searchParams }: ScorecardPageProps) {
  const { org, agreement: agreementSlug } = await params;
  const { asOf, isToday, rejected } = resolveAsOf((await searchParams).asOf);

  const found = await loadAgreement(org, agreementSlug);
  if (!found) notFound();
  const { organisation, agreement, sources } = found;

  const { health, milestones } = scorecardAt(agreement, sources, asOf);

  return (
    <Scorecard
      organisation={organisation}
      agreement={agreement}
      sources={sources}
      health={health}
      milestoneViews={milestones}
      asOf={asOf}
      isToday={isToday}
      rejectedAsOf={rejected}
    />
  );
}
