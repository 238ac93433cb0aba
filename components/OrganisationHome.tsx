import { useTranslations } from "next-intl";
import type { AgreementSummary } from "@/lib/data/public";
import { periodStart } from "@/lib/domain/dates";
import { useFormat } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import { findPath, organisationFeedPath, organisationPath } from "@/lib/urls";
import { AgreementList } from "./AgreementList";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";

export interface OrganisationHomeProps {
  organisation: { slug: string; name: string };
  /** Every published agreement of the organisation. */
  agreements: readonly AgreementSummary[];
  /** The day shown, `YYYY-MM-DD`. */
  asOf: string;
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
  /** Why the reader's asOf was refused (the page then shows today); null when it was not. */
  asOfError: string | null;
}

/**
 * An organisation's home as of a day: its published agreements announced by then (an agreement announced later did
 * not exist), each linking to its scorecard as of the same day.
 */
export function OrganisationHome({ organisation, agreements, asOf, isToday, today, asOfError }: OrganisationHomeProps) {
  const t = useTranslations("organisation");
  const f = useFormat();
  const known = agreements.filter((a) => periodStart(a.announced) <= asOf);
  return (
    <>
      <Breadcrumbs items={[{ label: "Accordwatch", href: "/" }, { label: organisation.name }]} />
      <h1 className="text-3xl font-bold sm:text-4xl">{organisation.name}</h1>
      <AsOfForm
        action={organisationPath(organisation.slug)}
        asOf={asOf}
        isToday={isToday}
        today={today}
        error={asOfError}
        label={t("asOfLabel")}
      />
      <p className="mt-6 mb-6 text-muted">
        {isToday
          ? t("published", { count: known.length })
          : t("publishedAsOf", { count: known.length, date: f.day(asOf) })}
      </p>
      <p className="mb-6">
        <a href={getPathname({ href: findPath(organisation.slug, isToday ? {} : { asOf }), locale: f.locale })}>
          {t("find")}
        </a>
      </p>
      {known.length === 0 ? null : (
        <AgreementList orgSlug={organisation.slug} agreements={known} headingLevel={2} {...(isToday ? {} : { asOf })} />
      )}
      <p className="mt-6">
        <a href={organisationFeedPath(organisation.slug)} type="application/atom+xml">
          {t("feed")}
        </a>
      </p>
    </>
  );
}
