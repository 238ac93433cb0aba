/**
 * Commitment, party and agreement health (spec/health.md, "Commitment", "Party and agreement") and the health
 * document.
 */
import type {
  Agreement,
  AgreementHealth,
  Commitment,
  CommitmentHealth,
  Dataset,
  Health,
  HealthDocument,
  MilestoneHealth,
  PartyCode,
  PartyCompliance,
} from "../types";
import { DEFAULT_LOCALE, type Locale } from "../locale";
import { type AgreementContext, type SourceIndex, agreementContext, indexSources } from "./context";
import { asOfDay } from "./days";
import { milestoneAt } from "./milestone";

/**
 * Severity, worst first: BROKEN, STALLED, AT_RISK, PARTIAL, ON_TRACK, DONE. PARTIAL sits below AT_RISK because it
 * is final and scores 0 (it will not get worse), and above ON_TRACK because, unlike open work, it can no longer be
 * delivered in full.
 */
const SEVERITY: Readonly<Record<Health, number>> = {
  BROKEN: 0,
  STALLED: 1,
  AT_RISK: 2,
  PARTIAL: 3,
  ON_TRACK: 4,
  DONE: 5,
};

/** Orders healths worst first: negative when `a` is worse than `b`, so `healths.sort(compareHealth)` puts BROKEN first. */
export function compareHealth(a: Health, b: Health): number {
  return SEVERITY[a] - SEVERITY[b];
}

/** Math.round without its negative zero (JSON and equality checks should see 0). */
function round(x: number): number {
  return Math.round(x) + 0;
}

export function commitmentAt(c: Commitment, T: string, tDay: number, ctx: AgreementContext): CommitmentHealth {
  const milestones: MilestoneHealth[] = [];
  let done = 0;
  let partial = 0;
  let broken = 0;
  let stalled = 0;
  let atRisk = 0;
  let open = 0;
  for (const m of c.milestones) {
    const h = milestoneAt(m, T, tDay, ctx);
    milestones.push(h);
    switch (h.health) {
      case "DONE":
        done++;
        break;
      case "PARTIAL":
        partial++;
        break;
      case "BROKEN":
        broken++;
        break;
      case "STALLED":
        stalled++;
        open++;
        break;
      case "AT_RISK":
        atRisk++;
        open++;
        break;
      case "ON_TRACK":
        open++;
        break;
    }
  }
  const n = milestones.length;
  // Worst of BROKEN > STALLED > AT_RISK > ON_TRACK; when all are terminal: DONE, else BROKEN, else PARTIAL.
  let health: Health;
  if (n === 0) health = "ON_TRACK";
  else if (broken > 0) health = "BROKEN";
  else if (open === 0) health = done === n ? "DONE" : "PARTIAL";
  else health = stalled > 0 ? "STALLED" : atRisk > 0 ? "AT_RISK" : "ON_TRACK";
  // (done + ½ partial) / n × 100 computed on whole numbers, so that a half is exactly a half before rounding.
  const progress = n === 0 ? 0 : round(((2 * done + partial) * 50) / n);
  const score = health === "DONE" ? 1 : health === "BROKEN" || health === "STALLED" ? -1 : 0;
  return { id: c.id, health, progress, score, milestones };
}

/**
 * Weighted mean of the scores; null when the party is responsible for nothing (or only for weightless commitments).
 * Divides last (Σ w·s × 100 / Σ w) so that a mean that is exactly a half-hundredth rounds as a half.
 */
function compliance(weightedScores: number, weights: number, count: number): PartyCompliance | null {
  if (count === 0 || !(weights > 0)) return null;
  return {
    mean: round((weightedScores * 100) / weights) / 100,
    percent: round(((weightedScores + weights) * 50) / weights),
  };
}

export function agreementAt(
  a: Agreement,
  T: string,
  tDay: number,
  sources: SourceIndex,
  locale: Locale = DEFAULT_LOCALE,
): AgreementHealth {
  const ctx = agreementContext(a, sources, locale);
  const counts: Record<Health, number> = { ON_TRACK: 0, AT_RISK: 0, STALLED: 0, DONE: 0, PARTIAL: 0, BROKEN: 0 };
  const commitments: CommitmentHealth[] = [];
  const [first, second] = a.parties;
  let firstScores = 0;
  let firstWeights = 0;
  let firstCount = 0;
  let secondScores = 0;
  let secondWeights = 0;
  let secondCount = 0;
  for (const c of a.commitments) {
    const h = commitmentAt(c, T, tDay, ctx);
    commitments.push(h);
    counts[h.health]++;
    const joint = c.responsible === "joint";
    if (joint || c.responsible === first) {
      firstScores += c.weight * h.score;
      firstWeights += c.weight;
      firstCount++;
    }
    if (joint || c.responsible === second) {
      secondScores += c.weight * h.score;
      secondWeights += c.weight;
      secondCount++;
    }
  }
  const parties: Record<PartyCode, PartyCompliance | null> = {};
  parties[first] = compliance(firstScores, firstWeights, firstCount);
  parties[second] = compliance(secondScores, secondWeights, secondCount);
  return { slug: a.slug, parties, counts, commitments };
}

export function evaluateCommitment(c: Commitment, asOf: string, ctx: AgreementContext): CommitmentHealth {
  return commitmentAt(c, asOf, asOfDay(asOf), ctx);
}

/** The agreement's health as of a day; reasons in `locale` (English, the health document's, by default). */
export function evaluateAgreement(
  a: Agreement,
  asOf: string,
  sources: SourceIndex,
  locale: Locale = DEFAULT_LOCALE,
): AgreementHealth {
  return agreementAt(a, asOf, asOfDay(asOf), sources, locale);
}

/** The health document of spec/health.md: agreements in dataset order, only the one with slug `agreement` if given. */
export function evaluateDataset(d: Dataset, asOf: string, options?: { agreement?: string }): HealthDocument {
  const tDay = asOfDay(asOf);
  const sources = indexSources(d.sources);
  const only = options?.agreement;
  const agreements: AgreementHealth[] = [];
  for (const a of d.agreements) {
    if (only === undefined || a.slug === only) agreements.push(agreementAt(a, asOf, tDay, sources));
  }
  return { asOf, agreements };
}
