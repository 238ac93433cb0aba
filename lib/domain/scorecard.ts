/**
 * What the public scorecard shows of one agreement as of a day: the agreement's health (spec/health.md) and each
 * milestone's state (status, deadline in force, slipped). One function for the scorecard page and the open-data API's
 * milestone table, so that they cannot disagree.
 */
import { agreementContext, evaluateAgreement, indexSources, milestoneState, type MilestoneState } from "./health";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { recordKey } from "./schemas/comments";
import type { Agreement, AgreementHealth, Source } from "./types";

/**
 * Above this many milestones an agreement's scorecard is compact: it lists the commitments (health, progress, how
 * many of their milestones are in each health, a link to each commitment's page) and the first stalled milestones,
 * and leaves each milestone's deadline, status, flags and evidence to its commitment's and its own page. A full
 * scorecard costs about 10 KB of page per milestone (21 MB and 2.7 s to render at 2,000 milestones, bench/README.md,
 * "Scale"); the demo's agreements have a few dozen.
 */
export const COMPACT_SCORECARD_MILESTONES = 200;

/** How many stalled milestones a compact scorecard names (the rest are counted on their commitments). */
export const COMPACT_SCORECARD_STALLED = 20;

/** How many milestones the agreement has, in all its commitments. */
export function milestoneCount(agreement: Pick<Agreement, "commitments">): number {
  let count = 0;
  for (const c of agreement.commitments) count += c.milestones.length;
  return count;
}

/** Whether the scorecard of an agreement of `count` milestones is compact (COMPACT_SCORECARD_MILESTONES). */
export function isCompactMilestoneCount(count: number): boolean {
  return count > COMPACT_SCORECARD_MILESTONES;
}

/** Whether the agreement's scorecard is compact (COMPACT_SCORECARD_MILESTONES). */
export function isCompactScorecard(agreement: Pick<Agreement, "commitments">): boolean {
  return isCompactMilestoneCount(milestoneCount(agreement));
}

export interface ScorecardState {
  readonly health: AgreementHealth;
  /** Keyed by recordKey(commitment id, milestone id). */
  readonly milestones: ReadonlyMap<string, MilestoneState>;
}

/**
 * The agreement as of `asOf` (`YYYY-MM-DD`), from the agreement and the sources it cites; the reasons are written in
 * `locale` (the reader's on pages; English, the health document's, in the API).
 */
export function scorecardAt(
  agreement: Agreement,
  sources: readonly Source[],
  asOf: string,
  locale: Locale = DEFAULT_LOCALE,
): ScorecardState {
  const sourceIndex = indexSources(sources);
  const context = agreementContext(agreement, sourceIndex, locale);
  const milestones = new Map<string, MilestoneState>();
  for (const c of agreement.commitments) {
    for (const m of c.milestones) milestones.set(recordKey(c.id, m.id), milestoneState(m, asOf, context));
  }
  return { health: evaluateAgreement(agreement, asOf, sourceIndex, locale), milestones };
}

/**
 * The agreement's health as of `asOf` alone, for the pages and answers that show no milestone's state (the widget,
 * the link preview, the find page, the API's agreement list, a compact scorecard): what scorecardAt's `health` is,
 * without each milestone's state.
 */
export function healthAt(
  agreement: Agreement,
  sources: readonly Source[],
  asOf: string,
  locale: Locale = DEFAULT_LOCALE,
): AgreementHealth {
  return evaluateAgreement(agreement, asOf, indexSources(sources), locale);
}
