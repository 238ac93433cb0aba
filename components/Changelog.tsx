import { Link } from "@/lib/i18n/navigation";
import { CHANGE_KIND_LABELS, type ChangeEntry } from "@/lib/domain/changelog";
import { formatDay, formatPreciseDate } from "@/lib/domain/dates";
import type { Source } from "@/lib/domain/types";
import { changeAnchor } from "@/lib/urls";
import { HealthBadge } from "./HealthBadge";
import { STATUS_LABELS } from "./labels";
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

/** What changed, in a line: statuses, deadlines, or healths (by badge: colour, symbol and word). */
function ChangeDetail({ entry }: { entry: ChangeEntry }) {
  switch (entry.kind) {
    case "STATUS_UPDATE":
      return (
        <p className="text-sm">
          Status: <span data-status={entry.previous}>{STATUS_LABELS[entry.previous]}</span> →{" "}
          <span data-status={entry.status} className="font-semibold">
            {STATUS_LABELS[entry.status]}
          </span>
          <span className="text-muted">
            {" "}
            · dated <time dateTime={entry.on.date}>{formatPreciseDate(entry.on)}</time>
          </span>
        </p>
      );
    case "DEADLINE_CHANGE":
      return (
        <p className="text-sm">
          Deadline: {entry.from === null ? "none" : formatPreciseDate(entry.from)} →{" "}
          <span className="font-semibold">{formatPreciseDate(entry.to)}</span>
          <span className="text-muted">
            {" "}
            · dated <time dateTime={entry.on.date}>{formatPreciseDate(entry.on)}</time>
          </span>
        </p>
      );
    case "MILESTONE_HEALTH":
    case "COMMITMENT_HEALTH":
      return (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {entry.from === null ? (
            <span className="text-muted">First assessed:</span>
          ) : (
            <>
              <span className="sr-only">From</span>
              <HealthBadge health={entry.from} size="sm" />
              <span aria-hidden="true">→</span>
              <span className="sr-only">to</span>
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
  const titleId = `${changeAnchor(entry)}-title`;
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-rule bg-white p-3 sm:p-4">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">{CHANGE_KIND_LABELS[entry.kind]}</p>
      <h3 id={titleId} className="mt-1 font-semibold">
        <Link href={hrefOf(entry)}>{entry.title}</Link>
      </h3>
      <div className="mt-2">
        <ChangeDetail entry={entry} />
      </div>
      <p className="mt-2 text-sm">{entry.summary}</p>
      {cited.length > 0 ? (
        <div className="mt-2 text-sm">
          <p className="font-medium text-muted">Sources</p>
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
  return (
    <div className="space-y-8">
      {byDay(entries).map(([day, dayEntries]) => (
        <section key={day} aria-labelledby={`day-${day}`} data-day={day}>
          <h2 id={`day-${day}`} className="mb-3 text-xl font-bold">
            <time dateTime={day}>{formatDay(day)}</time>
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
