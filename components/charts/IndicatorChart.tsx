import { useTranslations } from "next-intl";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import { periodStart } from "@/lib/domain/dates";
import type { Indicator, Observation, Source } from "@/lib/domain/types";
import { SourceCitation } from "../SourceCitation";
import { TimeAxis, xOf } from "./axis";

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 56;
const RIGHT = WIDTH - 16;
const TOP = 16;
const BOTTOM = HEIGHT - 32;

interface IndicatorChartProps {
  indicator: Indicator;
  /** The observations known on the day shown, by date. */
  observations: readonly Observation[];
  /** The time axis, `YYYY-MM-DD`. */
  start: string;
  end: string;
  sourceHref: (source: string) => string;
}

/**
 * An indicator's observations as points over time (server-side SVG), with its target as a dashed line; each point
 * links to the page of the source that reports it. Visual only: the table beside it holds the same figures and links,
 * so the chart is hidden from assistive technology and its links are out of the tab order.
 */
export function IndicatorChart({ indicator, observations, start, end, sourceHref }: IndicatorChartProps) {
  const t = useTranslations("charts.indicator");
  const format = useFormat();
  const top = Math.max(1, indicator.target ?? 0, ...observations.map((o) => o.value)) * 1.1;
  const y = (value: number) => BOTTOM - (value / top) * (BOTTOM - TOP);
  const x = (day: string) => xOf(day, start, end, LEFT, RIGHT);
  const points = observations.map((o) => ({ o, cx: x(periodStart(o.on)), cy: y(o.value) }));
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-3xl text-stone-900"
      aria-hidden="true"
      data-chart="indicator"
    >
      <TimeAxis start={start} end={end} left={LEFT} right={RIGHT} top={TOP} y={BOTTOM} />
      {[0, top / 2, top].map((value) => (
        <text key={value} x={LEFT - 6} y={y(value) + 4} textAnchor="end" fontSize={11} fill="currentColor">
          {format.number(Math.round(value))}
        </text>
      ))}
      {indicator.target !== undefined ? (
        <g>
          <line
            x1={LEFT}
            x2={RIGHT}
            y1={y(indicator.target)}
            y2={y(indicator.target)}
            stroke="#047857"
            strokeDasharray="6 4"
          />
          <text x={RIGHT} y={y(indicator.target) - 4} textAnchor="end" fontSize={11} fill="#047857">
            {t("target", { target: format.number(indicator.target) })}
          </text>
        </g>
      ) : null}
      {points.length > 1 ? (
        <polyline
          points={points.map((p) => `${p.cx},${p.cy}`).join(" ")}
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
        />
      ) : null}
      {points.map(({ o, cx, cy }, index) => (
        <a
          key={index}
          href={getPathname({ href: sourceHref(o.source), locale: format.locale })}
          tabIndex={-1}
          data-point-source={o.source}
        >
          <circle cx={cx} cy={cy} r={6} fill="#0369a1" stroke="white" strokeWidth={2} />
          <text x={cx + 9} y={cy - 8} fontSize={12} fontWeight={600} fill="currentColor">
            {format.number(o.value)}
          </text>
        </a>
      ))}
    </svg>
  );
}

/** The indicator's figures as a table: the chart's text alternative, each row citing and linking its source. */
export function IndicatorTable({
  indicator,
  observations,
  sourcesById,
  sourceHref,
}: Omit<IndicatorChartProps, "start" | "end"> & { sourcesById: ReadonlyMap<string, Source> }) {
  const t = useTranslations("charts.indicator");
  const format = useFormat();
  if (observations.length === 0) {
    return <p className="mt-2 text-sm text-muted">{t("none")}</p>;
  }
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="sr-only">{t("caption", { indicator: indicator.title, unit: indicator.unit })}</caption>
      <thead>
        <tr className="border-b border-rule">
          <th scope="col" className="py-1 pr-3">
            {t("figureFor")}
          </th>
          <th scope="col" className="py-1 pr-3 text-right">
            {t("value", { unit: indicator.unit })}
          </th>
          <th scope="col" className="py-1">
            {t("sourceAndQuote")}
          </th>
        </tr>
      </thead>
      <tbody>
        {observations.map((o, index) => {
          const source = sourcesById.get(o.source);
          return (
            <tr key={index} className="border-b border-rule align-top" data-observation={o.on.date}>
              <td className="py-1 pr-3 whitespace-nowrap">
                <time dateTime={o.on.date}>{format.date(o.on)}</time>
              </td>
              <td className="py-1 pr-3 text-right font-semibold tabular-nums">{format.number(o.value)}</td>
              <td className="py-1">
                {source ? (
                  <SourceCitation source={source} href={sourceHref(source.id)} />
                ) : (
                  <Link href={sourceHref(o.source)}>{o.source}</Link>
                )}
                <blockquote className="mt-1 border-l-4 border-rule pl-3 italic">
                  <p>{o.quote}</p>
                </blockquote>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
