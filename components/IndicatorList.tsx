import { useTranslations } from "next-intl";
import { periodStart } from "@/lib/domain/dates";
import type { Indicator, Observation, Source } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { SourceCitation } from "./SourceCitation";

/**
 * The latest observation known on `asOf` (of several on one date, the last recorded); null when none yet.
 * An observation is known once both its date and its source's date have come: a November report of a September
 * figure did not exist in October.
 */
function latestObservation(
  indicator: Indicator,
  sourcesById: ReadonlyMap<string, Source>,
  asOf: string,
): Observation | null {
  let latest: Observation | null = null;
  for (const observation of indicator.observations) {
    const on = periodStart(observation.on);
    const source = sourcesById.get(observation.source);
    const reported = source === undefined || periodStart(source.published) <= asOf;
    if (on <= asOf && reported && (latest === null || on >= periodStart(latest.on))) latest = observation;
  }
  return latest;
}

interface IndicatorListProps {
  indicators: readonly Indicator[];
  sourcesById: ReadonlyMap<string, Source>;
  asOf: string;
  idPrefix: string;
  /** Where a source's page is, when it links to one. */
  sourceHref?: (source: string) => string;
}

/** A commitment's numbers: for each indicator, the latest value known on the as-of date, with its source. */
export function IndicatorList({ indicators, sourcesById, asOf, idPrefix, sourceHref }: IndicatorListProps) {
  const t = useTranslations("commitment.indicatorList");
  const format = useFormat();
  if (indicators.length === 0) return null;
  const headingId = `${idPrefix}-indicators`;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h4 id={headingId} className="text-base font-semibold">
        {t("title")}
      </h4>
      <ul className="mt-2 space-y-3">
        {indicators.map((indicator) => {
          const observation = latestObservation(indicator, sourcesById, asOf);
          const source = observation ? sourcesById.get(observation.source) : undefined;
          return (
            <li
              key={indicator.id}
              id={`indicator-${indicator.id}`}
              className="rounded-lg border border-rule bg-white p-4"
            >
              <h5 className="font-semibold">{indicator.title}</h5>
              {observation ? (
                <>
                  <p className="mt-1">
                    <data value={observation.value} className="text-3xl font-bold tabular-nums">
                      {format.number(observation.value)}
                    </data>{" "}
                    <span className="text-muted">{indicator.unit}</span>
                  </p>
                  <p className="text-sm text-muted">
                    {t.rich("figureFor", {
                      date: format.date(observation.on),
                      time: (chunks) => <time dateTime={observation.on.date}>{chunks}</time>,
                    })}
                    {indicator.target !== undefined ? (
                      <> {t("target", { target: format.number(indicator.target), unit: indicator.unit })}</>
                    ) : null}
                  </p>
                  {source ? (
                    <p className="mt-2 text-sm">
                      <SourceCitation source={source} {...(sourceHref ? { href: sourceHref(source.id) } : {})} />
                    </p>
                  ) : null}
                  <blockquote className="mt-1 border-l-4 border-rule pl-3 text-sm italic">
                    <p>{observation.quote}</p>
                  </blockquote>
                </>
              ) : (
                <p className="mt-1 text-sm text-muted">
                  {indicator.target !== undefined
                    ? t("noneWithTarget", { target: format.number(indicator.target), unit: indicator.unit })
                    : t("none")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
