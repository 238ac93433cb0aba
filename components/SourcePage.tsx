import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import type { Citation, CitationKind } from "@/lib/domain/citations";
import type { Source } from "@/lib/domain/types";
import { organisationPath, publicLinks, sourcePath } from "@/lib/urls";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";

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

const SECTIONS: ReadonlyArray<{ kind: CitationKind; id: string }> = [
  { kind: "STATUS_UPDATE", id: "status-updates" },
  { kind: "DEADLINE_CHANGE", id: "deadline-changes" },
  { kind: "EVIDENCE", id: "evidence" },
  { kind: "OBSERVATION", id: "observations" },
];

/** A rich-text tag: its chunks in a `<time>` of the date given. */
function timeOf(dateTime: string) {
  return function TimeTag(chunks: ReactNode) {
    return <time dateTime={dateTime}>{chunks}</time>;
  };
}

function CitationItem({ citation, org, asOf }: { citation: Citation; org: string; asOf: string | undefined }) {
  const t = useTranslations("sourcePage");
  const format = useFormat();
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
          {t.rich("statusUpdate", {
            date: format.date(citation.on),
            status: format.labels.status[citation.status],
            rationale: citation.rationale,
            time: timeOf(citation.on.date),
            state: (chunks) => <span data-status={citation.status}>{chunks}</span>,
          })}
        </p>
      ) : null}
      {citation.kind === "DEADLINE_CHANGE" ? (
        <p className="mt-1">
          {t.rich("deadlineChange", {
            date: format.date(citation.on),
            to: format.date(citation.to),
            precision: citation.to.precision,
            reason: citation.reason,
            time: timeOf(citation.on.date),
          })}
        </p>
      ) : null}
      {citation.kind === "EVIDENCE" ? (
        <>
          <p className="mt-1" data-stance={citation.stance}>
            {format.labels.stance[citation.stance]}
          </p>
          <blockquote className="mt-1 border-l-4 border-rule pl-3 italic">
            <p>{citation.quote}</p>
          </blockquote>
        </>
      ) : null}
      {citation.kind === "OBSERVATION" ? (
        <>
          <p className="mt-1">
            {t.rich("observation", {
              value: format.number(citation.value),
              unit: citation.indicator.unit,
              date: format.date(citation.on),
              time: timeOf(citation.on.date),
              strong: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
            })}
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
  const t = useTranslations("sourcePage");
  const format = useFormat();
  const org = organisation.slug;
  const shownAsOf = isToday ? undefined : asOf;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: organisationPath(org, shownAsOf) },
          { label: t("breadcrumb") },
          { label: source.outlet },
        ]}
      />
      <header>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("eyebrow", { organisation: organisation.name })}
        </p>
        <h1 className="mt-1 text-3xl font-bold text-balance sm:text-4xl">
          {t.rich("heading", {
            outlet: source.outlet,
            title: source.title,
            cite: (chunks) => <cite className="not-italic">{chunks}</cite>,
          })}
        </h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-muted">{t("published")}</dt>
          <dd>
            <time dateTime={source.published.date}>{format.date(source.published)}</time>
          </dd>
          <dt className="font-medium text-muted">{t("kind")}</dt>
          <dd>{format.labels.sourceKind[source.kind]}</dd>
          {source.url ? (
            <>
              <dt className="font-medium text-muted">{t("original")}</dt>
              <dd className="[overflow-wrap:anywhere]">
                <a href={source.url} rel="noopener noreferrer" target="_blank">
                  {source.url}
                  <span className="sr-only"> {t("externalLink")}</span>
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
        label={t("asOfLabel")}
      />

      <h2 className="mt-10 text-2xl font-bold">{t("citesIt")}</h2>
      {citations.length === 0 ? (
        <p className="mt-2 text-muted" data-no-citations>
          {source.published.date > asOf
            ? t("noCitationsYet", {
                day: format.day(asOf),
                published: format.date(source.published),
                precision: source.published.precision,
              })
            : t("noCitations", { day: format.day(asOf) })}
        </p>
      ) : (
        SECTIONS.map(({ kind, id }) => {
          const items = citations.filter((c) => c.kind === kind);
          if (items.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={id} className="mt-6">
              <h3 id={id} className="mb-2 text-xl font-semibold">
                {t(`sections.${kind}`, { count: items.length })}
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
