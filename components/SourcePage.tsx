import { Link } from "@/lib/i18n/navigation";
import type { Citation, CitationKind } from "@/lib/domain/citations";
import { formatDay, formatPreciseDate } from "@/lib/domain/dates";
import type { Source } from "@/lib/domain/types";
import { organisationPath, publicLinks, sourcePath } from "@/lib/urls";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";
import { formatNumber, SOURCE_KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from "./labels";

export interface SourcePageProps {
  organisation: { slug: string; name: string };
  source: Source;
  /** What cites the source in published agreements, known on the day shown (lib/domain/citations.ts). */
  citations: readonly Citation[];
  /** The day shown, `YYYY-MM-DD`. */
  asOf: string;
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
  /** Why the reader's asOf was refused (the page then shows today); null when it was not. */
  asOfError: string | null;
}

const SECTIONS: ReadonlyArray<{ kind: CitationKind; id: string; title: string }> = [
  { kind: "STATUS_UPDATE", id: "status-updates", title: "Status updates" },
  { kind: "DEADLINE_CHANGE", id: "deadline-changes", title: "Deadline changes" },
  { kind: "EVIDENCE", id: "evidence", title: "Evidence" },
  { kind: "OBSERVATION", id: "observations", title: "Indicator observations" },
];

function CitationItem({ citation, org, asOf }: { citation: Citation; org: string; asOf: string | undefined }) {
  const links = publicLinks(org, citation.agreement.slug, asOf);
  const where =
    citation.kind === "OBSERVATION" ? (
      <Link href={links.commitment(citation.commitment.id)}>
        {citation.indicator.title} — {citation.commitment.title}
      </Link>
    ) : (
      <Link href={links.milestone(citation.commitment.id, citation.milestone.id)}>{citation.milestone.title}</Link>
    );
  return (
    <li className="rounded-md border border-rule bg-white px-3 py-2 text-sm" data-citation={citation.kind}>
      <p className="font-semibold">{where}</p>
      <p className="text-muted">
        {citation.kind === "OBSERVATION" ? "" : `${citation.commitment.title} · `}
        {citation.agreement.title}
      </p>
      {citation.kind === "STATUS_UPDATE" ? (
        <p className="mt-1">
          <time dateTime={citation.on.date}>{formatPreciseDate(citation.on)}</time>:{" "}
          <span data-status={citation.status}>{STATUS_LABELS[citation.status]}</span>. {citation.rationale}
        </p>
      ) : null}
      {citation.kind === "DEADLINE_CHANGE" ? (
        <p className="mt-1">
          <time dateTime={citation.on.date}>{formatPreciseDate(citation.on)}</time>: deadline set to{" "}
          {formatPreciseDate(citation.to)}. {citation.reason}
        </p>
      ) : null}
      {citation.kind === "EVIDENCE" ? (
        <>
          <p className="mt-1" data-stance={citation.stance}>
            {STANCE_LABELS[citation.stance]}
          </p>
          <blockquote className="mt-1 border-l-4 border-rule pl-3 italic">
            <p>{citation.quote}</p>
          </blockquote>
        </>
      ) : null}
      {citation.kind === "OBSERVATION" ? (
        <>
          <p className="mt-1">
            <span className="font-semibold tabular-nums">{formatNumber(citation.value)}</span> {citation.indicator.unit}
            , figure for <time dateTime={citation.on.date}>{formatPreciseDate(citation.on)}</time>
          </p>
          <blockquote className="mt-1 border-l-4 border-rule pl-3 italic">
            <p>{citation.quote}</p>
          </blockquote>
        </>
      ) : null}
    </li>
  );
}

/** A source as of a day: what it is, and every record of a published agreement that cites it by then. */
export function SourcePage({ organisation, source, citations, asOf, isToday, today, asOfError }: SourcePageProps) {
  const org = organisation.slug;
  const shownAsOf = isToday ? undefined : asOf;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: organisationPath(org, shownAsOf) },
          { label: "Sources" },
          { label: source.outlet },
        ]}
      />
      <header>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">Source · {organisation.name}</p>
        <h1 className="mt-1 text-3xl font-bold text-balance sm:text-4xl">
          {source.outlet}: <cite className="not-italic">{source.title}</cite>
        </h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-muted">Published</dt>
          <dd>
            <time dateTime={source.published.date}>{formatPreciseDate(source.published)}</time>
          </dd>
          <dt className="font-medium text-muted">Kind</dt>
          <dd>{SOURCE_KIND_LABELS[source.kind]}</dd>
          {source.url ? (
            <>
              <dt className="font-medium text-muted">Original</dt>
              <dd className="[overflow-wrap:anywhere]">
                <a href={source.url} rel="noopener noreferrer" target="_blank">
                  {source.url}
                  <span className="sr-only"> (external link, opens in a new tab)</span>
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      </header>

      <AsOfForm
        action={sourcePath(org, source.id)}
        asOf={asOf}
        isToday={isToday}
        today={today}
        error={asOfError}
        label="Show what cited it as of"
      />

      <h2 className="mt-10 text-2xl font-bold">What cites it</h2>
      {citations.length === 0 ? (
        <p className="mt-2 text-muted" data-no-citations>
          Nothing cited this source by {formatDay(asOf)}
          {source.published.date > asOf ? `: it was published ${formatPreciseDate(source.published)}` : ""}.
        </p>
      ) : (
        SECTIONS.map(({ kind, id, title }) => {
          const items = citations.filter((c) => c.kind === kind);
          if (items.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={id} className="mt-6">
              <h3 id={id} className="mb-2 text-xl font-semibold">
                {title} ({items.length})
              </h3>
              <ul className="space-y-3">
                {items.map((citation, index) => (
                  <CitationItem key={index} citation={citation} org={org} asOf={shownAsOf} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}
