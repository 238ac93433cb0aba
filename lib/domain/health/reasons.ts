/**
 * The sentences that say why a flag is raised (spec/health.md: "Reasons … name the dates and the source"), in each
 * interface language. English is the language of the health document (the API and the CLI); pages in another
 * language ask for theirs through the agreement context.
 *
 * Hot path: the commonest reasons (overdue, dormant, due soon) depend on a deadline, or on a day and a setting,
 * only, so they are memoised: a dataset full of overdue milestones shares a few hundred strings instead of building
 * one per milestone. The memos are bounded and hold pure functions of their keys.
 */
import type { Locale } from "../locale";
import type { PreciseDate, Precision } from "../types";
import { dayLabel, preciseLabel, remember } from "./days";

export interface ReasonWriter {
  /** "Overdue since 1 December 2025 (deadline: November 2025)". */
  overdue(since: string, deadline: PreciseDate): string;
  /** "The latest source, BBC, 23 October 2025, reports delay: “France is backing away…”" (quote already cut). */
  contradicted(
    outlet: string,
    published: PreciseDate,
    stance: "CONTRADICTS" | "INDICATES_DELAY",
    quote: string,
  ): string;
  /** "Deadline moved later 2 times, first on 5 December 2025 (from November 2025 to December 2025)". */
  slipped(slips: number, firstOn: PreciseDate, from: PreciseDate, to: PreciseDate): string;
  /** "No status update or new source since 1 August 2025 (more than 45 days)". */
  dormant(activityDay: string, staleAfterDays: number): string;
  /** "Not started, due by 30 November 2025 (deadline: November 2025)". */
  dueSoon(deadlineEnd: string, deadline: PreciseDate): string;
}

interface Phrases {
  overdue(since: string, deadline: string): string;
  contradicted(head: { outlet: string; published: string; stance: "CONTRADICTS" | "INDICATES_DELAY" }): string;
  quoted(head: string, quote: string): string;
  slipped(slips: number, firstOn: PreciseDate, firstOnLabel: string, from: string, to: string): string;
  dormant(activity: string, days: number): string;
  dueSoon(due: string, stated: string | null): string;
}

const EN: Phrases = {
  overdue: (since, deadline) => `Overdue since ${since} (deadline: ${deadline})`,
  contradicted: ({ outlet, published, stance }) =>
    `The latest source, ${outlet}, ${published}, ${stance === "CONTRADICTS" ? "contradicts progress" : "reports delay"}`,
  quoted: (head, quote) => `${head}: “${quote}”`,
  slipped: (slips, firstOn, firstOnLabel, from, to) => {
    const times = slips === 1 ? "" : `${slips} times, first `;
    const when = `${firstOn.precision === "DAY" ? "on" : "in"} ${firstOnLabel}`;
    return `Deadline moved later ${times}${when} (from ${from} to ${to})`;
  },
  dormant: (activity, days) =>
    `No status update or new source since ${activity} (more than ${days} ${days === 1 ? "day" : "days"})`,
  dueSoon: (due, stated) => `Not started, due by ${due}${stated === null ? "" : ` (deadline: ${stated})`}`,
};

const NBSP = "\u00a0";

/** "le 5 décembre 2025", "en décembre 2025", "au T4 2025", "en 2025". */
function frenchWhen(d: PreciseDate, label: string): string {
  switch (d.precision) {
    case "DAY":
      return `le ${label}`;
    case "QUARTER":
      return `au ${label}`;
    default:
      return `en ${label}`;
  }
}

const FR: Phrases = {
  overdue: (since, deadline) => `En retard depuis le ${since} (échéance${NBSP}: ${deadline})`,
  contradicted: ({ outlet, published, stance }) =>
    `La source la plus récente, ${outlet}, ${published}, ${stance === "CONTRADICTS" ? "contredit les progrès" : "signale un retard"}`,
  quoted: (head, quote) => `${head}${NBSP}: «${NBSP}${quote}${NBSP}»`,
  slipped: (slips, firstOn, firstOnLabel, from, to) => {
    const times = slips === 1 ? "" : `${slips} fois, la première `;
    return `Échéance repoussée ${times}${frenchWhen(firstOn, firstOnLabel)} (ancienne échéance${NBSP}: ${from}, nouvelle${NBSP}: ${to})`;
  },
  dormant: (activity, days) =>
    `Aucun point d’étape ni nouvelle source depuis le ${activity} (plus de ${days} ${days === 1 ? "jour" : "jours"})`,
  dueSoon: (due, stated) =>
    `Pas commencé, à réaliser au plus tard le ${due}${stated === null ? "" : ` (échéance${NBSP}: ${stated})`}`,
};

const byPrecision = (): Record<Precision, Map<string, string>> => ({
  DAY: new Map(),
  MONTH: new Map(),
  QUARTER: new Map(),
  YEAR: new Map(),
});

function writer(locale: Locale, phrases: Phrases): ReasonWriter {
  const overdueMemo = byPrecision();
  const dueSoonMemo = byPrecision();
  const dormantMemo = new Map<number, Map<string, string>>();
  return {
    // The overdue day is a function of the deadline (the day after its period ends): the deadline is the key.
    overdue(since, deadline) {
      const memo = overdueMemo[deadline.precision];
      const known = memo.get(deadline.date);
      if (known !== undefined) return known;
      return remember(memo, deadline.date, phrases.overdue(dayLabel(since, locale), preciseLabel(deadline, locale)));
    },
    contradicted(outlet, published, stance, quote) {
      const head = phrases.contradicted({ outlet, published: preciseLabel(published, locale), stance });
      return quote === "" ? head : phrases.quoted(head, quote);
    },
    slipped(slips, firstOn, from, to) {
      return phrases.slipped(
        slips,
        firstOn,
        preciseLabel(firstOn, locale),
        preciseLabel(from, locale),
        preciseLabel(to, locale),
      );
    },
    dormant(activityDay, days) {
      let memo = dormantMemo.get(days);
      if (memo === undefined) {
        if (dormantMemo.size >= 64) dormantMemo.clear();
        memo = new Map();
        dormantMemo.set(days, memo);
      }
      const known = memo.get(activityDay);
      if (known !== undefined) return known;
      return remember(memo, activityDay, phrases.dormant(dayLabel(activityDay, locale), days));
    },
    // The end of the deadline's period is a function of the deadline: the deadline is the key.
    dueSoon(deadlineEnd, deadline) {
      const memo = dueSoonMemo[deadline.precision];
      const known = memo.get(deadline.date);
      if (known !== undefined) return known;
      const stated = deadline.precision === "DAY" ? null : preciseLabel(deadline, locale);
      return remember(memo, deadline.date, phrases.dueSoon(dayLabel(deadlineEnd, locale), stated));
    },
  };
}

const WRITERS: Readonly<Record<Locale, ReasonWriter>> = { en: writer("en", EN), fr: writer("fr", FR) };

export function reasonWriter(locale: Locale): ReasonWriter {
  return WRITERS[locale];
}
