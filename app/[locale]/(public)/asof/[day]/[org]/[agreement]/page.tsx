import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Scorecard } from "@/components/Scorecard";
import { healthAt, scorecardAt, type ScorecardState } from "@/lib/domain/scorecard";
import { SHARE_CARD_SIZE } from "@/components/ShareCard";
import { LOCALE_TAGS } from "@/lib/domain/locale";
import { getEnv } from "@/lib/env";
import { feedAlternates, localisedPath, scorecardPath } from "@/lib/urls";
import { getCurrentLocale } from "@/lib/i18n/server";
import { loadPublishedScorecard } from "./load";
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

interface ScorecardPageProps {
  params: Promise<{ locale: string; day: string; org: string; agreement: string }>;
}

function publicOrigin(): string {
  return getEnv().nextAuthUrl ?? "http://localhost:3000";
}

export async function generateMetadata({ params }: ScorecardPageProps): Promise<Metadata> {
  await publicPageLocale(params);
  const { org, agreement } = await params;
  const found = await loadPublishedScorecard(org, agreement);
  if (!found) return { title: (await getTranslations("common.notFound"))("metaTitle") };
  const locale = await getCurrentLocale();
  const title = `${found.agreement.title} — ${found.organisation.name}`;
  // The link preview: the scorecard's own picture of each party's compliance today (og-image.png, in this language).
  const image = {
    // Absolute, as link previews need: the app's public URL (npm start sets it; a deployment sets it to its https URL).
    url: new URL(localisedPath(`${scorecardPath(org, agreement)}/og-image.png`, locale), publicOrigin()).toString(),
    ...SHARE_CARD_SIZE,
    alt: (await getTranslations("common.share"))("alt", { title: found.agreement.title }),
  };
  return {
    title,
    description: found.agreement.summary,
    alternates: feedAlternates(found.organisation, found.agreement, locale),
    openGraph: {
      type: "website",
      siteName: "Accordwatch",
      title,
      description: found.agreement.summary,
      url: new URL(localisedPath(scorecardPath(org, agreement), locale), publicOrigin()).toString(),
      locale: LOCALE_TAGS[locale].replace("-", "_"),
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description: found.agreement.summary, images: [image] },
  };
}

export default async function ScorecardPage({ params }: ScorecardPageProps) {
  const { org, agreement: agreementSlug } = await params;
  // The day to show: the reader's `asOf` when it is a real day, else today (with a message saying why).
  const { today, asOf, isToday, error } = await publicPageDay(params);

  const found = await loadPublishedScorecard(org, agreementSlug);
  if (!found) notFound();
  const { organisation, agreement, sources, compact } = found;

  const locale = await getCurrentLocale();
  // A compact scorecard shows no milestone's state: its health alone is computed (and was all that was read).
  const { health, milestones }: ScorecardState = compact
    ? { health: healthAt(agreement, sources, asOf, locale), milestones: new Map() }
    : scorecardAt(agreement, sources, asOf, locale);

  return (
    <Scorecard
      organisation={organisation}
      agreement={agreement}
      sources={sources}
      health={health}
      milestoneViews={milestones}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
    />
  );
}
