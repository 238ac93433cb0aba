import { useTranslations } from "next-intl";
import { HEALTHS, type AgreementHealth } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { scorecardPath } from "@/lib/urls";
import { HEALTH_CLASSES, HEALTH_SYMBOLS } from "./labels";
import { PercentBar } from "./PercentBar";

interface EmbedScorecardProps {
  org: string;
  organisationName: string;
  agreement: { slug: string; title: string; parties: readonly string[] };
  health: AgreementHealth;
  asOf: string;
  /** Whether the day shown is the reader's asking (kept in the link to the full scorecard) or today. */
  asked: boolean;
}

/**
 * The scorecard in a few lines, for other sites to frame: each party's compliance, the commitments by health, the
 * day, and a link to the full scorecard (opened in the reader's window, not in the frame). No script.
 */
export function EmbedScorecard({ org, organisationName, agreement, health, asOf, asked }: EmbedScorecardProps) {
  const t = useTranslations("common.embed");
  const format = useFormat();
  const full = scorecardPath(org, agreement.slug, asked ? { asOf } : {});
  return (
    <article aria-labelledby="embed-title" className="rounded-lg border border-rule bg-white p-4">
      <p className="text-sm text-muted">{t("by", { organisation: organisationName })}</p>
      <h1 id="embed-title" className="mt-1 text-lg leading-snug font-bold">
        <Link href={full} target="_top">
          {agreement.title}
        </Link>
      </h1>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        {agreement.parties.map((code) => {
          const compliance = health.parties[code] ?? null;
          return (
            <div key={code} data-party={code} className="rounded-md border border-rule p-3">
              <dt className="text-sm font-semibold">{format.party(code)}</dt>
              <dd>
                <span className="text-3xl font-bold tabular-nums">
                  {compliance === null ? "—" : format.percent(compliance.percent)}
                </span>
                <span className="sr-only"> {t("compliance")}</span>
                {compliance === null ? null : <PercentBar percent={compliance.percent} className="mt-2 h-2" />}
              </dd>
            </div>
          );
        })}
      </dl>
      <h2 className="mt-3 text-sm font-semibold">{t("commitments")}</h2>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm">
        {HEALTHS.filter((h) => health.counts[h] > 0).map((h) => (
          <li key={h} className={`rounded border px-2 py-0.5 ${HEALTH_CLASSES[h]}`}>
            <span aria-hidden="true">{HEALTH_SYMBOLS[h]} </span>
            {t("count", { count: health.counts[h], health: format.labels.health[h] })}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-muted">
        {t("asOf", { day: format.day(asOf) })} ·{" "}
        <Link href={full} target="_top">
          {t("full")}
        </Link>
      </p>
    </article>
  );
}
