import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import { periodStart } from "@/lib/domain/dates";
import { knownObservations, type CommitmentTimeline } from "@/lib/domain/timeline";
import type { Agreement, Commitment, CommitmentHealth, Source } from "@/lib/domain/types";
import { commitmentPath, organisationPath, scorecardPath, type PublicLinks } from "@/lib/urls";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";
import { IndicatorChart, IndicatorTable } from "./charts/IndicatorChart";
import { TimelineChart, TimelineTable } from "./charts/TimelineChart";
import { HealthBadge } from "./HealthBadge";
import { formatScore } from "./labels";
import { milestoneKey, type MilestoneView } from "./milestone-view";
import { ProgressBar } from "./ProgressBar";

export interface CommitmentPageProps {
  organisation: { slug: string; name: string };
  agreement: Agreement;
  commitment: Commitment;
  health: CommitmentHealth;
  /** Keyed by milestoneKey(commitment id, milestone id). */
  milestoneViews: ReadonlyMap<string, MilestoneView>;
  timeline: CommitmentTimeline;
  sources: readonly Source[];
  links: PublicLinks;
  /** The day shown, `YYYY-MM-DD`. */
  asOf: string;
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
  /** Why the reader's asOf was refused (the page then shows today); null when it was not. */
  asOfError: string | null;
}

/** One commitment as of a day: health and progress, its milestones, a timeline and its indicators as charts. */
export function CommitmentPage({
  organisation,
  agreement,
  commitment,
  health,
  milestoneViews,
  timeline,
  sources,
  links,
  asOf,
  isToday,
  today,
  asOfError,
}: CommitmentPageProps) {
  const t = useTranslations("commitment");
  const format = useFormat();
  const org = organisation.slug;
  const scorecard = scorecardPath(org, agreement.slug, isToday ? {} : { asOf });
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const milestoneHealth = new Map(health.milestones.map((m) => [m.id, m]));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: organisationPath(org, isToday ? undefined : asOf) },
          { label: agreement.title, href: scorecard },
          { label: commitment.title },
        ]}
      />
      <header>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("eyebrow", { agreement: agreement.title })}
        </p>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 flex-1 basis-72 text-3xl font-bold text-balance sm:text-4xl">{commitment.title}</h1>
          <HealthBadge health={health.health} />
        </div>
        {commitment.description ? <p className="mt-3 max-w-prose text-lg">{commitment.description}</p> : null}
        <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt id="progress" className="font-medium text-muted">
            {t("progress")}
          </dt>
          <dd>
            <ProgressBar value={health.progress} labelId="progress" />
          </dd>
          <dt className="font-medium text-muted">{t("responsible")}</dt>
          <dd data-responsible={commitment.responsible}>{format.responsible(commitment.responsible)}</dd>
          <dt className="font-medium text-muted">{t("owner")}</dt>
          <dd>{commitment.owner}</dd>
          <dt className="font-medium text-muted">{t("score")}</dt>
          <dd className="tabular-nums">
            {formatScore(health.score)}
            {commitment.weight !== 1 ? (
              <span className="text-muted"> {t("weight", { weight: commitment.weight })}</span>
            ) : null}
          </dd>
        </dl>
        <p className="mt-4">
          <Link href={scorecard}>{t("back")}</Link>
        </p>
      </header>

      <AsOfForm
        action={commitmentPath(org, agreement.slug, commitment.id)}
        asOf={asOf}
        isToday={isToday}
        today={today}
        error={asOfError}
        min={periodStart(agreement.announced)}
      />

      <section aria-labelledby="milestones" className="mt-10">
        <h2 id="milestones" className="mb-3 text-2xl font-bold">
          {t("milestones.title")}
        </h2>
        {commitment.milestones.length === 0 ? (
          <p className="text-muted">{t("milestones.empty")}</p>
        ) : (
          <ol className="space-y-3">
            {commitment.milestones.map((m) => {
              const mh = milestoneHealth.get(m.id);
              const view = milestoneViews.get(milestoneKey(commitment.id, m.id));
              if (!mh || !view) return null;
              const status = view.status ?? "NOT_STARTED";
              return (
                <li key={m.id} data-milestone={m.id} className="rounded-lg border border-rule bg-white p-3 sm:p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="min-w-0 flex-1 basis-48 font-semibold">
                      <Link href={links.milestone(commitment.id, m.id)}>{m.title}</Link>
                    </h3>
                    <HealthBadge health={mh.health} size="sm" />
                  </div>
                  <p className="mt-1 text-sm">
                    {view.deadline
                      ? t("milestones.withDeadline", {
                          status: format.labels.status[status],
                          deadline: format.date(view.deadline),
                        })
                      : t("milestones.withoutDeadline", { status: format.labels.status[status] })}
                    {view.slipped ? ` ${t("milestones.slipped")}` : ""}
                  </p>
                  {mh.flags.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5 text-sm">
                      {mh.flags.map((flag) => (
                        <li key={flag.flag} data-flag={flag.flag}>
                          {flag.reason}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {commitment.milestones.length > 0 ? (
        <section aria-labelledby="timeline" className="mt-10">
          <h2 id="timeline" className="mb-1 text-2xl font-bold">
            {t("timeline.title")}
          </h2>
          <p className="mb-3 text-sm text-muted">{t("timeline.intro")}</p>
          <TimelineChart timeline={timeline} asOf={asOf} />
          <TimelineTable timeline={timeline} milestoneHref={(m) => links.milestone(commitment.id, m)} />
        </section>
      ) : null}

      {commitment.indicators.length > 0 ? (
        <section aria-labelledby="indicators" className="mt-10">
          <h2 id="indicators" className="mb-3 text-2xl font-bold">
            {t("indicators.title")}
          </h2>
          <ul className="space-y-6">
            {commitment.indicators.map((indicator) => {
              const observations = knownObservations(indicator, sourcesById, asOf);
              return (
                <li key={indicator.id} id={`indicator-${indicator.id}`}>
                  <h3 className="text-lg font-semibold">
                    {indicator.title}{" "}
                    <span className="font-normal text-muted">
                      {indicator.target !== undefined
                        ? t("indicators.unitAndTarget", { unit: indicator.unit, target: indicator.target })
                        : t("indicators.unit", { unit: indicator.unit })}
                    </span>
                  </h3>
                  <IndicatorChart
                    indicator={indicator}
                    observations={observations}
                    start={timeline.start}
                    end={timeline.end}
                    sourceHref={links.source}
                  />
                  <IndicatorTable
                    indicator={indicator}
                    observations={observations}
                    sourcesById={sourcesById}
                    sourceHref={links.source}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
