/**
 * What the public scorecard shows of one agreement as of a day: the agreement's health (spec/health.md) and each
 * milestone's state (status, deadline in force, slipped). One function for the scorecard page and the open-data API's
 * milestone table, so that they cannot disagree.
 */
import { agreementContext, evaluateAgreement, indexSources, milestoneState, type MilestoneState } from "./health";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { recordKey } from "./schemas/comments";
import type { Agreement, AgreementHealth, Source } from "./types";

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
