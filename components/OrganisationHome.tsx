import type { AgreementSummary } from "@/lib/data/public";
import { formatDay, periodStart } from "@/lib/domain/dates";
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
        label="Show the scorecards as of"
      />
      <p className="mt-6 mb-6 text-muted">
        Published scorecards: {known.length} {known.length === 1 ? "agreement" : "agreements"}
        {isToday ? "" : ` announced by ${formatDay(asOf)}`}.
      </p>
      <p className="mb-6">
        <a href={findPath(organisation.slug, isToday ? {} : { asOf })}>
          Find milestones by text, party, health, owner or tag
        </a>
      </p>
      {known.length === 0 ? null : (
        <AgreementList orgSlug={organisation.slug} agreements={known} headingLevel={2} {...(isToday ? {} : { asOf })} />
      )}
      <p className="mt-6">
        <a href={organisationFeedPath(organisation.slug)} type="application/atom+xml">
          Follow every change to these scorecards (Atom feed)
        </a>
      </p>
    </>
  );
}
