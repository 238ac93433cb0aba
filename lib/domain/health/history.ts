/**
 * Health history (spec/health.md, "Change over time"): a milestone evaluated at every date on which an input
 * changes or a flag takes effect, kept where its health or its set of (flag, since) changes.
 *
 * Health as a function of T can only change on these dates:
 * - a record becomes known: the announced date, each status update, deadline change and linked source;
 * - a deadline (the original or any change's new one) passes (end + 1) or enters its warning window
 *   (end − warnBeforeDays);
 * - an activity date (announced, status update, linked source) becomes stale (date + staleAfterDays + 1).
 * Between two of them every rule reads the same records and compares T with the same thresholds.
 */
import { periodStart } from "../dates";
import type {
  Agreement,
  Commitment,
  CommitmentHealthHistoryEntry,
  Health,
  HealthHistoryEntry,
  Milestone,
} from "../types";
import { commitmentAt } from "./aggregate";
import { DEFAULT_LOCALE, type Locale } from "../locale";
import { type AgreementContext, type SourceIndex, agreementContext } from "./context";
import { asOfDay, dayOf, endOf, isoOf } from "./days";
import {
  CONTRADICTED,
  DORMANT,
  DUE_SOON,
  MilestoneScan,
  OVERDUE,
  SLIPPED,
  raisedFlags,
  scanMilestone,
} from "./milestone";

/** The days of the milestone's records: activity (announced, status updates, linked sources) and deadline changes. */
function recordDays(m: Milestone, ctx: AgreementContext): { activity: number[]; known: number[] } {
  const activity: number[] = [dayOf(periodStart(ctx.announced))];
  const known: number[] = [];
  for (const u of m.statusUpdates) activity.push(dayOf(periodStart(u.on)));
  for (const link of m.evidence) {
    const source = ctx.sources.get(link.source);
    if (source !== undefined) activity.push(dayOf(periodStart(source.published)));
  }
  for (const c of m.deadlineChanges) known.push(dayOf(periodStart(c.on)));
  return { activity, known };
}

/** The history starts at the announced date, or at the milestone's earliest record when that is earlier. */
function startOf(days: { activity: number[]; known: number[] }): number {
  let start = days.activity[0]!; // the announced date
  for (const d of days.activity) if (d < start) start = d;
  for (const d of days.known) if (d < start) start = d;
  return start;
}

/**
 * Every day from the start to `untilDay` on which the milestone's health may change, the start included. The start
 * is the milestone's own history start unless `from` is given (a commitment's, whose milestones may start earlier).
 */
function candidateDays(m: Milestone, untilDay: number, ctx: AgreementContext, from?: number): number[] {
  const { staleAfterDays, warnBeforeDays } = ctx.settings;
  const records = recordDays(m, ctx);
  const { activity, known } = records;
  const start = from ?? startOf(records);
  if (start > untilDay) return [];

  const days = new Set<number>([start]);
  const add = (d: number) => {
    if (d >= start && d <= untilDay) days.add(d);
  };
  for (const d of activity) {
    add(d);
    add(d + staleAfterDays + 1);
  }
  for (const d of known) add(d);
  const deadlines = m.deadline === null ? [] : [m.deadline];
  for (const c of m.deadlineChanges) deadlines.push(c.to);
  for (const deadline of deadlines) {
    const end = dayOf(endOf(deadline));
    add(end + 1);
    add(end - warnBeforeDays);
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * The milestone's health history up to `until` (`YYYY-MM-DD`), oldest first. Each entry is exactly
 * evaluateMilestone at its date and holds until the next entry. An entry is kept only when the health or the set
 * of (flag, since) differs from the previous one, so a reason that merely gets longer (a second slip) does not make
 * an entry of its own.
 */
export function milestoneHealthHistory(m: Milestone, until: string, ctx: AgreementContext): HealthHistoryEntry[] {
  const untilDay = asOfDay(until, "until");
  const history: HealthHistoryEntry[] = [];
  const s = new MilestoneScan();
  let health: Health | null = null;
  let flags = -1;
  let since = "";
  for (const day of candidateDays(m, untilDay, ctx)) {
    const T = isoOf(day);
    scanMilestone(m, T, day, ctx, s, false);
    // The (flag, since) set as one comparable key; the since dates of flags that are not raised are left out.
    const f = s.flags;
    const key =
      f === 0
        ? ""
        : `${f & OVERDUE ? s.overdueSince : ""}|${f & CONTRADICTED ? s.contradictedSince : ""}|${
            f & SLIPPED ? s.slippedSince : ""
          }|${f & DORMANT ? s.dormantSince : ""}|${f & DUE_SOON ? s.dueSoonSince : ""}`;
    if (s.health !== health || s.flags !== flags || key !== since) {
      health = s.health;
      flags = s.flags;
      since = key;
      history.push({ date: T, health: s.health, flags: raisedFlags(m, ctx, s) });
    }
  }
  return history;
}

/** The health history of every milestone of the agreement, in display order. */
export function agreementHealthHistory(
  a: Agreement,
  until: string,
  sources: SourceIndex,
  locale: Locale = DEFAULT_LOCALE,
): Array<{ commitment: string; milestone: string; history: HealthHistoryEntry[] }> {
  asOfDay(until, "until");
  const ctx = agreementContext(a, sources, locale);
  const out: Array<{ commitment: string; milestone: string; history: HealthHistoryEntry[] }> = [];
  for (const c of a.commitments) {
    for (const m of c.milestones) {
      out.push({ commitment: c.id, milestone: m.id, history: milestoneHealthHistory(m, until, ctx) });
    }
  }
  return out;
}

/**
 * The commitment's health history up to `until`, oldest first: an entry wherever its health changes, from the
 * earliest start of its milestones' histories. A commitment's health is a function of its milestones' healths
 * alone, so it can only change on a day where one of them may change: the union of their candidate days from that
 * common start (a milestone whose own history starts later may still change health before it, e.g. by passing a
 * deadline). Each entry is evaluateCommitment at its day (the scorecard's own computation). A commitment with no
 * milestone has no history.
 */
export function commitmentHealthHistory(
  c: Commitment,
  until: string,
  ctx: AgreementContext,
): CommitmentHealthHistoryEntry[] {
  const untilDay = asOfDay(until, "until");
  if (c.milestones.length === 0) return [];
  let start = Infinity;
  for (const m of c.milestones) start = Math.min(start, startOf(recordDays(m, ctx)));
  const days = new Set<number>();
  for (const m of c.milestones) for (const day of candidateDays(m, untilDay, ctx, start)) days.add(day);
  const history: CommitmentHealthHistoryEntry[] = [];
  let health: Health | null = null;
  for (const day of [...days].sort((a, b) => a - b)) {
    const T = isoOf(day);
    const h = commitmentAt(c, T, day, ctx);
    if (h.health !== health) {
      health = h.health;
      history.push({ date: T, health: h.health, progress: h.progress, score: h.score });
    }
  }
  return history;
}
