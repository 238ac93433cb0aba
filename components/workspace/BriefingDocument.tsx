import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { ReactNode } from "react";
import { AsOfForm } from "@/components/AsOfForm";
import { FlagList } from "@/components/FlagList";
import { HealthBadge } from "@/components/HealthBadge";
import type { BriefingView } from "@/lib/data/briefing";
import { ATTENTION_HEALTHS, type BriefingItem } from "@/lib/domain/briefing";
import { HEALTHS } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { PrintButton } from "./PrintButton";

interface BriefingDocumentProps {
  view: BriefingView;
  /** The page's path without a query (the as-of form's GET target); its Markdown is at the same path + ".md". */
  path: string;
  asOf: string;
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
  /** The message when the reader's `asOf` was refused (the page then shows today). */
  asOfError: string | null;
  breadcrumbs: ReactNode;
  /** What to say when the briefing has no item. */
  empty: ReactNode;
}

/** Source numbers as links to the source list: "[1] [3]". */
function Cites({ numbers }: { numbers: readonly number[] }) {
  const t = useTranslations("briefing");
  if (numbers.length === 0) return null;
  return (
    <span className="whitespace-nowrap">
      {numbers.map((n) => (
        <a key={n} href={`#source-${n}`} className="ml-1" aria-label={t("sourceLabel", { number: n })}>
          [{n}]
        </a>
      ))}
    </span>
  );
}

function Item({ item, n, org }: { item: BriefingItem; n: number; org: string }) {
  const t = useTranslations("briefing.item");
  const format = useFormat();
  const id = `item-${item.agreement.slug}-${item.commitment.id}-${item.milestone.id}`;
  const anchor = `/w/${org}/${item.agreement.slug}#milestone-${item.commitment.id}-${item.milestone.id}`;
  return (
    <article
      aria-labelledby={id}
      data-milestone={`${item.commitment.id}/${item.milestone.id}`}
      className="briefing-item rounded-lg border border-rule bg-white p-4"
    >
      <h3 id={id} className="flex flex-wrap items-center gap-3 text-lg font-semibold">
        <span>
          {n}. {item.milestone.title}
        </span>
        <HealthBadge health={item.health} size="sm" />
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("agreement")}</dt>
        <dd>
          <Link href={anchor}>{item.agreement.title}</Link>
          {item.agreement.published ? "" : ` ${t("draft")}`}
        </dd>
        <dt className="font-medium">{t("commitment")}</dt>
        <dd>
          {t("commitmentOf", {
            title: item.commitment.title,
            responsible: format.responsible(item.commitment.responsible),
          })}
        </dd>
        <dt className="font-medium">{t("owner")}</dt>
        <dd>{item.milestone.owner}</dd>
        <dt className="font-medium">{t("deadline")}</dt>
        <dd>{item.deadline === null ? t("noDeadline") : format.date(item.deadline)}</dd>
      </dl>
      <FlagList flags={item.flags} headingId={`${id}-flags`} headingLevel={4} />
      <section aria-labelledby={`${id}-update`} className="mt-4">
        <h4 id={`${id}-update`} className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("latestUpdate")}
        </h4>
        {item.latestUpdate === null ? (
          <p className="mt-1 text-sm">{t("notStarted")}</p>
        ) : (
          <p className="mt-1 text-sm">
            {t.rich("update", {
              status: format.labels.status[item.latestUpdate.status],
              date: format.date(item.latestUpdate.on),
              rationale: item.latestUpdate.rationale,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
            <Cites numbers={item.latestUpdate.sources} />
          </p>
        )}
      </section>
      {item.evidence.length > 0 ? (
        <section aria-labelledby={`${id}-evidence`} className="mt-4">
          <h4 id={`${id}-evidence`} className="text-sm font-semibold tracking-wide text-muted uppercase">
            {t("evidence")}
          </h4>
          <ul className="mt-2 space-y-2">
            {item.evidence.map((quote, i) => (
              <li key={i} className="text-sm">
                <blockquote className="border-l-4 border-stone-400 pl-3 italic">
                  {t("quote", { quote: quote.quote })}
                </blockquote>
                <p className="mt-0.5 pl-4 text-muted">
                  {format.labels.stance[quote.stance]}
                  <Cites numbers={[quote.source]} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/**
 * A briefing as a print-ready page: the worst news first ("Needs attention"), then the rest, then the numbered
 * sources. The print stylesheet (app/globals.css, `.briefing`) drops the site's header, navigation and forms, starts
 * each section on a new page, keeps an item on one page and prints the address of every outside link.
 */
export function BriefingDocument({
  view,
  path,
  asOf,
  isToday,
  today,
  asOfError,
  breadcrumbs,
  empty,
}: BriefingDocumentProps) {
  const t = useTranslations("briefing");
  const format = useFormat();
  const { organisation, title, briefing } = view;
  const attention = briefing.items.filter((item) => ATTENTION_HEALTHS.has(item.health));
  const rest = briefing.items.filter((item) => !ATTENTION_HEALTHS.has(item.health));
  const counts = HEALTHS.filter((h) => briefing.counts[h] > 0)
    .map((h) => t(`healthCount.${h}`, { count: briefing.counts[h] }))
    .join(", ");

  return (
    <div className="briefing">
      {breadcrumbs}
      <h1 className="mt-1 text-3xl font-bold">{t("title", { title })}</h1>
      <p className="mt-1 text-sm text-muted">{t("scope", { organisation: organisation.name })}</p>
      <div className="mt-4">
        <AsOfForm action={path} asOf={asOf} isToday={isToday} today={today} error={asOfError} label={t("asOfLabel")} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton />
        <a href={`${path}.md?${new URLSearchParams({ asOf }).toString()}`} download>
          {t("markdown")}
        </a>
      </div>
      <p className="mt-4">
        {counts === ""
          ? t("summary", { count: briefing.items.length })
          : t("summaryWithCounts", { count: briefing.items.length, counts })}
      </p>

      {briefing.items.length === 0 ? (
        <div className="mt-4">{empty}</div>
      ) : (
        <>
          <section aria-labelledby="needs-attention" className="briefing-section mt-6">
            <h2 id="needs-attention" className="text-2xl font-bold">
              {t("needsAttention")}
            </h2>
            {attention.length === 0 ? (
              <p className="mt-2">{t("noAttention")}</p>
            ) : (
              <div className="mt-3 grid gap-3">
                {attention.map((item, i) => (
                  <Item
                    key={`${item.agreement.slug}/${item.commitment.id}/${item.milestone.id}`}
                    item={item}
                    n={i + 1}
                    org={organisation.slug}
                  />
                ))}
              </div>
            )}
          </section>
          {rest.length > 0 ? (
            <section aria-labelledby="the-rest" className="briefing-section mt-8">
              <h2 id="the-rest" className="text-2xl font-bold">
                {t("rest")}
              </h2>
              <div className="mt-3 grid gap-3">
                {rest.map((item, i) => (
                  <Item
                    key={`${item.agreement.slug}/${item.commitment.id}/${item.milestone.id}`}
                    item={item}
                    n={attention.length + i + 1}
                    org={organisation.slug}
                  />
                ))}
              </div>
            </section>
          ) : null}
        </>
      )}

      <section aria-labelledby="sources" className="briefing-section mt-8">
        <h2 id="sources" className="text-2xl font-bold">
          {t("sources")}
        </h2>
        {briefing.sources.length === 0 ? (
          <p className="mt-2">{t("noSources")}</p>
        ) : (
          <ol className="mt-3 list-decimal space-y-1 pl-6 text-sm">
            {briefing.sources.map(({ number, source }) => (
              <li key={number} id={`source-${number}`} data-source={source.id}>
                {t.rich("source", {
                  outlet: source.outlet,
                  title: source.title,
                  date: format.date(source.published),
                  kind: format.labels.sourceKind[source.kind].toLowerCase(),
                  // An entered title: the quotation marks are the language's, the words are the source's.
                  link: (chunks) => (source.url === undefined ? chunks : <a href={source.url}>{chunks}</a>),
                })}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
