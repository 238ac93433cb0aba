/**
 * The public find page (issue 4, item 6): the milestones of an organisation's published agreements that match the
 * reader's filters as of a day. Health and the overdue flag come from healthAt, the very computation of the
 * scorecard, so a milestone is found as "stalled" exactly when the scorecard of that day shows it stalled. The text
 * search runs in the database (lib/data/public.ts searchPublishedMilestones); its hits come in here as data. Pure.
 */
import { recordKey } from "./schemas/comments";
import type { FindFilters } from "./schemas/find";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { healthAt } from "./scorecard";
import type { Agreement, Commitment, Milestone, MilestoneHealth, PartyCode, Source } from "./types";

/** Where a text hit was found. */
export const HIT_FIELDS = ["milestone", "commitment", "status-update", "evidence", "observation"] as const;
export type HitField = (typeof HIT_FIELDS)[number];

/** One record whose text matched the search, as the database found it, for one milestone. */
export interface TextHit {
  readonly agreement: string;
  readonly commitment: string;
  readonly milestone: string;
  readonly field: HitField;
  /** The source's id, for evidence and observations; null otherwise. */
  readonly source: string | null;
  /** The matched passage; the matched words are between MARK_START and MARK_END. */
  readonly snippet: string;
}

/** Delimiters of the matched words in a snippet (control characters: they never occur in stored text). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export interface FoundMilestone {
  readonly agreement: Agreement;
  readonly commitment: Commitment;
  readonly milestone: Milestone;
  readonly health: MilestoneHealth;
  /** The text hits of this milestone (empty when no text was searched). */
  readonly hits: readonly TextHit[];
}

/** What the page offers to choose from: every party, owner (of a commitment or milestone) and tag, sorted. */
export interface FindOptions {
  readonly parties: readonly PartyCode[];
  readonly owners: readonly string[];
  readonly tags: readonly string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Collects the options of agreements given a batch at a time (the find page reads an organisation in batches). */
export class FindOptionsCollector {
  private readonly parties = new Set<string>();
  private readonly owners = new Set<string>();
  private readonly tags = new Set<string>();

  add(agreements: readonly Agreement[]): this {
    for (const a of agreements) {
      for (const p of a.parties) this.parties.add(p);
      for (const c of a.commitments) {
        this.owners.add(c.owner);
        for (const t of c.tags) this.tags.add(t);
        for (const m of c.milestones) this.owners.add(m.owner);
      }
    }
    return this;
  }

  result(): FindOptions {
    const sorted = (values: ReadonlySet<string>) => [...values].sort(byText);
    return { parties: sorted(this.parties), owners: sorted(this.owners), tags: sorted(this.tags) };
  }
}

export function findOptions(agreements: readonly Agreement[]): FindOptions {
  return new FindOptionsCollector().add(agreements).result();
}

/** A commitment is a party's when that party is responsible for it, alone or jointly (spec/health.md). */
function concernsParty(agreement: Agreement, c: Commitment, party: string): boolean {
  if (c.responsible === "joint") return agreement.parties.includes(party);
  return c.responsible === party;
}

function hitKey(agreement: string, commitment: string, milestone: string): string {
  return `${agreement}\u0000${recordKey(commitment, milestone)}`;
}

/**
 * The milestones of `agreements` that match every filter as of `asOf` (`YYYY-MM-DD`), in scorecard order (the
 * agreements' order, then each agreement's). `hits` are the text search's hits, required when `filters.q` is set
 * (a milestone without a hit is then left out); `sources` are those the agreements cite.
 */
export function findMilestones(
  agreements: readonly Agreement[],
  sources: readonly Source[],
  filters: FindFilters,
  asOf: string,
  hits: readonly TextHit[] | null = null,
  locale: Locale = DEFAULT_LOCALE,
): FoundMilestone[] {
  if (filters.q !== null && hits === null) throw new Error("findMilestones: a text query needs the search's hits");
  const hitsByMilestone = new Map<string, TextHit[]>();
  for (const hit of hits ?? []) {
    const key = hitKey(hit.agreement, hit.commitment, hit.milestone);
    const list = hitsByMilestone.get(key);
    if (list) list.push(hit);
    else hitsByMilestone.set(key, [hit]);
  }
  const wanted = new Set(filters.health);
  const found: FoundMilestone[] = [];
  for (const agreement of agreements) {
    if (filters.party !== null && !agreement.parties.includes(filters.party)) continue;
    const health = healthAt(agreement, sources, asOf, locale);
    for (const c of agreement.commitments) {
      if (filters.party !== null && !concernsParty(agreement, c, filters.party)) continue;
      if (filters.tag !== null && !c.tags.includes(filters.tag)) continue;
      const commitmentHealth = health.commitments.find((h) => h.id === c.id);
      for (const m of c.milestones) {
        if (filters.owner !== null && m.owner !== filters.owner && c.owner !== filters.owner) continue;
        const milestoneHealth = commitmentHealth?.milestones.find((h) => h.id === m.id);
        if (milestoneHealth === undefined) continue;
        if (wanted.size > 0 && !wanted.has(milestoneHealth.health)) continue;
        if (filters.overdue && !milestoneHealth.flags.some((f) => f.flag === "OVERDUE")) continue;
        const milestoneHits = hitsByMilestone.get(hitKey(agreement.slug, c.id, m.id)) ?? [];
        if (filters.q !== null && milestoneHits.length === 0) continue;
        found.push({ agreement, commitment: c, milestone: m, health: milestoneHealth, hits: milestoneHits });
      }
    }
  }
  return found;
}

/** How many milestones the find page shows at once: an organisation can publish tens of thousands. */
export const FIND_PAGE_SIZE = 50;

/** One page of results: its items, where they stand among all of them (first and last from 1; 0 when none). */
export interface ResultsPage<T> {
  readonly items: readonly T[];
  /** The page shown, from 1: the one asked for, or the last one when that is beyond it. */
  readonly page: number;
  /** At least 1. */
  readonly pages: number;
  readonly first: number;
  readonly last: number;
  readonly total: number;
  /** The page asked for was beyond the last one. */
  readonly beyond: boolean;
}

/**
 * Collects page `page` (from 1) of results given in order, a batch at a time, `size` at a time, keeping at most two
 * pages of them whatever their number: the page asked for, and the last one so far, which is shown instead when the
 * page asked for is beyond the last.
 */
export class PageCollector<T> {
  private total = 0;
  private readonly asked: T[] = [];
  private lastPage: T[] = [];

  constructor(
    private readonly page: number,
    private readonly size: number = FIND_PAGE_SIZE,
  ) {
    if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number ≥ 1, not ${page}`);
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, not ${size}`);
  }

  add(results: readonly T[]): this {
    for (const result of results) {
      const index = this.total++;
      if (Math.floor(index / this.size) + 1 === this.page) this.asked.push(result);
      if (index % this.size === 0) this.lastPage = [];
      this.lastPage.push(result);
    }
    return this;
  }

  /** The results kept so far: the page asked for, then the last page (which may be the same results again). */
  kept(): readonly T[] {
    return [...this.asked, ...this.lastPage];
  }

  result(): ResultsPage<T> {
    const total = this.total;
    const pages = Math.max(1, Math.ceil(total / this.size));
    const shown = Math.min(this.page, pages);
    const start = (shown - 1) * this.size;
    const items = this.page <= pages ? [...this.asked] : [...this.lastPage];
    return {
      items,
      page: shown,
      pages,
      first: items.length === 0 ? 0 : start + 1,
      last: start + items.length,
      total,
      beyond: this.page > pages,
    };
  }
}

/** Page `page` (from 1) of `results`, `size` at a time; a page beyond the last gives the last. */
export function pageOfResults<T>(results: readonly T[], page: number, size: number = FIND_PAGE_SIZE): ResultsPage<T> {
  return new PageCollector<T>(page, size).add(results).result();
}

/** A snippet cut into plain text and matched words, for rendering without HTML. */
export function snippetParts(snippet: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
