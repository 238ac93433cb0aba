/**
 * A commitment on a time axis, as of a day: each milestone's deadlines, slips and status updates known by then, and
 * each indicator's observations known by then. Pure; the charts of the commitment page draw what this returns.
 */
import { dayNumber, periodEnd, periodStart } from "./dates";
import type { Commitment, Indicator, Observation, PreciseDate, Source, Status } from "./types";

export type TimelineEvent =
  | {
      readonly kind: "STATUS_UPDATE";
      /** The day it became known, `YYYY-MM-DD`. */
      readonly day: string;
      readonly on: PreciseDate;
      readonly status: Status;
      readonly rationale: string;
      readonly sources: readonly string[];
    }
  | {
      readonly kind: "DEADLINE_CHANGE";
      readonly day: string;
      readonly on: PreciseDate;
      /** The deadline in force just before (null when there was none). */
      readonly from: PreciseDate | null;
      readonly to: PreciseDate;
      /** True when it moved the deadline later: a slip. */
      readonly slip: boolean;
      readonly reason: string;
      readonly sources: readonly string[];
    };

export interface MilestoneTimeline {
  readonly id: string;
  readonly title: string;
  /** The deadline first set (known from the agreement's announcement); null when none was stated. */
  readonly originalDeadline: PreciseDate | null;
  /** The deadline in force on the as-of day. */
  readonly deadline: PreciseDate | null;
  /** Known by the as-of day, oldest first (a day's deadline changes before its status updates). */
  readonly events: readonly TimelineEvent[];
}

export interface CommitmentTimeline {
  /** The axis, `YYYY-MM-DD`: from the announcement (or an earlier record) to the later of the as-of day and every deadline known. */
  readonly start: string;
  readonly end: string;
  readonly milestones: readonly MilestoneTimeline[];
}

const min = (a: string, b: string): string => (a < b ? a : b);
const max = (a: string, b: string): string => (a > b ? a : b);

/** The commitment's milestones on a time axis as of `asOf`; `announced` is the agreement's announced date. */
export function commitmentTimeline(commitment: Commitment, announced: PreciseDate, asOf: string): CommitmentTimeline {
  let start = min(periodStart(announced), asOf);
  let end = asOf;
  const milestones = commitment.milestones.map((m): MilestoneTimeline => {
    const events: TimelineEvent[] = [];
    let deadline = m.deadline;
    for (const change of m.deadlineChanges) {
      const day = periodStart(change.on);
      if (day > asOf) continue;
      const slip = deadline !== null && periodEnd(change.to) > periodEnd(deadline);
      events.push({
        kind: "DEADLINE_CHANGE",
        day,
        on: change.on,
        from: deadline,
        to: change.to,
        slip,
        reason: change.reason,
        sources: change.sources,
      });
      deadline = change.to;
    }
    for (const update of m.statusUpdates) {
      const day = periodStart(update.on);
      if (day > asOf) continue;
      events.push({
        kind: "STATUS_UPDATE",
        day,
        on: update.on,
        status: update.status,
        rationale: update.rationale,
        sources: update.sources,
      });
    }
    // Stable: of one day, deadline changes (pushed first) come before status updates.
    events.sort((a, b) => a.day.localeCompare(b.day));
    // Every deadline drawn (the first, each one set since) fits on the axis.
    for (const e of events) {
      start = min(start, e.day);
      if (e.kind === "DEADLINE_CHANGE") end = max(end, periodEnd(e.to));
    }
    if (m.deadline !== null) end = max(end, periodEnd(m.deadline));
    return { id: m.id, title: m.title, originalDeadline: m.deadline, deadline, events };
  });
  return { start, end, milestones };
}

/**
 * The indicator's observations known on `asOf`, by date (then as recorded): an observation is known once both its
 * date and its source's date have come (a November report of a September figure did not exist in October).
 */
export function knownObservations(
  indicator: Indicator,
  sourcesById: ReadonlyMap<string, Source>,
  asOf: string,
): Observation[] {
  return indicator.observations
    .filter((o) => {
      const source = sourcesById.get(o.source);
      return periodStart(o.on) <= asOf && (source === undefined || periodStart(source.published) <= asOf);
    })
    .sort((a, b) => periodStart(a.on).localeCompare(periodStart(b.on)));
}

/** Where a day falls between `start` and `end` (0 at start, 1 at end); 0 when the span is a single day. */
export function dayFraction(day: string, start: string, end: string): number {
  const span = dayNumber(end) - dayNumber(start);
  return span <= 0 ? 0 : (dayNumber(day) - dayNumber(start)) / span;
}

/**
 * Ticks for a time axis: the first day of months from `start` to `end`, every `step` months so that there are at most
 * `most` of them (`YYYY-MM-DD`).
 */
export function monthTicks(start: string, end: string, most = 8): string[] {
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const all: string[] = [];
  for (;;) {
    const day = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
    if (day > end) break;
    if (day >= start) all.push(day);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  const step = Math.max(1, Math.ceil(all.length / Math.max(1, most)));
  return all.filter((_, index) => index % step === 0);
}
