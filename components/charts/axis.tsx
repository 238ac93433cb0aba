import { useTranslations } from "next-intl";
import { dayFraction, monthTicks } from "@/lib/domain/timeline";

/** The x of a day on an axis from `start` to `end` drawn between `left` and `right`. */
export function xOf(day: string, start: string, end: string, left: number, right: number): number {
  return left + dayFraction(day, start, end) * (right - left);
}

/** A time axis at `y`: a grid line and a month label at the first of each month. Drawn only: charts are aria-hidden. */
export function TimeAxis({
  start,
  end,
  left,
  right,
  top,
  y,
}: {
  start: string;
  end: string;
  left: number;
  right: number;
  /** Where the grid lines start. */
  top: number;
  y: number;
}) {
  const t = useTranslations("charts.axis");
  // "Jul 2025" / "juil. 2025" for `2025-07-01`.
  const shortMonth = (day: string) => t("month", { month: `m${day.slice(5, 7)}`, year: day.slice(0, 4) });
  return (
    <g className="text-stone-600">
      <line x1={left} x2={right} y1={y} y2={y} stroke="currentColor" />
      {monthTicks(start, end).map((tick) => {
        const x = xOf(tick, start, end, left, right);
        return (
          <g key={tick}>
            <line x1={x} x2={x} y1={top} y2={y + 4} stroke="currentColor" strokeOpacity={0.25} />
            <text x={x} y={y + 18} textAnchor="middle" fontSize={12} fill="currentColor">
              {shortMonth(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
