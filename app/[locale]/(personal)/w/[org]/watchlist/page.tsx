import { getCurrentLocale, getFormat, redirectToSignIn } from "@/lib/i18n/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { HealthBadge } from "@/components/HealthBadge";
import { WatchButton } from "@/components/workspace/WatchButton";
import { formatUtc } from "@/components/workspace/CommentThread";
import { getViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { listWatchlist } from "@/lib/data/watchlist";
import { getAgreement, listAgreements } from "@/lib/data/workspace";
import { evaluateAgreement, indexSources } from "@/lib/domain/health";
import type { Health } from "@/lib/domain/types";
import { setWatchingAction } from "../[agreement]/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.watchlist");
  return { title: t("metaTitle") };
}

/** The viewer's watched commitments and milestones, each with its health as of today, as on the agreement page. */
export default async function WatchlistPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const viewer = await getViewer();
  if (viewer.kind === "anonymous") return redirectToSignIn(`/w/${org}/watchlist`);
  const [{ organisation }, items] = await Promise.all([listAgreements(viewer, org), listWatchlist(viewer, org)]).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const asOf = new Date().toISOString().slice(0, 10);
  const locale = await getCurrentLocale();
  // One evaluation per agreement, however many of its records are watched.
  const slugs = [...new Set(items.map((item) => item.agreement.slug))];
  const healthBySlug = new Map(
    await Promise.all(
      slugs.map(async (slug) => {
        const found = await getAgreement(viewer, org, slug);
        return [slug, evaluateAgreement(found.agreement, asOf, indexSources(found.sources), locale)] as const;
      }),
    ),
  );
  const [t, tr, format] = await Promise.all([
    getTranslations("review.watchlist"),
    getTranslations("review"),
    getFormat(),
  ]);
  const healthOf = (slug: string, commitment: string, milestone: string | undefined): Health | undefined => {
    const c = healthBySlug.get(slug)?.commitments.find((x) => x.id === commitment);
    return milestone === undefined ? c?.health : c?.milestones.find((m) => m.id === milestone)?.health;
  };

  return (
    <div>
      <nav aria-label={tr("breadcrumbs")} className="text-sm">
        <Link href="/w">{tr("workspace")}</Link> / <Link href={`/w/${organisation.slug}`}>{organisation.name}</Link>
      </nav>
      <h1 className="mt-1 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm text-muted">{t("asOf", { day: format.day(asOf) })}</p>
      {items.length === 0 ? null : (
        <p className="mt-2">
          {t.rich("briefing", {
            link: (chunks) => <Link href={`/w/${organisation.slug}/watchlist/briefing`}>{chunks}</Link>,
          })}
        </p>
      )}
      {items.length === 0 ? (
        <p className="mt-4">{t("empty")}</p>
      ) : (
        <ul className="mt-4 grid gap-3">
          {items.map((item) => {
            const milestone = item.milestone?.key;
            const health = healthOf(item.agreement.slug, item.commitment.key, milestone);
            const anchor =
              milestone === undefined
                ? `commitment-${item.commitment.key}`
                : `milestone-${item.commitment.key}-${milestone}`;
            const title = item.milestone?.title ?? item.commitment.title;
            return (
              <li
                key={`${item.agreement.slug}/${item.commitment.key}/${milestone ?? ""}`}
                className="rounded-lg border border-rule bg-white p-4"
              >
                <h2 className="flex flex-wrap items-center gap-3 text-lg font-semibold">
                  <Link href={`/w/${organisation.slug}/${item.agreement.slug}#${anchor}`}>{title}</Link>
                  {health ? <HealthBadge health={health} size="sm" /> : null}
                </h2>
                <p className="text-sm text-muted">
                  {t.rich(milestone === undefined ? "commitment" : "milestone", {
                    commitment: item.commitment.title,
                    agreement: item.agreement.title,
                    draft: item.agreement.published ? "no" : "yes",
                    time: () => <time dateTime={item.since.toISOString()}>{formatUtc(item.since)}</time>,
                  })}
                </p>
                <div className="mt-2">
                  <WatchButton
                    action={setWatchingAction}
                    org={organisation.slug}
                    agreement={item.agreement.slug}
                    commitment={item.commitment.key}
                    milestone={milestone}
                    watching
                    label={title}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
