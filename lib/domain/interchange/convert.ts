/**
 * Between the document (strings for dates, spec key order) and the domain Dataset, both ways, in a stable order.
 */
import { comparePreciseDates, formatDateText, parseDateText } from "../dates";
import type {
  Agreement,
  Commitment,
  Dataset,
  DeadlineChange,
  EvidenceLink,
  Indicator,
  Milestone,
  Observation,
  PreciseDate,
  Source,
  StatusUpdate,
} from "../types";
import { FORMAT, type InterchangeDocument, type ParsedInterchangeDocument } from "./schema";

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; Array.prototype.sort is stable, so equal keys keep their order. */
function sortedBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}

/** Records by date (first day of the period), then in the order given. */
function byDate<T extends { readonly on: PreciseDate }>(items: readonly T[]): T[] {
  return sortedBy(items, (a, b) => comparePreciseDates(a.on, b.on));
}

function toDate(text: string): PreciseDate {
  const date = parseDateText(text);
  // The schema has checked every date; this only guards against calling toDataset on an unchecked document.
  if (!date) throw new Error(`not a date: ${JSON.stringify(text)}`);
  return date;
}

/** The Dataset of a document that passed interchangeSchema and checkReferences. */
export function toDataset(doc: ParsedInterchangeDocument): Dataset {
  const sources: Source[] = doc.sources.map((s) => ({
    id: s.id,
    ...(s.url !== undefined ? { url: s.url } : {}),
    outlet: s.outlet,
    title: s.title,
    published: toDate(s.published),
    kind: s.kind,
  }));
  const agreements: Agreement[] = doc.agreements.map((a) => {
    const [first = "", second = ""] = a.parties;
    return {
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      parties: [first, second] as const,
      announced: toDate(a.announced),
      published: a.published,
      settings: { staleAfterDays: a.settings.staleAfterDays, warnBeforeDays: a.settings.warnBeforeDays },
      commitments: a.commitments.map((c): Commitment => ({
        id: c.id,
        title: c.title,
        description: c.description,
        responsible: c.responsible,
        owner: c.owner,
        tags: [...c.tags],
        weight: c.weight,
        milestones: c.milestones.map((m): Milestone => ({
          id: m.id,
          title: m.title,
          owner: m.owner,
          deadline: m.deadline !== undefined ? toDate(m.deadline) : null,
          deadlineChanges: byDate(
            m.deadlineChanges.map((dc): DeadlineChange => ({
              on: toDate(dc.on),
              to: toDate(dc.to),
              reason: dc.reason,
              sources: [...dc.sources],
            })),
          ),
          statusUpdates: byDate(
            m.statusUpdates.map((u): StatusUpdate => ({
              on: toDate(u.on),
              status: u.status,
              rationale: u.rationale,
              sources: [...u.sources],
            })),
          ),
          evidence: m.evidence.map((e): EvidenceLink => ({ source: e.source, stance: e.stance, quote: e.quote })),
        })),
        indicators: c.indicators.map((i): Indicator => ({
          id: i.id,
          title: i.title,
          unit: i.unit,
          ...(i.target !== undefined ? { target: i.target } : {}),
          observations: byDate(
            i.observations.map((o): Observation => ({
              on: toDate(o.on),
              value: o.value,
              source: o.source,
              quote: o.quote,
            })),
          ),
        })),
      })),
    };
  });
  return {
    sources: sortedBy(sources, (a, b) => compareText(a.id, b.id)),
    agreements: sortedBy(agreements, (a, b) => compareText(a.slug, b.slug)),
  };
}

/**
 * The document of a dataset: a plain JSON object, keys in the order of the spec page, optional values left out when
 * absent, arrays in a stable order (sources by id, agreements by slug, commitments, milestones, indicators and
 * evidence as given, status updates, deadline changes and observations by date then as given).
 */
export function toInterchange(d: Dataset): InterchangeDocument {
  return {
    format: FORMAT,
    sources: sortedBy(d.sources, (a, b) => compareText(a.id, b.id)).map((s) => ({
      id: s.id,
      ...(s.url != null ? { url: s.url } : {}),
      outlet: s.outlet,
      title: s.title,
      published: formatDateText(s.published),
      kind: s.kind,
    })),
    agreements: sortedBy(d.agreements, (a, b) => compareText(a.slug, b.slug)).map((a) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      parties: [...a.parties],
      announced: formatDateText(a.announced),
      published: a.published,
      settings: { staleAfterDays: a.settings.staleAfterDays, warnBeforeDays: a.settings.warnBeforeDays },
      commitments: a.commitments.map((c) => ({
        id: c.id,
        title: c.title,
        description: c.description,
        responsible: c.responsible,
        owner: c.owner,
        tags: [...c.tags],
        weight: c.weight,
        milestones: c.milestones.map((m) => ({
          id: m.id,
          title: m.title,
          owner: m.owner,
          ...(m.deadline != null ? { deadline: formatDateText(m.deadline) } : {}),
          deadlineChanges: byDate(m.deadlineChanges).map((dc) => ({
            on: formatDateText(dc.on),
            to: formatDateText(dc.to),
            reason: dc.reason,
            sources: [...dc.sources],
          })),
          statusUpdates: byDate(m.statusUpdates).map((u) => ({
            on: formatDateText(u.on),
            status: u.status,
            rationale: u.rationale,
            sources: [...u.sources],
          })),
          evidence: m.evidence.map((e) => ({ source: e.source, stance: e.stance, quote: e.quote })),
        })),
        indicators: c.indicators.map((i) => ({
          id: i.id,
          title: i.title,
          unit: i.unit,
          ...(i.target != null ? { target: i.target } : {}),
          observations: byDate(i.observations).map((o) => ({
            on: formatDateText(o.on),
            value: o.value,
            source: o.source,
            quote: o.quote,
          })),
        })),
      })),
    })),
  };
}

/** The canonical text of a dataset: 2-space JSON with a final newline. Export → import → export gives these bytes. */
export function serializeInterchange(d: Dataset): string {
  return JSON.stringify(toInterchange(d), null, 2) + "\n";
}

/** The ids of the sources an agreement cites: status updates, deadline changes, evidence, observations. */
export function citedSourceIds(agreements: readonly Agreement[]): Set<string> {
  const cited = new Set<string>();
  for (const a of agreements) {
    for (const c of a.commitments) {
      for (const m of c.milestones) {
        for (const u of m.statusUpdates) for (const s of u.sources) cited.add(s);
        for (const dc of m.deadlineChanges) for (const s of dc.sources) cited.add(s);
        for (const e of m.evidence) cited.add(e.source);
      }
      for (const i of c.indicators) for (const o of i.observations) cited.add(o.source);
    }
  }
  return cited;
}

/** What the public may see: published agreements only, and only the sources they cite. */
export function publicDataset(d: Dataset): Dataset {
  const agreements = d.agreements.filter((a) => a.published);
  const cited = citedSourceIds(agreements);
  return { sources: d.sources.filter((s) => cited.has(s.id)), agreements };
}
