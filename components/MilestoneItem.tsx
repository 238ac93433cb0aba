import { Link } from "@/lib/i18n/navigation";
import { formatPreciseDate, periodStart } from "@/lib/domain/dates";
import type { Milestone, MilestoneHealth, Source } from "@/lib/domain/types";
import { EvidenceList } from "./EvidenceList";
import { FlagList } from "./FlagList";
import { HealthBadge } from "./HealthBadge";
import { STATUS_LABELS } from "./labels";
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
  const titleId = `${domId}-title`;
  const status = view.status ?? "NOT_STARTED";
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
        <dt className="font-medium text-muted">Deadline</dt>
        <dd className="mb-1 sm:mb-0">
          {view.deadline ? (
            <time dateTime={view.deadline.date}>{formatPreciseDate(view.deadline)}</time>
          ) : (
            "No deadline"
          )}
          {view.slipped ? (
            <>
              {" "}
              <span className="ml-1 inline-block rounded border border-stone-500 px-1.5 text-xs font-semibold">
                Slipped
              </span>{" "}
              <span className="text-muted">
                moved later{moved && originalDeadline ? `; first set for ${formatPreciseDate(originalDeadline)}` : ""}
              </span>
            </>
          ) : null}
        </dd>
        <dt className="font-medium text-muted">Status</dt>
        <dd className="mb-1 sm:mb-0">
          <span data-status={status}>{STATUS_LABELS[status]}</span>
          {view.statusOn ? (
            <>
              {" "}
              since <time dateTime={view.statusOn.date}>{formatPreciseDate(view.statusOn)}</time>
            </>
          ) : (
            <span className="text-muted"> (no status update yet)</span>
          )}
          {rationale ? <span className="block text-muted">{rationale}</span> : null}
        </dd>
        <dt className="font-medium text-muted">Owner</dt>
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
