import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import { periodStart } from "@/lib/domain/dates";
import type { Agreement, Commitment, HealthHistoryEntry, Milestone, MilestoneHealth, Source } from "@/lib/domain/types";
import { milestonePath, organisationPath, scorecardPath, type PublicLinks } from "@/lib/urls";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";
import { EvidenceList } from "./EvidenceList";
import { FlagList } from "./FlagList";
import { HealthBadge } from "./HealthBadge";
import type { MilestoneView } from "./milestone-view";
import { SourceCitation } from "./SourceCitation";

export interface MilestonePageProps {
  organisation: { slug: string; name: string };
  agreement: Agreement;
  commitment: Commitment;
  milestone: Milestone;
  health: MilestoneHealth;
  view: MilestoneView;
  /** Oldest first, up to the day shown. */
  history: readonly HealthHistoryEntry[];
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

/** The sources a record cites, as known on the day shown: a source published later did not exist yet. */
function Cited({
  ids,
  sourcesById,
  href,
  asOf,
}: {
  ids: readonly string[];
  sourcesById: ReadonlyMap<string, Source>;
  href: (source: string) => string;
  asOf: string;
}) {
  const cited = ids.flatMap((id) => {
    const source = sourcesById.get(id);
    return source && periodStart(source.published) <= asOf ? [source] : [];
  });
  if (cited.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5">
      {cited.map((source) => (
        <li key={source.id} data-source={source.id}>
          <SourceCitation source={source} href={href(source.id)} />
        </li>
      ))}
    </ul>
  );
}

/** One milestone as of a day: its whole record, its sources with their quotes, and its health over time. */
export function MilestonePage({
  organisation,
  agreement,
  commitment,
  milestone,
  health,
  view,
  history,
  sources,
  links,
  asOf,
  isToday,
  today,
  asOfError,
}: MilestonePageProps) {
  const t = useTranslations("milestone");
  const format = useFormat();
  const org = organisation.slug;
  const shownAsOf = isToday ? undefined : asOf;
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const status = view.status ?? "NOT_STARTED";
  const statusOn = view.statusOn;
  const updates = milestone.statusUpdates.filter((u) => periodStart(u.on) <= asOf);
  const changes = milestone.deadlineChanges.filter((c) => periodStart(c.on) <= asOf);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: organisationPath(org, shownAsOf) },
          { label: agreement.title, href: scorecardPath(org, agreement.slug, isToday ? {} : { asOf }) },
          { label: commitment.title, href: links.commitment(commitment.id) },
          { label: milestone.title },
        ]}
      />
      <header>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("eyebrow", { commitment: commitment.title })}
        </p>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 flex-1 basis-72 text-3xl font-bold text-balance sm:text-4xl">{milestone.title}</h1>
          <HealthBadge health={health.health} />
        </div>
        <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-muted">{t("commitment")}</dt>
          <dd>
            <Link href={links.commitment(commitment.id)}>{commitment.title}</Link>
          </dd>
          <dt className="font-medium text-muted">{t("owner")}</dt>
          <dd>{milestone.owner}</dd>
          <dt className="font-medium text-muted">{t("deadline")}</dt>
          <dd>
            {view.deadline ? <time dateTime={view.deadline.date}>{format.date(view.deadline)}</time> : t("noDeadline")}
            {milestone.deadline && view.deadline && milestone.deadline.date !== view.deadline.date ? (
              <span className="text-muted"> {t("firstSet", { date: format.date(milestone.deadline) })}</span>
            ) : null}
          </dd>
          <dt className="font-medium text-muted">{t("status")}</dt>
          <dd>
            <span data-status={status}>{format.labels.status[status]}</span>
            {statusOn ? (
              <>
                {" "}
                {t.rich("statusSince", {
                  date: format.date(statusOn),
                  precision: statusOn.precision,
                  time: (chunks) => <time dateTime={statusOn.date}>{chunks}</time>,
                })}
              </>
            ) : (
              <span className="text-muted"> {t("noStatusYet")}</span>
            )}
          </dd>
        </dl>
      </header>

      <AsOfForm
        action={milestonePath(org, agreement.slug, commitment.id, milestone.id)}
        asOf={asOf}
        isToday={isToday}
        today={today}
        error={asOfError}
        min={periodStart(agreement.announced)}
      />

      <FlagList flags={health.flags} headingId="flags" />

      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="mb-3 text-2xl font-bold">
          {t("history.title")}
        </h2>
        {history.length === 0 ? (
          <p className="text-muted">{t("history.empty")}</p>
        ) : (
          <ol className="space-y-2" data-health-history>
            {history.map((entry) => (
              <li
                key={entry.date}
                data-history-date={entry.date}
                className="rounded-md border border-rule bg-white px-3 py-2"
              >
                <p className="flex flex-wrap items-center gap-2">
                  <span>
                    {t.rich("history.from", {
                      date: format.day(entry.date),
                      time: (chunks) => <time dateTime={entry.date}>{chunks}</time>,
                    })}
                  </span>
                  <HealthBadge health={entry.health} size="sm" />
                </p>
                {entry.flags.length > 0 ? (
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {entry.flags.map((flag) => (
                      <li key={flag.flag} data-flag={flag.flag}>
                        {flag.reason}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="updates" className="mt-10">
        <h2 id="updates" className="mb-3 text-2xl font-bold">
          {t("updates.title")}
        </h2>
        {updates.length === 0 ? (
          <p className="text-muted">{t("updates.empty")}</p>
        ) : (
          <ol className="space-y-3">
            {updates.map((u, index) => (
              <li key={index} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
                <p>
                  {t.rich("updates.entry", {
                    date: format.date(u.on),
                    status: format.labels.status[u.status],
                    time: (chunks) => (
                      <time dateTime={u.on.date} className="font-semibold">
                        {chunks}
                      </time>
                    ),
                    state: (chunks) => <span data-status={u.status}>{chunks}</span>,
                  })}
                </p>
                <p className="mt-1">{u.rationale}</p>
                <Cited ids={u.sources} sourcesById={sourcesById} href={links.source} asOf={asOf} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="deadline-changes" className="mt-10">
        <h2 id="deadline-changes" className="mb-3 text-2xl font-bold">
          {t("deadlineChanges.title")}
        </h2>
        {changes.length === 0 ? (
          <p className="text-muted">{t("deadlineChanges.empty")}</p>
        ) : (
          <ol className="space-y-3">
            {changes.map((c, index) => (
              <li key={index} className="rounded-md border border-rule bg-white px-3 py-2 text-sm">
                <p>
                  {t.rich("deadlineChanges.entry", {
                    date: format.date(c.on),
                    to: format.date(c.to),
                    precision: c.to.precision,
                    time: (chunks) => (
                      <time dateTime={c.on.date} className="font-semibold">
                        {chunks}
                      </time>
                    ),
                  })}
                </p>
                <p className="mt-1">{c.reason}</p>
                <Cited ids={c.sources} sourcesById={sourcesById} href={links.source} asOf={asOf} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="mt-10">
        <EvidenceList
          evidence={milestone.evidence}
          sourcesById={sourcesById}
          asOf={asOf}
          headingId="evidence"
          sourceHref={links.source}
        />
      </div>
    </>
  );
}
