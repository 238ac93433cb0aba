import { useTranslations } from "next-intl";
import type { Commitment, CommitmentHealth, Source } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { commitmentAnchor, type PublicLinks } from "@/lib/urls";
import { HealthBadge } from "./HealthBadge";
import { IndicatorList } from "./IndicatorList";
import { formatScore } from "./labels";
import { MilestoneItem } from "./MilestoneItem";
import { milestoneKey, type MilestoneView } from "./milestone-view";
import { ProgressBar } from "./ProgressBar";

interface CommitmentCardProps {
  commitment: Commitment;
  health: CommitmentHealth;
  /** Keyed by milestoneKey(commitment id, milestone id). */
  milestoneViews: ReadonlyMap<string, MilestoneView>;
  /** Keyed by milestoneKey: the element id of each milestone. */
  milestoneDomIds: ReadonlyMap<string, string>;
  sourcesById: ReadonlyMap<string, Source>;
  asOf: string;
  links: PublicLinks;
}

/** One commitment: its health, progress and who answers for it, then each milestone and indicator. */
export function CommitmentCard({
  commitment,
  health,
  milestoneViews,
  milestoneDomIds,
  sourcesById,
  asOf,
  links,
}: CommitmentCardProps) {
  const t = useTranslations("scorecard.commitment");
  const f = useFormat();
  const domId = commitmentAnchor(commitment.id);
  const titleId = `${domId}-title`;
  const progressId = `${domId}-progress`;
  const milestoneHealth = new Map(health.milestones.map((m) => [m.id, m]));

  return (
    <article
      id={domId}
      aria-labelledby={titleId}
      className="scroll-mt-4 rounded-xl border border-rule bg-stone-50 p-3 shadow-sm sm:p-6"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={titleId} className="min-w-0 flex-1 basis-56 text-xl font-bold">
          <Link href={links.commitment(commitment.id)}>{commitment.title}</Link>
        </h3>
        <HealthBadge health={health.health} />
      </header>
      {commitment.description ? <p className="mt-2 text-ink">{commitment.description}</p> : null}

      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt id={progressId} className="font-medium text-muted">
          {t("progress")}
        </dt>
        <dd className="mb-1 sm:mb-0">
          <ProgressBar value={health.progress} labelId={progressId} />
        </dd>
        <dt className="font-medium text-muted">{t("responsible")}</dt>
        <dd className="mb-1 sm:mb-0" data-responsible={commitment.responsible}>
          {f.responsible(commitment.responsible)}
        </dd>
        <dt className="font-medium text-muted">{t("owner")}</dt>
        <dd className="mb-1 sm:mb-0">{commitment.owner}</dd>
        {commitment.tags.length > 0 ? (
          <>
            <dt className="font-medium text-muted">{t("tags")}</dt>
            <dd className="mb-1 sm:mb-0">
              <ul className="flex flex-wrap gap-1.5">
                {commitment.tags.map((tag) => (
                  <li key={tag} className="rounded bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-800">
                    {tag}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-muted">{t("score")}</dt>
        <dd className="tabular-nums">
          {formatScore(health.score)}
          {commitment.weight !== 1 ? (
            <span className="text-muted"> {t("weight", { weight: f.number(commitment.weight) })}</span>
          ) : null}
        </dd>
      </dl>

      {commitment.milestones.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t("noMilestone")}</p>
      ) : (
        <ol className="mt-5 space-y-4" aria-label={t("milestones", { title: commitment.title })}>
          {commitment.milestones.map((milestone) => {
            const key = milestoneKey(commitment.id, milestone.id);
            const view = milestoneViews.get(key);
            const mHealth = milestoneHealth.get(milestone.id);
            if (!view || !mHealth) return null;
            return (
              <li key={milestone.id}>
                <MilestoneItem
                  milestone={milestone}
                  health={mHealth}
                  view={view}
                  sourcesById={sourcesById}
                  asOf={asOf}
                  domId={milestoneDomIds.get(key) ?? `milestone-${milestone.id}`}
                  links={{ milestone: links.milestone(commitment.id, milestone.id), source: links.source }}
                />
              </li>
            );
          })}
        </ol>
      )}

      <IndicatorList
        indicators={commitment.indicators}
        sourcesById={sourcesById}
        asOf={asOf}
        idPrefix={domId}
        sourceHref={links.source}
      />
    </article>
  );
}
