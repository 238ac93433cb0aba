import { useTranslations } from "next-intl";
import { periodStart } from "@/lib/domain/dates";
import { useFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Milestone, MilestoneHealth, Source } from "@/lib/domain/types";
import { EvidenceList } from "./EvidenceList";
import { FlagList } from "./FlagList";
import { HealthBadge } from "./HealthBadge";
import type { MilestoneView } from "./milestone-view";

interface MilestoneItemProps {
  milestone: Milestone;
  health: MilestoneHealth;
  view: MilestoneView;
  sourcesById: ReadonlyMap<string, Source>;
  asOf: string;
  /** The element id, `milestone-<id>`: the stable anchor for links and tests. */
  domId: string;
  /** The milestone's own page and its sources' pages. */
  links: { milestone: string; source: (source: string) => string };
}

/** One milestone as of the date: health, deadline, status, owner, the flags behind its health and its sources. */
export function MilestoneItem({ milestone, health, view, sourcesById, asOf, domId, links }: MilestoneItemProps) {
  const t = useTranslations("scorecard.milestone");
  const f = useFormat();
  const titleId = `${domId}-title`;
  const status = view.status ?? "NOT_STARTED";
  const statusOn = view.statusOn;
  // The rationale of the update in force: of several known by the date, the last is the latest.
  const update = milestone.statusUpdates.filter((u) => periodStart(u.on) <= asOf).at(-1);
  const rationale = update && update.status === status ? update.rationale : null;
  const originalDeadline = milestone.deadline;
  const moved =
    view.slipped && originalDeadline !== null && view.deadline !== null && originalDeadline.date !== view.deadline.date;

  return (
    <article
      id={domId}
      aria-labelledby={titleId}
      className="scroll-mt-4 rounded-lg border border-rule bg-white p-3 target:ring-2 sm:p-4 target:ring-focus"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 id={titleId} className="min-w-0 flex-1 basis-48 font-semibold">
          <Link href={links.milestone}>{milestone.title}</Link>
        </h4>
        <HealthBadge health={health.health} size="sm" />
      </div>

      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-muted">{t("deadline")}</dt>
        <dd className="mb-1 sm:mb-0">
          {view.deadline ? <time dateTime={view.deadline.date}>{f.date(view.deadline)}</time> : t("noDeadline")}
          {view.slipped ? (
            <>
              {" "}
              <span className="ml-1 inline-block rounded border border-stone-500 px-1.5 text-xs font-semibold">
                {t("slipped")}
              </span>{" "}
              <span className="text-muted">
                {moved && originalDeadline ? t("movedLaterFrom", { date: f.date(originalDeadline) }) : t("movedLater")}
              </span>
            </>
          ) : null}
        </dd>
        <dt className="font-medium text-muted">{t("status")}</dt>
        <dd className="mb-1 sm:mb-0">
          <span data-status={status}>{f.labels.status[status]}</span>
          {statusOn ? (
            <>
              {" "}
              {t.rich("since", {
                precision: statusOn.precision,
                date: f.date(statusOn),
                time: (chunks) => <time dateTime={statusOn.date}>{chunks}</time>,
              })}
            </>
          ) : (
            <span className="text-muted"> {t("noUpdate")}</span>
          )}
          {rationale ? <span className="block text-muted">{rationale}</span> : null}
        </dd>
        <dt className="font-medium text-muted">{t("owner")}</dt>
        <dd>{milestone.owner}</dd>
      </dl>

      <FlagList flags={health.flags} headingId={`${domId}-flags`} />
      <EvidenceList
        evidence={milestone.evidence}
        sourcesById={sourcesById}
        asOf={asOf}
        headingId={`${domId}-sources`}
        sourceHref={links.source}
      />
    </article>
  );
}
