/**
 * The health transitions of an agreement up to a day, as the daily evaluation records them (lib/data/health-evaluation.ts)
 * and as notifications and webhooks tell them: the changelog's health entries (milestones' and commitments'), with
 * their texts in every interface language. Taken from agreementChangelog itself rather than recomputed, so that what
 * is recorded, notified and delivered is what the changes page and the feeds list for the same days. Pure: the day
 * is a parameter.
 */
import { agreementChangelog, type ChangeEntry } from "./changelog";
import type { SourceIndex } from "./health";
import { LOCALES, type Locale } from "./locale";
import type { Agreement, Flag, Health } from "./types";

export interface TransitionText {
  readonly title: string;
  readonly summary: string;
}

export interface HealthTransitionEntry {
  /** The changelog entry's stable id. */
  readonly changeId: string;
  /** `YYYY-MM-DD`: the day it took effect. */
  readonly day: string;
  /** The commitment's interchange id. */
  readonly commitment: string;
  /** The milestone's interchange id; null for a commitment's transition. */
  readonly milestone: string | null;
  /** Null for the first entry of the record's history. */
  readonly from: Health | null;
  readonly health: Health;
  /** The flags raised (a milestone's; none for a commitment), worst first. */
  readonly flags: ReadonlyArray<{ readonly flag: Flag; readonly since: string }>;
  /** The changelog's title and summary of it, in each language. */
  readonly texts: Readonly<Record<Locale, TransitionText>>;
}

type HealthChange = Extract<ChangeEntry, { kind: "MILESTONE_HEALTH" | "COMMITMENT_HEALTH" }>;

function isHealthChange(entry: ChangeEntry): entry is HealthChange {
  return entry.kind === "MILESTONE_HEALTH" || entry.kind === "COMMITMENT_HEALTH";
}

/**
 * Every health transition of the agreement's milestones and commitments on or before `until` (from `since` when
 * given), oldest day first; within a day, in the changelog's reading order. Throws a RangeError for a day that is not
 * `YYYY-MM-DD`.
 */
export function agreementHealthTransitions(
  agreement: Agreement,
  sources: SourceIndex,
  options: { readonly until: string; readonly since?: string },
): HealthTransitionEntry[] {
  const byLocale = LOCALES.map(
    (locale) =>
      [
        locale,
        new Map(
          agreementChangelog(agreement, sources, { ...options, locale })
            .filter(isHealthChange)
            .map((entry) => [entry.id, entry] as const),
        ),
      ] as const,
  );
  const [, english] = byLocale[0]!;
  const entries = [...english.values()].map((entry): HealthTransitionEntry => {
    const texts = Object.fromEntries(
      byLocale.map(([locale, entries]) => {
        // The ids are the same in every language (they are built from keys, days and codes).
        const localised = entries.get(entry.id) ?? entry;
        return [locale, { title: localised.title, summary: localised.summary }];
      }),
    ) as Record<Locale, TransitionText>;
    return {
      changeId: entry.id,
      day: entry.date,
      commitment: entry.commitment.id,
      milestone: entry.kind === "MILESTONE_HEALTH" ? entry.milestone.id : null,
      from: entry.from,
      health: entry.health,
      flags: entry.kind === "MILESTONE_HEALTH" ? entry.flags.map(({ flag, since }) => ({ flag, since })) : [],
      texts,
    };
  });
  // The changelog lists newest day first, in reading order within a day: oldest first, keeping that order.
  const order = new Map(entries.map((entry, index) => [entry.changeId, index]));
  return entries.sort((a, b) =>
    a.day === b.day ? (order.get(a.changeId) ?? 0) - (order.get(b.changeId) ?? 0) : a.day < b.day ? -1 : 1,
  );
}
