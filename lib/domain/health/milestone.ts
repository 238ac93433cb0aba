/**
 * Milestone health (spec/health.md, "Milestone"): the latest status, the current deadline, the slips, the evidence,
 * and from them the flags, their dates and their reasons, as of a day T.
 *
 * Hot path: dates are compared as ISO strings (lexicographic order is date order), day numbers come from memoised
 * helpers, and one reusable MilestoneScan holds the intermediate facts so that evaluating a milestone allocates only
 * its output.
 */
import { periodStart } from "../dates";
import type {
  DeadlineChange,
  Health,
  Milestone,
  MilestoneHealth,
  PreciseDate,
  RaisedFlag,
  Stance,
  Status,
} from "../types";
import type { AgreementContext } from "./context";
import { asOfDay, dayOf, endOf, isoOf } from "./days";
import { reasonWriter } from "./reasons";

// One bit per flag; reasons are printed in FLAGS order, which is the order of these bits.
export const OVERDUE = 1;
export const CONTRADICTED = 2;
export const SLIPPED = 4;
export const DORMANT = 8;
export const DUE_SOON = 16;

/** The facts the rules read about one milestone as of T, and what they decide. Reused between evaluations. */
export class MilestoneScan {
  status: Status = "NOT_STARTED";
  /** Index in statusUpdates of the latest update dated ≤ T; -1 when there is none. */
  statusIndex = -1;
  /** First day of the latest status update, or of the agreement's announced date when there is none. */
  statusDay = "";
  /** The deadline in force at T. */
  deadline: PreciseDate | null = null;
  /** periodEnd(deadline); "" when there is none. */
  deadlineEnd = "";
  /** Number of deadline changes dated ≤ T that moved the deadline later. */
  slips = 0;
  /** Index in deadlineChanges of the first of them; -1 when none. */
  firstSlip = -1;
  /** The deadline in force just before the first slip. */
  beforeFirstSlip: PreciseDate | null = null;
  /** First day of the latest linked source dated ≤ T; "" when none. */
  latestSourceDay = "";
  /** Index in evidence of the delaying link named by CONTRADICTED (first in array order on the latest date); -1. */
  delayingLink = -1;
  /** The latest of statusDay and latestSourceDay: what DORMANT counts from. */
  activityDay = "";
  health: Health = "ON_TRACK";
  /** Raised flags as bits; 0 for a terminal milestone. */
  flags = 0;
  overdueSince = "";
  contradictedSince = "";
  slippedSince = "";
  dormantSince = "";
  dueSoonSince = "";
}

const NO_FLAGS: readonly RaisedFlag[] = Object.freeze([]);

function terminalHealth(status: Status): Health | null {
  switch (status) {
    case "COMPLETE":
      return "DONE";
    case "PARTIAL":
      return "PARTIAL";
    case "ABANDONED":
      return "BROKEN";
    default:
      return null;
  }
}

function isDelaying(stance: Stance): boolean {
  return stance === "INDICATES_DELAY" || stance === "CONTRADICTS";
}

/** True when the records are in date order (the documented order, so nearly always). */
function inDateOrder(records: readonly { readonly on: PreciseDate }[]): boolean {
  for (let i = 1; i < records.length; i++) {
    if (periodStart(records[i]!.on) < periodStart(records[i - 1]!.on)) return false;
  }
  return true;
}

/** Indices of the records by date, ties by array index: the order in which they took effect. */
function effectiveOrder(records: readonly { readonly on: PreciseDate }[]): number[] {
  const order = records.map((_, i) => i);
  order.sort((a, b) => {
    const da = periodStart(records[a]!.on);
    const db = periodStart(records[b]!.on);
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  return order;
}

/** Walks the deadline changes dated ≤ T in the order they took effect: the current deadline and the slips. */
function scanDeadlines(changes: readonly DeadlineChange[], original: PreciseDate | null, T: string, s: MilestoneScan) {
  let current = original;
  let currentEnd = current === null ? "" : endOf(current);
  let slips = 0;
  let firstSlip = -1;
  let beforeFirstSlip: PreciseDate | null = null;
  if (changes.length > 0) {
    const order = inDateOrder(changes) ? null : effectiveOrder(changes);
    for (let k = 0; k < changes.length; k++) {
      const i = order === null ? k : order[k]!;
      const change = changes[i]!;
      if (periodStart(change.on) > T) break; // effective order: every later one is after T too
      const toEnd = endOf(change.to);
      // A first deadline (from none) is not a slip; a later one than the deadline in force is.
      if (current !== null && toEnd > currentEnd) {
        if (slips === 0) {
          firstSlip = i;
          beforeFirstSlip = current;
        }
        slips++;
      }
      current = change.to;
      currentEnd = toEnd;
    }
  }
  s.deadline = current;
  s.deadlineEnd = currentEnd;
  s.slips = slips;
  s.firstSlip = firstSlip;
  s.beforeFirstSlip = beforeFirstSlip;
}

/**
 * Fills `s` with the facts and decisions about `m` as of T (`tDay` = dayNumber(T)). With `full` false a terminal
 * milestone stops after its status, since nothing else decides its health.
 */
export function scanMilestone(
  m: Milestone,
  T: string,
  tDay: number,
  ctx: AgreementContext,
  s: MilestoneScan,
  full: boolean,
): void {
  // The latest status update dated ≤ T: by date, of several on one date the later in the array.
  let statusIndex = -1;
  let statusDay = "";
  let i = 0;
  for (const update of m.statusUpdates) {
    const d = periodStart(update.on);
    if (d <= T && (statusIndex < 0 || d >= statusDay)) {
      statusIndex = i;
      statusDay = d;
    }
    i++;
  }
  const status = statusIndex < 0 ? "NOT_STARTED" : m.statusUpdates[statusIndex]!.status;
  s.status = status;
  s.statusIndex = statusIndex;
  s.statusDay = statusIndex < 0 ? periodStart(ctx.announced) : statusDay;
  s.flags = 0;

  const terminal = terminalHealth(status);
  if (terminal !== null && !full) {
    s.health = terminal;
    return;
  }
  scanDeadlines(m.deadlineChanges, m.deadline, T, s);
  if (terminal !== null) {
    s.health = terminal;
    return;
  }

  // The latest linked source dated ≤ T, and the first delaying link on that date. Unknown sources do not exist.
  const sources = ctx.sources;
  let latestSourceDay = "";
  let delayingLink = -1;
  i = 0;
  for (const link of m.evidence) {
    const source = sources.get(link.source);
    if (source !== undefined) {
      const d = periodStart(source.published);
      if (d <= T) {
        if (d > latestSourceDay) {
          latestSourceDay = d;
          delayingLink = isDelaying(link.stance) ? i : -1;
        } else if (d === latestSourceDay && delayingLink < 0 && isDelaying(link.stance)) {
          delayingLink = i;
        }
      }
    }
    i++;
  }
  s.latestSourceDay = latestSourceDay;
  s.delayingLink = delayingLink;

  const { staleAfterDays, warnBeforeDays } = ctx.settings;
  let flags = 0;
  if (s.deadline !== null && T > s.deadlineEnd) {
    flags |= OVERDUE;
    s.overdueSince = isoOf(dayOf(s.deadlineEnd) + 1);
  }
  if (delayingLink >= 0 && latestSourceDay >= s.statusDay) {
    flags |= CONTRADICTED;
    s.contradictedSince = latestSourceDay;
  }
  if (s.slips > 0) {
    flags |= SLIPPED;
    s.slippedSince = periodStart(m.deadlineChanges[s.firstSlip]!.on);
  }
  const activityDay = latestSourceDay > s.statusDay ? latestSourceDay : s.statusDay;
  s.activityDay = activityDay;
  const activity = dayOf(activityDay);
  if (tDay - activity > staleAfterDays) {
    flags |= DORMANT;
    s.dormantSince = isoOf(activity + staleAfterDays + 1);
  }
  if (status === "NOT_STARTED" && s.deadline !== null && T <= s.deadlineEnd) {
    const end = dayOf(s.deadlineEnd);
    if (end - tDay <= warnBeforeDays) {
      flags |= DUE_SOON;
      s.dueSoonSince = isoOf(end - warnBeforeDays);
    }
  }
  s.flags = flags;
  s.health =
    (flags & (OVERDUE | CONTRADICTED)) !== 0 || (flags & (SLIPPED | DORMANT)) === (SLIPPED | DORMANT)
      ? "STALLED"
      : flags !== 0
        ? "AT_RISK"
        : "ON_TRACK";
}

// ---- Reasons ----

const QUOTE_MAX = 80;
const TRIMMED_AT_CUT = " \t\n,;:.-–—";

/** A quote cut to at most 80 characters at a word boundary, with "…" when it was longer. */
export function shortQuote(quote: string): string {
  const q = quote.trim();
  if (q.length <= QUOTE_MAX) return q;
  let end = q.lastIndexOf(" ", QUOTE_MAX);
  while (end > 0 && TRIMMED_AT_CUT.includes(q[end - 1]!)) end--;
  if (end <= 0) {
    // One word longer than the limit: cut inside it, never between the halves of a surrogate pair.
    end = QUOTE_MAX;
    const code = q.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
  }
  return `${q.slice(0, end)}…`;
}

function overdueReason(ctx: AgreementContext, s: MilestoneScan): string {
  return reasonWriter(ctx.locale).overdue(s.overdueSince, s.deadline!);
}

function contradictedReason(m: Milestone, ctx: AgreementContext, s: MilestoneScan): string {
  const link = m.evidence[s.delayingLink]!;
  const source = ctx.sources.get(link.source)!;
  const stance = link.stance === "CONTRADICTS" ? "CONTRADICTS" : "INDICATES_DELAY";
  return reasonWriter(ctx.locale).contradicted(source.outlet, source.published, stance, shortQuote(link.quote));
}

function slippedReason(m: Milestone, ctx: AgreementContext, s: MilestoneScan): string {
  const first = m.deadlineChanges[s.firstSlip]!;
  return reasonWriter(ctx.locale).slipped(s.slips, first.on, s.beforeFirstSlip!, first.to);
}

function dormantReason(ctx: AgreementContext, s: MilestoneScan): string {
  return reasonWriter(ctx.locale).dormant(s.activityDay, ctx.settings.staleAfterDays);
}

function dueSoonReason(ctx: AgreementContext, s: MilestoneScan): string {
  return reasonWriter(ctx.locale).dueSoon(s.deadlineEnd, s.deadline!);
}

/** The raised flags of a scanned milestone, in reason order, with their reasons. */
export function raisedFlags(m: Milestone, ctx: AgreementContext, s: MilestoneScan): readonly RaisedFlag[] {
  const flags = s.flags;
  if (flags === 0) return NO_FLAGS;
  const out: RaisedFlag[] = [];
  if (flags & OVERDUE) out.push({ flag: "OVERDUE", since: s.overdueSince, reason: overdueReason(ctx, s) });
  if (flags & CONTRADICTED) {
    out.push({ flag: "CONTRADICTED", since: s.contradictedSince, reason: contradictedReason(m, ctx, s) });
  }
  if (flags & SLIPPED) out.push({ flag: "SLIPPED", since: s.slippedSince, reason: slippedReason(m, ctx, s) });
  if (flags & DORMANT) out.push({ flag: "DORMANT", since: s.dormantSince, reason: dormantReason(ctx, s) });
  if (flags & DUE_SOON) out.push({ flag: "DUE_SOON", since: s.dueSoonSince, reason: dueSoonReason(ctx, s) });
  return out;
}

// ---- Public API ----

const scratch = new MilestoneScan();

/** evaluateMilestone for a T already validated, with tDay = dayNumber(T). */
export function milestoneAt(m: Milestone, T: string, tDay: number, ctx: AgreementContext): MilestoneHealth {
  scanMilestone(m, T, tDay, ctx, scratch, false);
  return { id: m.id, health: scratch.health, flags: raisedFlags(m, ctx, scratch) };
}

/** The inputs of the rules as of T. */
export interface MilestoneState {
  /** The latest status update's status; NOT_STARTED when there is no update dated ≤ T. */
  status: Status;
  /** The date of that update; null when there is none (the status then counts from the announced date). */
  statusOn: PreciseDate | null;
  /** The current deadline as of T: the latest deadline change dated ≤ T, else the original; null when none. */
  deadline: PreciseDate | null;
  /** True when a deadline change dated ≤ T moved the deadline later. */
  slipped: boolean;
}

export function milestoneState(m: Milestone, asOf: string, ctx: AgreementContext): MilestoneState {
  const tDay = asOfDay(asOf);
  const s = new MilestoneScan();
  scanMilestone(m, asOf, tDay, ctx, s, true);
  return {
    status: s.status,
    statusOn: s.statusIndex < 0 ? null : m.statusUpdates[s.statusIndex]!.on,
    deadline: s.deadline,
    slipped: s.slips > 0,
  };
}

/** A milestone's health, flags and reasons as of `asOf` (`YYYY-MM-DD`). */
export function evaluateMilestone(m: Milestone, asOf: string, ctx: AgreementContext): MilestoneHealth {
  return milestoneAt(m, asOf, asOfDay(asOf), ctx);
}
