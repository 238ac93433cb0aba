import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import type { ChangeEntry } from "@/lib/domain/changelog";
import type { PreciseDate, Source } from "@/lib/domain/types";
import { changeAnchor } from "@/lib/urls";
import { HealthBadge } from "./HealthBadge";
import { SourceCitation } from "./SourceCitation";

interface ChangelogProps {
  /** Newest first, as lib/domain/changelog.ts gives them (of one agreement or several). */
  entries: readonly ChangeEntry[];
  sourcesById: ReadonlyMap<string, Source>;
  /**
   * Where an entry's title links: on the public changes page, the scorecard as it stood that day (changeEntryPath);
   * a member's view may link elsewhere (the workspace), since a server component can take a function.
   */
  hrefOf: (entry: ChangeEntry) => string;
}

/** Entries grouped by their day, in the order given. */
function byDay(entries: readonly ChangeEntry[]): [string, ChangeEntry[]][] {
  const days = new Map<string, ChangeEntry[]>();
  for (const entry of entries) {
    const day = days.get(entry.date);
    if (day) day.push(entry);
    else days.set(entry.date, [entry]);
  }
  return [...days];
}

/** " · dated 1 December 2025": the day a record bears, after what it changed. */
function Dated({ on }: { on: PreciseDate }) {
  const t = useTranslations("changes");
  const format = useFormat();
  return (
    <span className="text-muted">
      {" "}
      {t.rich("dated", {
        date: format.date(on),
        time: (chunks) => <time dateTime={on.date}>{chunks}</time>,
      })}
    </span>
  );
}

/** What changed, in a line: statuses, deadlines, or healths (by badge: colour, symbol and word). */
function ChangeDetail({ entry }: { entry: ChangeEntry }) {
  const t = useTranslations("changes");
  const format = useFormat();
  switch (entry.kind) {
    case "STATUS_UPDATE":
      return (
        <p className="text-sm">
          {t.rich("status", {
            previous: format.labels.status[entry.previous],
            current: format.labels.status[entry.status],
            prev: (chunks) => <span data-status={entry.previous}>{chunks}</span>,
            next: (chunks) => (
              <span data-status={entry.status} className="font-semibold">
                {chunks}
              </span>
            ),
          })}
          <Dated on={entry.on} />
        </p>
      );
    case "DEADLINE_CHANGE": {
      const next = (chunks: ReactNode) => <span className="font-semibold">{chunks}</span>;
      const to = format.date(entry.to);
      return (
        <p className="text-sm">
          {entry.from === null
            ? t.rich("deadlineNone", { to, next })
            : t.rich("deadline", { from: format.date(entry.from), to, next })}
          <Dated on={entry.on} />
        </p>
      );
    }
    case "MILESTONE_HEALTH":
    case "COMMITMENT_HEALTH":
      return (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {entry.from === null ? (
            <span className="text-muted">{t("firstAssessed")}</span>
          ) : (
            <>
              <span className="sr-only">{t("from")}</span>
              <HealthBadge health={entry.from} size="sm" />
              <span aria-hidden="true">→</span>
              <span className="sr-only">{t("to")}</span>
            </>
          )}
          <HealthBadge health={entry.health} size="sm" />
        </p>
      );
  }
}

function ChangeItem({ entry, sourcesById, hrefOf }: Omit<ChangelogProps, "entries"> & { entry: ChangeEntry }) {
  const cited = entry.sources.flatMap((id) => {
    const source = sourcesById.get(id);
    return source === undefined ? [] : [source];
  });
  const t = useTranslations("changes");
  const titleId = `${changeAnchor(entry)}-title`;
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-rule bg-white p-3 sm:p-4">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{t(`kind.${entry.kind}`)}</p>
      <h3 id={titleId} className="mt-1 font-semibold">
        <Link href={hrefOf(entry)}>{entry.title}</Link>
      </h3>
      <div className="mt-2">
        <ChangeDetail entry={entry} />
      </div>
      <p className="mt-2 text-sm">{entry.summary}</p>
      {cited.length > 0 ? (
        <div className="mt-2 text-sm">
          <p className="font-medium text-muted">{t("sources")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {cited.map((source) => (
              <li key={source.id} data-source={source.id}>
                <SourceCitation source={source} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}

/** The changelog by day, newest first; each entry links to where `hrefOf` says and cites its sources. */
export function Changelog({ entries, sourcesById, hrefOf }: ChangelogProps) {
  const format = useFormat();
  return (
    <div className="space-y-8">
      {byDay(entries).map(([day, dayEntries]) => (
        <section key={day} aria-labelledby={`day-${day}`} data-day={day}>
          <h2 id={`day-${day}`} className="mb-3 text-xl font-bold">
            <time dateTime={day}>{format.day(day)}</time>
          </h2>
          <ol className="space-y-3">
            {dayEntries.map((entry) => (
              <li
                key={entry.id}
                id={changeAnchor(entry)}
                data-change-id={entry.id}
                data-kind={entry.kind}
                data-health-to={"health" in entry ? entry.health : undefined}
                className="scroll-mt-4"
              >
                <ChangeItem entry={entry} sourcesById={sourcesById} hrefOf={hrefOf} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
