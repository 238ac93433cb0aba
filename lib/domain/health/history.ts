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

function candidateDays(m: Milestone, untilDay: number, ctx: AgreementContext): number[] {
  const { staleAfterDays, warnBeforeDays } = ctx.settings;
  const announced = dayOf(periodStart(ctx.announced));
  const activity: number[] = [announced];
  const known: number[] = [];
  for (const u of m.statusUpdates) activity.push(dayOf(periodStart(u.on)));
  for (const link of m.evidence) {
    const source = ctx.sources.get(link.source);
    if (source !== undefined) activity.push(dayOf(periodStart(source.published)));
  }
  for (const c of m.deadlineChanges) known.push(dayOf(periodStart(c.on)));

  // The history starts at the announced date, or at the milestone's earliest record when that is earlier.
  let start = announced;
  for (const d of activity) if (d < start) start = d;
  for (const d of known) if (d < start) start = d;
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
): Array<{ commitment: string; milestone: string; history: HealthHistoryEntry[] }> {
  asOfDay(until, "until");
  const ctx = agreementContext(a, sources);
  const out: Array<{ commitment: string; milestone: string; history: HealthHistoryEntry[] }> = [];
  for (const c of a.commitments) {
    for (const m of c.milestones) {
      out.push({ commitment: c.id, milestone: m.id, history: milestoneHealthHistory(m, until, ctx) });
    }
  }
  return out;
}

/**
 * The commitment's health history up to `until`, oldest first: an entry wherever its health changes. A commitment's
 * health is a function of its milestones' healths alone, so it can only change on a date where one of their
 * histories has an entry; each entry is evaluateCommitment at that date (the scorecard's own computation). A
 * commitment with no milestone has no history.
 */
export function commitmentHealthHistory(
  c: Commitment,
  until: string,
  ctx: AgreementContext,
): CommitmentHealthHistoryEntry[] {
  asOfDay(until, "until");
  const dates = new Set<string>();
  for (const m of c.milestones) for (const entry of milestoneHealthHistory(m, until, ctx)) dates.add(entry.date);
  const history: CommitmentHealthHistoryEntry[] = [];
  let health: Health | null = null;
  for (const T of [...dates].sort()) {
    const h = commitmentAt(c, T, dayOf(T), ctx);
    if (h.health !== health) {
      health = h.health;
      history.push({ date: T, health: h.health, progress: h.progress, score: h.score });
    }
  }
  return history;
}
