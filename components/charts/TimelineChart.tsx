import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useFormat } from "@/lib/i18n/format";
import { periodEnd } from "@/lib/domain/dates";
import type { CommitmentTimeline } from "@/lib/domain/timeline";
import { TimeAxis, xOf } from "./axis";

const WIDTH = 720;
const LEFT = 12;
const RIGHT = WIDTH - 12;
const ROW = 60;
const TOP = 8;

/**
 * A commitment's milestones on a time axis, drawn server-side as SVG: one row per milestone with its status updates
 * (circles), the deadlines it has had (diamonds; the one in force filled) and each slip (an arrow from the old deadline
 * to the new), and the as-of day as a dashed line. Visual only (aria-hidden): the table beside it says the same.
 */
export function TimelineChart({ timeline, asOf }: { timeline: CommitmentTimeline; asOf: string }) {
  const { start, end, milestones } = timeline;
  const height = TOP + milestones.length * ROW + 32;
  const axisY = TOP + milestones.length * ROW + 4;
  const x = (day: string) => xOf(day, start, end, LEFT, RIGHT);
  const asOfX = x(asOf);
  const t = useTranslations("charts.timeline");
  const asOfLabel = t("asOf");
  // Room for the label left of the right edge: 40 fits "as of"; a longer label needs more (about 6.5 per character).
  const labelRoom = Math.max(40, Math.ceil(asOfLabel.length * 6.5));

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-3xl text-stone-900"
      aria-hidden="true"
      data-chart="timeline"
    >
      <TimeAxis start={start} end={end} left={LEFT} right={RIGHT} top={TOP} y={axisY} />
      <line x1={asOfX} x2={asOfX} y1={TOP} y2={axisY} stroke="currentColor" strokeDasharray="4 3" />
      <text x={Math.min(asOfX + 4, RIGHT - labelRoom)} y={TOP + 10} fontSize={11} fill="currentColor">
        {asOfLabel}
      </text>
      {milestones.map((m, index) => {
        const rowTop = TOP + index * ROW;
        const trackY = rowTop + 38;
        const deadlines = [
          ...(m.originalDeadline ? [m.originalDeadline] : []),
          ...m.events.flatMap((e) => (e.kind === "DEADLINE_CHANGE" ? [e.to] : [])),
        ];
        return (
          <g key={m.id}>
            <text x={LEFT} y={rowTop + 20} fontSize={13} fontWeight={600} fill="currentColor">
              {m.title.length > 90 ? `${m.title.slice(0, 89)}…` : m.title}
            </text>
            <line x1={LEFT} x2={RIGHT} y1={trackY} y2={trackY} stroke="currentColor" strokeOpacity={0.3} />
            {m.events.map((e, i) =>
              e.kind === "DEADLINE_CHANGE" && e.from !== null ? (
                <path
                  key={`slip-${i}`}
                  d={`M ${x(periodEnd(e.from))} ${trackY - 10} Q ${(x(periodEnd(e.from)) + x(periodEnd(e.to))) / 2} ${trackY - 24} ${x(periodEnd(e.to))} ${trackY - 10}`}
                  fill="none"
                  stroke="#c2410c"
                  strokeWidth={2}
                  markerEnd="url(#slip-arrow)"
                />
              ) : null,
            )}
            {deadlines.map((d, i) => {
              const dx = x(periodEnd(d));
              const inForce = m.deadline !== null && i === deadlines.length - 1;
              return (
                <path
                  key={`deadline-${i}`}
                  d={`M ${dx} ${trackY - 7} L ${dx + 7} ${trackY} L ${dx} ${trackY + 7} L ${dx - 7} ${trackY} Z`}
                  fill={inForce ? "currentColor" : "white"}
                  stroke="currentColor"
                  strokeWidth={1.5}
                />
              );
            })}
            {m.events.map((e, i) =>
              e.kind === "STATUS_UPDATE" ? (
                <circle key={`status-${i}`} cx={x(e.day)} cy={trackY} r={5} fill="#0369a1" stroke="white" />
              ) : null,
            )}
          </g>
        );
      })}
      <defs>
        <marker id="slip-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#c2410c" />
        </marker>
      </defs>
    </svg>
  );
}

/** The timeline's text: every event by day, for screen readers and for anyone who prefers a table. */
export function TimelineTable({
  timeline,
  milestoneHref,
}: {
  timeline: CommitmentTimeline;
  milestoneHref: (milestone: string) => string;
}) {
  const t = useTranslations("charts.timeline");
  const format = useFormat();
  const rows = timeline.milestones
    .flatMap((m) => [
      ...(m.originalDeadline
        ? [{ day: "", sort: "0", m, what: t("deadlineFirstSet"), detail: format.date(m.originalDeadline) }]
        : []),
      ...m.events.map((e) =>
        e.kind === "STATUS_UPDATE"
          ? {
              day: e.day,
              sort: e.day,
              m,
              what: t("status", { status: format.labels.status[e.status] }),
              detail: e.rationale,
            }
          : {
              day: e.day,
              sort: e.day,
              m,
              what: e.slip ? t("deadlineSlipped") : t("deadlineSet"),
              detail: `${e.from ? `${format.date(e.from)} → ` : ""}${format.date(e.to)}. ${e.reason}`,
            },
      ),
    ])
    .sort((a, b) => a.sort.localeCompare(b.sort));
  return (
    <table className="mt-4 w-full text-left text-sm">
      <caption className="sr-only">{t("caption")}</caption>
      <thead>
        <tr className="border-b border-rule">
          <th scope="col" className="py-1 pr-3">
            {t("day")}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t("milestone")}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t("event")}
          </th>
          <th scope="col" className="py-1">
            {t("detail")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className="border-b border-rule align-top">
            <td className="py-1 pr-3 whitespace-nowrap">
              {row.day === "" ? t("fromTheStart") : <time dateTime={row.day}>{format.day(row.day)}</time>}
            </td>
            <td className="py-1 pr-3">
              <Link href={milestoneHref(row.m.id)}>{row.m.title}</Link>
            </td>
            <td className="py-1 pr-3">{row.what}</td>
            <td className="py-1">{row.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
