/**
 * The public changelog (issue 4, "Changes"): what changed in an agreement, day by day, built from its dated records
 * and from the health history of spec/health.md ("Change over time"). The changes page, the Atom feeds and the
 * reviewers' "changed since" all list these entries, so they agree with each other and with the scorecard by
 * construction. Pure: the as-of day is a parameter.
 *
 * Four kinds of change:
 * - a status update of a milestone (status, date, rationale, sources);
 * - a deadline change of a milestone (from, to, reason, sources): set, moved later (a slip), brought forward or
 *   restated;
 * - a health transition of a milestone: every entry of milestoneHealthHistory (health or flags changed), the first
 *   one included ("first assessed");
 * - a health transition of a commitment: every entry of commitmentHealthHistory.
 *
 * A record dated with a coarser precision than a day takes effect on its period's first day (spec/health.md), and
 * that day is the change's date; the recorded date is kept on the entry (`on`).
 */
import { addDays, formatDateText, formatPreciseDate, periodEnd, periodStart } from "./dates";
import {
  agreementContext,
  agreementHealthHistory,
  commitmentHealthHistory,
  indexSources,
  type SourceIndex,
} from "./health";
import { asOfDay } from "./health/days";
import { vocabulary } from "./labels";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import type {
  Agreement,
  Commitment,
  Health,
  HealthHistoryEntry,
  Milestone,
  PreciseDate,
  RaisedFlag,
  Source,
  Status,
} from "./types";

export const CHANGE_KINDS = ["STATUS_UPDATE", "DEADLINE_CHANGE", "MILESTONE_HEALTH", "COMMITMENT_HEALTH"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS_BY_LOCALE: Readonly<Record<Locale, Readonly<Record<ChangeKind, string>>>> = {
  en: {
    STATUS_UPDATE: "Status update",
    DEADLINE_CHANGE: "Deadline change",
    MILESTONE_HEALTH: "Milestone health",
    COMMITMENT_HEALTH: "Commitment health",
  },
  fr: {
    STATUS_UPDATE: "Point d’étape",
    DEADLINE_CHANGE: "Changement d’échéance",
    MILESTONE_HEALTH: "État du jalon",
    COMMITMENT_HEALTH: "État de l’engagement",
  },
};

export const CHANGE_KIND_LABELS = CHANGE_KIND_LABELS_BY_LOCALE.en;

/** How a deadline change moved the deadline in force before it (by the day each falls on). */
export type DeadlineDirection = "SET" | "LATER" | "EARLIER" | "SAME";

export interface NamedRecord {
  readonly id: string;
  readonly title: string;
}

interface ChangeBase {
  /**
   * Stable: the same change has the same id on every page, in every feed, and at every later as-of day. Built from
   * interchange keys (`[a-z0-9-]`), dates and codes, joined by "/": agreement/commitment[/milestone]/kind/….
   */
  readonly id: string;
  /** `YYYY-MM-DD`: the day the change took effect. */
  readonly date: string;
  readonly agreement: { readonly slug: string; readonly title: string };
  readonly commitment: NamedRecord;
  /** One line naming the record and what happened to it. */
  readonly title: string;
  /** The facts behind it, in sentences a reader can check against the sources. */
  readonly summary: string;
  /**
   * Ids of the sources the change rests on, each once, in the order the records cite them; only sources published
   * by the as-of day. For a health transition: the sources of the milestone's records that became known that day.
   */
  readonly sources: readonly string[];
}

export interface StatusUpdateChange extends ChangeBase {
  readonly kind: "STATUS_UPDATE";
  readonly milestone: NamedRecord;
  /** The update's date as recorded, with its precision. */
  readonly on: PreciseDate;
  readonly status: Status;
  /** The status in force just before (NOT_STARTED when there was no update yet). */
  readonly previous: Status;
  readonly rationale: string;
}

export interface DeadlineChangeEntry extends ChangeBase {
  readonly kind: "DEADLINE_CHANGE";
  readonly milestone: NamedRecord;
  readonly on: PreciseDate;
  /** The deadline in force just before; null when there was none. */
  readonly from: PreciseDate | null;
  readonly to: PreciseDate;
  readonly direction: DeadlineDirection;
  readonly reason: string;
}

export interface MilestoneHealthChange extends ChangeBase {
  readonly kind: "MILESTONE_HEALTH";
  readonly milestone: NamedRecord;
  /** The health before; null for the first entry of the history. */
  readonly from: Health | null;
  readonly health: Health;
  readonly flags: readonly RaisedFlag[];
}

export interface CommitmentHealthChange extends ChangeBase {
  readonly kind: "COMMITMENT_HEALTH";
  readonly milestone: null;
  readonly from: Health | null;
  readonly health: Health;
  readonly progress: number;
  readonly score: -1 | 0 | 1;
}

export type ChangeEntry = StatusUpdateChange | DeadlineChangeEntry | MilestoneHealthChange | CommitmentHealthChange;

export interface ChangelogOptions {
  /** The as-of day (`YYYY-MM-DD`): records dated after it do not exist, and no change after it is listed. */
  readonly until: string;
  /** When given (`YYYY-MM-DD`), only the changes on or after this day: "changed since". */
  readonly since?: string;
  /** The language of the entries' titles and summaries (English, the feeds' default, unless given). */
  readonly locale?: Locale;
  /** When given, only the newest `limit` changes (a whole number ≥ 0): what a feed lists. */
  readonly limit?: number;
}

// ---- Texts ----

/** The sentences the changelog writes itself, in one language; rationales and reasons are given to it. */
interface ChangeTexts {
  /** What a health with no flag means, for a transition that raises none. */
  readonly healthWithoutFlags: Readonly<Record<Health, string>>;
  /** " (dated November 2025)": said when the recorded date is coarser than the day the change is listed under. */
  dated(on: string): string;
  firstAssessed(health: string): string;
  stillReasonsChanged(health: string): string;
  statusConfirmed(status: string, dated: string): string;
  statusChanged(from: string, to: string, dated: string): string;
  statusTitle(milestone: string, status: string): string;
  deadline: Readonly<
    Record<DeadlineDirection, (to: string, was: string, dated: string) => readonly [title: string, change: string]>
  >;
  milestoneTitle(milestone: string, transition: string): string;
  commitmentTitle(commitment: string, transition: string): string;
  commitmentSummary(progress: number, score: string): string;
}

const NBSP = "\u00a0";

const TEXTS: Readonly<Record<Locale, ChangeTexts>> = {
  en: {
    healthWithoutFlags: {
      ON_TRACK: "No warning flag is raised.",
      AT_RISK: "At risk.",
      STALLED: "Stalled.",
      DONE: "Delivered: the latest status is Complete.",
      PARTIAL: "Delivered in part: the latest status is Partial.",
      BROKEN: "Dropped or reversed: the latest status is Abandoned.",
    },
    dated: (on) => ` (dated ${on})`,
    firstAssessed: (health) => `${health} (first assessed)`,
    stillReasonsChanged: (health) => `still ${health}, reasons changed`,
    statusConfirmed: (status, dated) => `Status confirmed as ${status}${dated}`,
    statusChanged: (from, to, dated) => `Status changed from ${from} to ${to}${dated}`,
    statusTitle: (milestone, status) => `${milestone}: status ${status}`,
    deadline: {
      SET: (to, _was, dated) => [`deadline set: ${to}`, `Deadline set to ${to}${dated}`],
      LATER: (to, was, dated) => [`deadline moved later, to ${to}`, `Deadline moved from ${was} to ${to}${dated}`],
      EARLIER: (to, was, dated) => [
        `deadline brought forward, to ${to}`,
        `Deadline brought forward from ${was} to ${to}${dated}`,
      ],
      SAME: (to, _was, dated) => [`deadline restated: ${to}`, `Deadline restated as ${to}${dated}`],
    },
    milestoneTitle: (milestone, transition) => `${milestone}: ${transition}`,
    commitmentTitle: (commitment, transition) => `${commitment} (commitment): ${transition}`,
    commitmentSummary: (progress, score) => `Progress ${progress}%, compliance score ${score}.`,
  },
  fr: {
    healthWithoutFlags: {
      ON_TRACK: "Aucun signal d’alerte n’est levé.",
      AT_RISK: "À risque.",
      STALLED: "Au point mort.",
      DONE: `Réalisé${NBSP}: le dernier statut est Achevé.`,
      PARTIAL: `Réalisé en partie${NBSP}: le dernier statut est Partiel.`,
      BROKEN: `Abandonné ou annulé${NBSP}: le dernier statut est Abandonné.`,
    },
    dated: (on) => ` (daté ${on})`,
    firstAssessed: (health) => `${health} (première évaluation)`,
    stillReasonsChanged: (health) => `toujours ${health}, motifs modifiés`,
    statusConfirmed: (status, dated) => `Statut confirmé${NBSP}: ${status}${dated}`,
    statusChanged: (from, to, dated) => `Statut modifié${NBSP}: ${from} → ${to}${dated}`,
    statusTitle: (milestone, status) => `${milestone}${NBSP}: statut ${status}`,
    deadline: {
      SET: (to, _was, dated) => [`échéance fixée${NBSP}: ${to}`, `Échéance fixée${NBSP}: ${to}${dated}`],
      LATER: (to, was, dated) => [
        `échéance repoussée${NBSP}: ${to}`,
        `Échéance repoussée${NBSP}: ${was} → ${to}${dated}`,
      ],
      EARLIER: (to, was, dated) => [
        `échéance avancée${NBSP}: ${to}`,
        `Échéance avancée${NBSP}: ${was} → ${to}${dated}`,
      ],
      SAME: (to, _was, dated) => [`échéance confirmée${NBSP}: ${to}`, `Échéance confirmée${NBSP}: ${to}${dated}`],
    },
    milestoneTitle: (milestone, transition) => `${milestone}${NBSP}: ${transition}`,
    commitmentTitle: (commitment, transition) => `${commitment} (engagement)${NBSP}: ${transition}`,
    commitmentSummary: (progress, score) => `Avancement ${progress}${NBSP}%, score de conformité ${score}.`,
  },
};

const SCORES: Readonly<Record<-1 | 0 | 1, string>> = { [-1]: "−1", 0: "0", 1: "+1" };

/** The text with a full stop, unless it already ends a sentence (a quote cut with "…" does). */
function sentence(text: string): string {
  const t = text.trim();
  return t === "" || /[.!?…][”"’)]*$/.test(t) ? t : `${t}.`;
}

function joinSentences(...parts: string[]): string {
  return parts
    .map(sentence)
    .filter((p) => p !== "")
    .join(" ");
}

/** Everything the building functions need to write in one language. */
interface Writer {
  readonly locale: Locale;
  readonly texts: ChangeTexts;
  readonly health: Readonly<Record<Health, string>>;
  readonly status: Readonly<Record<Status, string>>;
}

function writerFor(locale: Locale): Writer {
  const words = vocabulary(locale);
  return { locale, texts: TEXTS[locale], health: words.health, status: words.status };
}

function dated(w: Writer, on: PreciseDate): string {
  return on.precision === "DAY" ? "" : w.texts.dated(formatPreciseDate(on, w.locale));
}

function transition(w: Writer, from: Health | null, to: Health): string {
  if (from === null) return w.texts.firstAssessed(w.health[to]);
  if (from === to) return w.texts.stillReasonsChanged(w.health[to]);
  return `${w.health[from]} → ${w.health[to]}`;
}

// ---- Building ----

/**
 * Adds each id once, in order, when it names a source published by `until`: as of a past day, a source published
 * later does not exist yet (even when a record dated earlier cites it), and an unknown source never does.
 */
function addCitable(into: string[], ids: Iterable<string>, sources: SourceIndex, until: string): void {
  for (const id of ids) {
    const source = sources.get(id);
    if (source !== undefined && periodStart(source.published) <= until && !into.includes(id)) into.push(id);
  }
}

function citable(ids: Iterable<string>, sources: SourceIndex, until: string): string[] {
  const out: string[] = [];
  addCitable(out, ids, sources, until);
  return out;
}

/** Indices of the records in the order they took effect: by first day, ties by array index (spec/interchange.md). */
function effectiveOrder(records: readonly { readonly on: PreciseDate }[]): number[] {
  return records
    .map((_, i) => i)
    .sort((a, b) => {
      const da = periodStart(records[a]!.on);
      const db = periodStart(records[b]!.on);
      return da < db ? -1 : da > db ? 1 : a - b;
    });
}

/** An id made unique among those already used, by a counter: the second of two equal records gets "-2". */
function uniqueId(base: string, used: Map<string, number>): string {
  const n = (used.get(base) ?? 0) + 1;
  used.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

/** The sources of the milestone's records that became known on `day`: what a transition on that day rests on. */
function sourcesKnownOn(m: Milestone, day: string, sources: SourceIndex, until: string): string[] {
  const out: string[] = [];
  for (const u of m.statusUpdates) if (periodStart(u.on) === day) addCitable(out, u.sources, sources, until);
  for (const c of m.deadlineChanges) if (periodStart(c.on) === day) addCitable(out, c.sources, sources, until);
  for (const link of m.evidence) {
    const source = sources.get(link.source);
    if (source !== undefined && periodStart(source.published) === day) addCitable(out, [link.source], sources, until);
  }
  return out;
}

interface Sequenced {
  readonly entry: ChangeEntry;
  /** Reading order within a day: commitments and milestones in display order, records before health. */
  readonly seq: number;
}

function milestoneChanges(
  a: Agreement,
  c: Commitment,
  m: Milestone,
  history: readonly HealthHistoryEntry[],
  until: string,
  sources: SourceIndex,
  next: () => number,
  w: Writer,
): Sequenced[] {
  const out: Sequenced[] = [];
  const agreement = { slug: a.slug, title: a.title };
  const commitment = { id: c.id, title: c.title };
  const milestone = { id: m.id, title: m.title };
  const base = `${a.slug}/${c.id}/${m.id}`;
  const used = new Map<string, number>();

  let status: Status = "NOT_STARTED";
  for (const i of effectiveOrder(m.statusUpdates)) {
    const u = m.statusUpdates[i]!;
    const date = periodStart(u.on);
    if (date > until) break;
    const previous = status;
    status = u.status;
    const change =
      previous === u.status
        ? w.texts.statusConfirmed(w.status[u.status], dated(w, u.on))
        : w.texts.statusChanged(w.status[previous], w.status[u.status], dated(w, u.on));
    out.push({
      seq: next(),
      entry: {
        kind: "STATUS_UPDATE",
        id: uniqueId(`${base}/status/${formatDateText(u.on)}/${u.status}`, used),
        date,
        agreement,
        commitment,
        milestone,
        title: w.texts.statusTitle(m.title, w.status[u.status]),
        summary: joinSentences(change, u.rationale),
        sources: citable(u.sources, sources, until),
        on: u.on,
        status: u.status,
        previous,
        rationale: u.rationale,
      },
    });
  }

  let deadline = m.deadline;
  for (const i of effectiveOrder(m.deadlineChanges)) {
    const dc = m.deadlineChanges[i]!;
    const date = periodStart(dc.on);
    if (date > until) break;
    const from = deadline;
    deadline = dc.to;
    const fromEnd = from === null ? null : periodEnd(from);
    const toEnd = periodEnd(dc.to);
    const direction: DeadlineDirection =
      fromEnd === null ? "SET" : toEnd > fromEnd ? "LATER" : toEnd < fromEnd ? "EARLIER" : "SAME";
    const to = formatPreciseDate(dc.to, w.locale);
    const was = from === null ? "" : formatPreciseDate(from, w.locale);
    const [title, change] = w.texts.deadline[direction](to, was, dated(w, dc.on));
    out.push({
      seq: next(),
      entry: {
        kind: "DEADLINE_CHANGE",
        id: uniqueId(`${base}/deadline/${formatDateText(dc.on)}/${formatDateText(dc.to)}`, used),
        date,
        agreement,
        commitment,
        milestone,
        title: w.texts.milestoneTitle(m.title, title),
        summary: joinSentences(change, dc.reason),
        sources: citable(dc.sources, sources, until),
        on: dc.on,
        from,
        to: dc.to,
        direction,
        reason: dc.reason,
      },
    });
  }

  let from: Health | null = null;
  for (const h of history) {
    out.push({
      seq: next(),
      entry: {
        kind: "MILESTONE_HEALTH",
        id: `${base}/health/${h.date}/${h.health}`,
        date: h.date,
        agreement,
        commitment,
        milestone,
        title: w.texts.milestoneTitle(m.title, transition(w, from, h.health)),
        summary:
          h.flags.length === 0 ? w.texts.healthWithoutFlags[h.health] : joinSentences(...h.flags.map((f) => f.reason)),
        sources: sourcesKnownOn(m, h.date, sources, until),
        from,
        health: h.health,
        flags: h.flags,
      },
    });
    from = h.health;
  }
  return out;
}

function changesOf(a: Agreement, sources: SourceIndex, until: string, w: Writer): Sequenced[] {
  const ctx = agreementContext(a, sources, w.locale);
  const histories = agreementHealthHistory(a, until, sources, w.locale);
  let serial = 0;
  const next = () => serial++;
  const out: Sequenced[] = [];
  for (const c of a.commitments) {
    for (const m of c.milestones) {
      const history = histories.find((h) => h.commitment === c.id && h.milestone === m.id)?.history ?? [];
      out.push(...milestoneChanges(a, c, m, history, until, sources, next, w));
    }
    let from: Health | null = null;
    for (const h of commitmentHealthHistory(c, until, ctx)) {
      const cited: string[] = [];
      for (const m of c.milestones) addCitable(cited, sourcesKnownOn(m, h.date, sources, until), sources, until);
      out.push({
        seq: next(),
        entry: {
          kind: "COMMITMENT_HEALTH",
          id: `${a.slug}/${c.id}/health/${h.date}/${h.health}`,
          date: h.date,
          agreement: { slug: a.slug, title: a.title },
          commitment: { id: c.id, title: c.title },
          milestone: null,
          title: w.texts.commitmentTitle(c.title, transition(w, from, h.health)),
          summary: w.texts.commitmentSummary(h.progress, SCORES[h.score]),
          sources: cited,
          from,
          health: h.health,
          progress: h.progress,
          score: h.score,
        },
      });
      from = h.health;
    }
  }
  return out;
}

/** Newest day first; within a day, reading order. */
function newestFirst(a: Sequenced, b: Sequenced): number {
  return a.entry.date === b.entry.date ? a.seq - b.seq : a.entry.date > b.entry.date ? -1 : 1;
}

function checkOptions(options: ChangelogOptions): void {
  asOfDay(options.until, "until");
  if (options.since !== undefined) asOfDay(options.since, "since");
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
    throw new RangeError(`limit must be a whole number ≥ 0, not ${options.limit}`);
  }
}

/** The first `limit` of a list (all of it without one). */
const upTo = <T>(list: T[], limit: number | undefined): T[] => (limit === undefined ? list : list.slice(0, limit));

function inRange(entry: ChangeEntry, options: ChangelogOptions): boolean {
  return entry.date <= options.until && (options.since === undefined || entry.date >= options.since);
}

/**
 * The changes of one agreement up to `until` (and from `since`), newest day first. `sources` indexes the sources the
 * agreement cites. Throws a RangeError when `until` or `since` is not a `YYYY-MM-DD` day.
 */
export function agreementChangelog(a: Agreement, sources: SourceIndex, options: ChangelogOptions): ChangeEntry[] {
  checkOptions(options);
  const changes = changesOf(a, sources, options.until, writerFor(options.locale ?? DEFAULT_LOCALE))
    .filter((s) => inRange(s.entry, options))
    .sort(newestFirst);
  return upTo(changes, options.limit).map((s) => s.entry);
}

/** How many changes a changes page lists at most: an agreement of 2,000 milestones has tens of thousands. */
export const CHANGES_PAGE_ENTRIES = 200;

/** The newest changes of a changelog, as a page lists them, and where the older ones are. */
export interface ChangelogPage {
  readonly entries: readonly ChangeEntry[];
  /** How many changes the whole changelog has. */
  readonly total: number;
  /**
   * When the changelog has changes on days before the oldest day listed: the day before that one, up to which a page
   * of the changes as of that day lists them. Null when none.
   */
  readonly olderUntil: string | null;
  /** The changes of the oldest day listed that are left out (the page ended inside that day); 0 when none. */
  readonly hiddenOnLastDay: number;
}

/** The first `limit` changes of `all` (a changelog, newest day first) and what is left out. */
export function changelogPage(all: readonly ChangeEntry[], limit: number = CHANGES_PAGE_ENTRIES): ChangelogPage {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1, not ${limit}`);
  return pageFrom(all.slice(0, limit), all.length, (day) => all.filter((e) => e.date === day).length, all.at(-1)?.date);
}

/**
 * The page of `entries` (the newest of a changelog of `total` changes, newest day first), given how many changes the
 * changelog has on a day and its earliest day.
 */
function pageFrom(
  entries: readonly ChangeEntry[],
  total: number,
  changesOn: (day: string) => number,
  earliestDay: string | undefined,
): ChangelogPage {
  const lastDay = entries.at(-1)?.date;
  if (lastDay === undefined || total === entries.length) {
    return { entries, total, olderUntil: null, hiddenOnLastDay: 0 };
  }
  return {
    entries,
    total,
    olderUntil: earliestDay !== undefined && earliestDay < lastDay ? addDays(lastDay, -1) : null,
    hiddenOnLastDay: changesOn(lastDay) - entries.filter((e) => e.date === lastDay).length,
  };
}

/**
 * The changes of an organisation's agreements merged, newest day first; within a day, agreements in the order
 * given (the newest `limit` of them when given). Drafts are left out unless `includeDrafts` (the public feed never
 * includes them; a reviewer's view may).
 */
export function organisationChangelog(
  agreements: readonly Agreement[],
  sources: SourceIndex,
  options: ChangelogOptions & { readonly includeDrafts?: boolean },
): ChangeEntry[] {
  return new ChangelogCollector(options).add(agreements, sources).result();
}

/**
 * organisationChangelog of agreements given a batch at a time, in order, each batch with the index of the sources it
 * cites: with a limit it keeps no more than the newest `limit` changes between batches, whatever their number.
 */
export class ChangelogCollector {
  private kept: Sequenced[] = [];
  private offset = 0;
  private readonly writer: Writer;
  /** How many changes there are on each day, kept or not. */
  private readonly perDay = new Map<string, number>();
  private total = 0;

  constructor(private readonly options: ChangelogOptions & { readonly includeDrafts?: boolean }) {
    checkOptions(options);
    this.writer = writerFor(options.locale ?? DEFAULT_LOCALE);
  }

  add(agreements: readonly Agreement[], sources: SourceIndex): this {
    const { options } = this;
    for (const a of agreements) {
      if (!a.published && options.includeDrafts !== true) continue;
      const all = changesOf(a, sources, options.until, this.writer).filter((s) => inRange(s.entry, options));
      this.total += all.length;
      for (const s of all) this.perDay.set(s.entry.date, (this.perDay.get(s.entry.date) ?? 0) + 1);
      // With a limit, each agreement's newest `limit` are enough: the merged newest `limit` are among them.
      const changes = upTo(all.sort(newestFirst), options.limit);
      let last = -1;
      for (const s of changes) {
        this.kept.push({ entry: s.entry, seq: this.offset + s.seq });
        last = Math.max(last, s.seq);
      }
      this.offset += last + 1;
    }
    this.kept = upTo(this.kept.sort(newestFirst), options.limit);
    return this;
  }

  /** The changes so far, newest day first (the newest `limit` of them, when given). */
  result(): ChangeEntry[] {
    return this.kept.map((s) => s.entry);
  }

  /** changelogPage of all the changes so far, its limit the collector's (all of them without one). */
  page(): ChangelogPage {
    let earliest: string | undefined;
    for (const day of this.perDay.keys()) if (earliest === undefined || day < earliest) earliest = day;
    return pageFrom(this.result(), this.total, (day) => this.perDay.get(day) ?? 0, earliest);
  }
}

/**
 * changelogPage of the changes of agreements given a batch at a time, each batch with the sources it cites (what
 * lib/data reads a whole organisation as), keeping no more than `options.limit` changes (CHANGES_PAGE_ENTRIES by
 * default) between batches.
 */
export async function changelogPageOfBatches(
  batches: AsyncIterable<{ readonly agreements: readonly Agreement[]; readonly sources: readonly Source[] }>,
  options: ChangelogOptions & { readonly includeDrafts?: boolean },
): Promise<ChangelogPage> {
  const collector = new ChangelogCollector({ ...options, limit: options.limit ?? CHANGES_PAGE_ENTRIES });
  for await (const batch of batches) collector.add(batch.agreements, indexSources(batch.sources));
  return collector.page();
}
