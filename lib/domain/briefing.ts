/**
 * A reviewer's briefing (issue 4, item 5): one agreement or a watchlist as of a day, the worst news first. Each item
 * is a milestone with its health, flags and reasons (spec/health.md), the quotes of its evidence and its latest
 * status update, each citing a source by its number in one list where every source appears once.
 *
 * Sources are numbered in the order the items first cite them, by id: the agreements given are one organisation's.
 *
 * Pure: the as-of day is a parameter, and only records dated on or before it exist, sources included (a status
 * update of July citing an October article cites nothing yet as of August).
 */
import { periodStart } from "./dates";
import type { Locale } from "./locale";
import { agreementContext, compareHealth, evaluateAgreement, indexSources, milestoneState } from "./health";
import { recordKey } from "./schemas/comments";
import type { Agreement, Health, PartyCode, PreciseDate, RaisedFlag, Source, Stance, Status } from "./types";
import { HEALTHS } from "./types";

/** The healths a reader must act on: the items of the briefing's first section. */
export const ATTENTION_HEALTHS: ReadonlySet<Health> = new Set<Health>(["BROKEN", "STALLED", "AT_RISK"]);

export interface BriefingInput {
  /** The agreements, each with the sources its records may cite. */
  readonly agreements: ReadonlyArray<{ readonly agreement: Agreement; readonly sources: readonly Source[] }>;
  /**
   * A watchlist: the commitments (`milestone` absent: all of its milestones) and milestones to brief on, by key.
   * Absent: every milestone of every agreement.
   */
  readonly selection?: ReadonlyArray<{
    readonly agreement: string;
    readonly commitment: string;
    readonly milestone?: string | null;
  }>;
  /** The language of the reasons (English unless given). */
  readonly locale?: Locale;
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
}

export interface BriefingQuote {
  readonly quote: string;
  readonly stance: Stance;
  /** The number of its source in `Briefing.sources`. */
  readonly source: number;
}

export interface BriefingStatusUpdate {
  readonly on: PreciseDate;
  readonly status: Status;
  readonly rationale: string;
  /** Numbers in `Briefing.sources`, of the sources known as of the day. */
  readonly sources: readonly number[];
}

export interface BriefingItem {
  readonly agreement: { readonly slug: string; readonly title: string; readonly published: boolean };
  readonly commitment: { readonly id: string; readonly title: string; readonly responsible: string };
  readonly milestone: { readonly id: string; readonly title: string; readonly owner: string };
  readonly health: Health;
  /** In reason order, each with its reason; empty for terminal milestones. */
  readonly flags: readonly RaisedFlag[];
  /** The deadline in force as of the day. */
  readonly deadline: PreciseDate | null;
  /** The latest status update dated on or before the day; null when there is none (not started). */
  readonly latestUpdate: BriefingStatusUpdate | null;
  /** The evidence whose source is known as of the day, latest source first. */
  readonly evidence: readonly BriefingQuote[];
}

export interface BriefingSource {
  /** 1, 2, …: the order in which the items first cite them. */
  readonly number: number;
  readonly source: Source;
}

export interface Briefing {
  readonly asOf: string;
  readonly agreements: ReadonlyArray<{
    readonly slug: string;
    readonly title: string;
    readonly published: boolean;
    readonly parties: readonly [PartyCode, PartyCode];
  }>;
  /** Worst first (compareHealth), then in the agreements' order. */
  readonly items: readonly BriefingItem[];
  /** How many items have each health. */
  readonly counts: Readonly<Record<Health, number>>;
  readonly sources: readonly BriefingSource[];
}

/** Whether a source was published by the day (a source of "November 2025" is known from 1 November). */
function knownBy(source: Source | undefined, asOf: string): source is Source {
  return source !== undefined && periodStart(source.published) <= asOf;
}

/** Builds the briefing of `input` as of `input.asOf`. Throws a RangeError when `asOf` is not a day. */
export function buildBriefing(input: BriefingInput): Briefing {
  const { asOf } = input;
  const selected =
    input.selection === undefined
      ? null
      : new Set(input.selection.map((s) => `${s.agreement}#${recordKey(s.commitment, s.milestone)}`));
  const isSelected = (agreement: string, commitment: string, milestone: string): boolean =>
    selected === null ||
    selected.has(`${agreement}#${commitment}`) ||
    selected.has(`${agreement}#${recordKey(commitment, milestone)}`);

  const sources: BriefingSource[] = [];
  // By id: the agreements of a watchlist are one organisation's, and so share its sources.
  const numbers = new Map<string, number>();
  const numberOf = (source: Source): number => {
    let n = numbers.get(source.id);
    if (n === undefined) {
      n = sources.length + 1;
      numbers.set(source.id, n);
      sources.push({ number: n, source });
    }
    return n;
  };

  // Each item with the sources it cites, in citing order; numbered once the items are in their final order.
  const drafts: Array<{
    item: Omit<BriefingItem, "latestUpdate" | "evidence">;
    update: { on: PreciseDate; status: Status; rationale: string; sources: Source[] } | null;
    evidence: Array<{ quote: string; stance: Stance; source: Source }>;
  }> = [];

  for (const { agreement, sources: agreementSources } of input.agreements) {
    const index = indexSources(agreementSources);
    const health = evaluateAgreement(agreement, asOf, index, input.locale);
    const context = agreementContext(agreement, index, input.locale);
    for (const commitment of agreement.commitments) {
      const commitmentHealth = health.commitments.find((c) => c.id === commitment.id);
      for (const milestone of commitment.milestones) {
        if (!isSelected(agreement.slug, commitment.id, milestone.id)) continue;
        const milestoneHealth = commitmentHealth?.milestones.find((m) => m.id === milestone.id);
        if (milestoneHealth === undefined) continue;
        const state = milestoneState(milestone, asOf, context);
        // The update the engine counts: the latest by date dated ≤ asOf, of several on one date the later one.
        const update = state.statusOn === null ? undefined : latestUpdateOn(milestone.statusUpdates, asOf);
        const evidence = milestone.evidence
          .flatMap((link) => {
            const source = index.get(link.source);
            return knownBy(source, asOf) ? [{ quote: link.quote, stance: link.stance, source }] : [];
          })
          // Latest source first; a stable sort keeps the record's order among sources of one date.
          .sort((a, b) =>
            a.source.published.date < b.source.published.date
              ? 1
              : a.source.published.date > b.source.published.date
                ? -1
                : 0,
          );
        drafts.push({
          item: {
            agreement: { slug: agreement.slug, title: agreement.title, published: agreement.published },
            commitment: { id: commitment.id, title: commitment.title, responsible: commitment.responsible },
            milestone: { id: milestone.id, title: milestone.title, owner: milestone.owner },
            health: milestoneHealth.health,
            flags: milestoneHealth.flags,
            deadline: state.deadline,
          },
          update:
            update === undefined
              ? null
              : {
                  on: update.on,
                  status: update.status,
                  rationale: update.rationale,
                  sources: update.sources.flatMap((id) => {
                    const source = index.get(id);
                    return knownBy(source, asOf) ? [source] : [];
                  }),
                },
          evidence,
        });
      }
    }
  }

  // Stable: of items of one health, the agreements', commitments' and milestones' own order.
  drafts.sort((a, b) => compareHealth(a.item.health, b.item.health));

  const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
  const items = drafts.map(({ item, update, evidence }): BriefingItem => {
    counts[item.health]++;
    return {
      ...item,
      latestUpdate: update === null ? null : { ...update, sources: update.sources.map(numberOf) },
      evidence: evidence.map((e) => ({ quote: e.quote, stance: e.stance, source: numberOf(e.source) })),
    };
  });

  return {
    asOf,
    agreements: input.agreements.map(({ agreement }) => ({
      slug: agreement.slug,
      title: agreement.title,
      published: agreement.published,
      parties: agreement.parties,
    })),
    items,
    counts,
    sources,
  };
}

/** As the engine picks it (health/milestone.ts scanMilestone): the latest by date, later in the array on a tie. */
function latestUpdateOn<U extends { readonly on: PreciseDate }>(updates: readonly U[], asOf: string): U | undefined {
  let latest: U | undefined;
  for (const update of updates) {
    const day = periodStart(update.on);
    if (day <= asOf && (latest === undefined || day >= periodStart(latest.on))) latest = update;
  }
  return latest;
}
