import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { agreementFeedPath, changesPath, milestoneAnchors, publicLinks } from "@/lib/urls";
import { periodStart } from "@/lib/domain/dates";
import { COMPACT_SCORECARD_STALLED, isCompactScorecard, milestoneCount } from "@/lib/domain/scorecard";
import { HEALTHS, type Agreement, type AgreementHealth, type Source } from "@/lib/domain/types";
import { AsOfForm } from "./AsOfForm";
import { Breadcrumbs } from "./Breadcrumbs";
import { CommitmentCard } from "./CommitmentCard";
import { CommitmentTable } from "./CommitmentTable";
import { ComplianceCard } from "./ComplianceCard";
import { HealthBadge } from "./HealthBadge";
import { HealthCounts } from "./HealthCounts";
import { AgreementFacts } from "./AgreementFacts";
import { MethodNote } from "./MethodNote";
import { milestoneKey, type MilestoneView } from "./milestone-view";
import { OpenDataLinks } from "./OpenDataLinks";
import { StalledMilestones } from "./StalledMilestones";

export interface ScorecardProps {
  organisation: { slug: string; name: string };
  agreement: Agreement;
  sources: readonly Source[];
  health: AgreementHealth;
  /** Keyed by milestoneKey(commitment id, milestone id). */
  milestoneViews: ReadonlyMap<string, MilestoneView>;
  /** The day shown, `YYYY-MM-DD`. */
  asOf: string;
  isToday: boolean;
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
  /** Why the reader's asOf was refused (the page then shows today); null when it was not. */
  asOfError: string | null;
}

function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="mb-3 text-2xl font-bold">
      {children}
    </h2>
  );
}

/** The public scorecard of one agreement as of one day. */
export function Scorecard({
  organisation,
  agreement,
  sources,
  health,
  milestoneViews,
  asOf,
  isToday,
  today,
  asOfError,
}: ScorecardProps) {
  const t = useTranslations("scorecard");
  const f = useFormat();
  const path = `/${organisation.slug}/${agreement.slug}`;
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const compact = isCompactScorecard(agreement);
  // A compact scorecard has no place for each milestone, so no element id for it either.
  const domIds = compact ? new Map<string, string>() : milestoneAnchors(agreement);
  const commitmentHealth = new Map(health.commitments.map((c) => [c.id, c]));
  const links = publicLinks(organisation.slug, agreement.slug, isToday ? undefined : asOf);
  // The commitments grouped by health, in the display order of healths, each group in the agreement's order.
  const groups = HEALTHS.map((h) => ({
    health: h,
    commitments: agreement.commitments.flatMap((commitment) => {
      const ch = commitmentHealth.get(commitment.id);
      return ch !== undefined && ch.health === h ? [{ commitment, health: ch }] : [];
    }),
  })).filter((group) => group.commitments.length > 0);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Accordwatch", href: "/" },
          { label: organisation.name, href: `/${organisation.slug}` },
          { label: agreement.title },
        ]}
      />

      <header>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">
          {t("kicker", { organisation: organisation.name })}
        </p>
        <h1 className="mt-1 text-3xl font-bold text-balance sm:text-4xl">{agreement.title}</h1>
        <p className="mt-3 max-w-prose text-lg">{agreement.summary}</p>
        <AgreementFacts parties={agreement.parties} announced={agreement.announced} className="mt-4" />
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href={changesPath(organisation.slug, agreement.slug, isToday ? undefined : asOf)}>{t("changes")}</Link>
          <a href={agreementFeedPath(organisation.slug, agreement.slug)} type="application/atom+xml">
            {t("feed")}
          </a>
        </p>
      </header>

      <AsOfForm
        action={path}
        asOf={asOf}
        isToday={isToday}
        today={today}
        error={asOfError}
        min={periodStart(agreement.announced)}
        label={t("asOfLabel")}
      />

      <section aria-labelledby="compliance" className="mt-10">
        <SectionHeading id="compliance">{t("sections.compliance")}</SectionHeading>
        <div className="grid gap-4 sm:grid-cols-2">
          {agreement.parties.map((party) => (
            <ComplianceCard
              key={party}
              party={party}
              compliance={health.parties[party] ?? null}
              commitmentCount={
                agreement.commitments.filter((c) => c.responsible === party || c.responsible === "joint").length
              }
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="counts" className="mt-10">
        <SectionHeading id="counts">{t("sections.counts")}</SectionHeading>
        <HealthCounts counts={health.counts} />
      </section>

      <section aria-labelledby="stalled" className="mt-10">
        <SectionHeading id="stalled">{t("sections.stalled")}</SectionHeading>
        <StalledMilestones
          commitments={agreement.commitments}
          health={health}
          hrefOf={
            compact
              ? links.milestone
              : (commitment, milestone) => `#${domIds.get(milestoneKey(commitment, milestone)) ?? ""}`
          }
          {...(compact ? { limit: COMPACT_SCORECARD_STALLED } : {})}
        />
      </section>

      <section aria-labelledby="commitments" className="mt-10">
        <SectionHeading id="commitments">{t("sections.commitments")}</SectionHeading>
        {compact ? (
          <p className="mb-4 max-w-prose text-muted" data-compact-scorecard>
            {t("compact", { count: milestoneCount(agreement) })}
          </p>
        ) : null}
        {agreement.commitments.length === 0 ? (
          <p className="text-muted">{t("noCommitment")}</p>
        ) : (
          <div className="space-y-8">
            {groups.map(({ health: groupHealth, commitments }) => (
              <section
                key={groupHealth}
                data-health-group={groupHealth}
                aria-label={t("healthGroup", { health: f.labels.health[groupHealth], count: commitments.length })}
              >
                <p className="mb-3 flex items-center gap-2 text-sm text-muted" aria-hidden="true">
                  <HealthBadge health={groupHealth} />
                  {t("commitmentCount", { count: commitments.length })}
                </p>
                {compact ? (
                  <CommitmentTable rows={commitments} href={links.commitment} />
                ) : (
                  <ol className="space-y-6">
                    {commitments.map(({ commitment, health: ch }) => (
                      <li key={commitment.id}>
                        <CommitmentCard
                          commitment={commitment}
                          health={ch}
                          milestoneViews={milestoneViews}
                          milestoneDomIds={domIds}
                          sourcesById={sourcesById}
                          asOf={asOf}
                          links={links}
                        />
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="method" className="mt-10 border-t border-rule pt-6">
        <h2 id="method" className="mb-2 text-lg font-bold">
          {t("sections.method")}
        </h2>
        <MethodNote settings={agreement.settings} />
      </section>

      <section aria-labelledby="open-data" className="mt-6">
        <h2 id="open-data" className="mb-2 text-lg font-bold">
          {t("sections.data")}
        </h2>
        <OpenDataLinks orgSlug={organisation.slug} agreementSlug={agreement.slug} asOf={asOf} />
      </section>
    </>
  );
}
