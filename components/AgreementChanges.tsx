import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import type { ChangelogPage } from "@/lib/domain/changelog";
import { periodStart } from "@/lib/domain/dates";
import type { Agreement, Source } from "@/lib/domain/types";
import { agreementFeedPath, changeEntryPath, changesPath, milestoneTargets, scorecardPath } from "@/lib/urls";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";
import { Changelog } from "./Changelog";

export interface AgreementChangesProps {
  organisation: { slug: string; name: string };
  agreement: Agreement;
  sources: readonly Source[];
  /** The newest of the agreement's changelog up to `asOf`, newest first, and where the older ones are. */
  page: ChangelogPage;
  /** The day shown, `YYYY-MM-DD`. */
  asOf: string;
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
  /** Why the reader's asOf was refused (the page then shows today); null when it was not. */
  asOfError: string | null;
}

/** The public changelog of one agreement up to a day: what changed, when, and on which sources. */
export function AgreementChanges({
  organisation,
  agreement,
  sources,
  page,
  asOf,
  isToday,
  today,
  asOfError,
}: AgreementChangesProps) {
  const t = useTranslations("changes");
  const format = useFormat();
  const org = organisation.slug;
  const scorecard = scorecardPath(org, agreement.slug, isToday ? {} : { asOf });
  const feed = agreementFeedPath(org, agreement.slug);
  const targets = milestoneTargets(org, agreement);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: `/${org}` },
          { label: agreement.title, href: scorecard },
          { label: t("breadcrumb") },
        ]}
      />

      <header>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("eyebrow", { organisation: organisation.name })}
        </p>
        <h1 className="mt-1 text-3xl font-bold text-balance sm:text-4xl">
          {t("heading", { agreement: agreement.title })}
        </h1>
        <p className="mt-3 max-w-prose">{t("intro")}</p>
        <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <Link href={scorecard}>{t("back")}</Link>
          <a href={feed} type="application/atom+xml">
            {t("feed")}
          </a>
        </p>
      </header>

      <AsOfForm
        action={changesPath(org, agreement.slug)}
        asOf={asOf}
        isToday={isToday}
        today={today}
        error={asOfError}
        min={periodStart(agreement.announced)}
        label={t("asOfLabel")}
      />

      <div className="mt-8">
        {page.entries.length === 0 ? (
          <p data-empty-changelog className="text-muted">
            {t("empty", {
              day: format.day(asOf),
              announced: format.date(agreement.announced),
              precision: agreement.announced.precision,
            })}
          </p>
        ) : (
          <>
            {page.entries.length < page.total ? (
              <p className="mb-4 font-medium" data-changes-shown={page.entries.length} data-changes-total={page.total}>
                {t("newest", { shown: page.entries.length, total: page.total, day: format.day(asOf) })}
              </p>
            ) : null}
            <Changelog
              entries={page.entries}
              sourcesById={new Map(sources.map((s) => [s.id, s]))}
              hrefOf={(entry) => changeEntryPath(org, entry, targets)}
            />
            {page.hiddenOnLastDay > 0 ? (
              <p className="mt-4 text-muted" data-changes-hidden={page.hiddenOnLastDay}>
                {t("hiddenOnDay", {
                  count: page.hiddenOnLastDay,
                  day: format.day(page.entries.at(-1)?.date ?? asOf),
                })}
              </p>
            ) : null}
            {page.olderUntil !== null ? (
              <p className="mt-4">
                <Link href={changesPath(org, agreement.slug, page.olderUntil)} rel="next">
                  {t("older", { day: format.day(page.olderUntil) })}
                </Link>
              </p>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
