import { getCurrentLocale, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { BriefingDocument } from "@/components/workspace/BriefingDocument";
import { getViewer } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { getWatchlistBriefing } from "@/lib/data/briefing";
import { NotFoundError } from "@/lib/data/errors";
import { resolveAsOf } from "@/lib/domain/schemas/as-of";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("briefing.watchlistPage");
  return { title: t("metaTitle") };
}

interface Props {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** A print-ready briefing on what the viewer watches, across the organisation's agreements, as of a day. */
export default async function WatchlistBriefingPage({ params, searchParams }: Props) {
  const { org } = await params;
  const query = await searchParams;
  const path = `/w/${org}/watchlist/briefing`;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") {
    const asked = typeof query.asOf === "string" ? `?${new URLSearchParams({ asOf: query.asOf }).toString()}` : "";
    return redirectToSignIn(`${path}${asked}`);
  }
  const today = todayUtc();
  const { asOf, isToday, error } = resolveAsOf(query, today);
  const view = await getWatchlistBriefing(viewer, org, asOf, await getCurrentLocale()).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { organisation } = view;
  const t = await getTranslations("briefing");

  return (
    <BriefingDocument
      view={view}
      path={`/w/${organisation.slug}/watchlist/briefing`}
      asOf={asOf}
      isToday={isToday}
      today={today}
      asOfError={error}
      breadcrumbs={
        <nav aria-label={t("breadcrumbs")} className="text-sm">
          <Link href="/w">{t("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link> /{" "}
          <Link href={`/w/${organisation.slug}/watchlist`}>{t("watchlistPage.watchlist")}</Link>
        </nav>
      }
      empty={<p>{t("watchlistPage.empty")}</p>}
    />
  );
}
