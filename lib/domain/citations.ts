/**
 * What cites a source, as of a day: the status updates, deadline changes, evidence links and indicator observations
 * of published agreements that name it. Pure: the page's data and the day are parameters.
 *
 * A citation is known from the later of its record's date and the source's date (spec/health.md: records dated after
 * the as-of day do not exist; a record cannot rely on a source before the source exists). An evidence link has no
 * date of its own and counts from its source's.
 */
import { periodStart } from "./dates";
import type { Agreement, PreciseDate, Source, Stance, Status } from "./types";

interface CitationBase {
  readonly agreement: { readonly slug: string; readonly title: string };
  readonly commitment: { readonly id: string; readonly title: string };
  /** The day the citation became known, `YYYY-MM-DD`. */
  readonly known: string;
}

interface MilestoneCitation extends CitationBase {
  readonly milestone: { readonly id: string; readonly title: string };
}

export type Citation =
  | (MilestoneCitation & {
      readonly kind: "STATUS_UPDATE";
      readonly on: PreciseDate;
      readonly status: Status;
      readonly rationale: string;
    })
  | (MilestoneCitation & {
      readonly kind: "DEADLINE_CHANGE";
      readonly on: PreciseDate;
      readonly to: PreciseDate;
      readonly reason: string;
    })
  | (MilestoneCitation & { readonly kind: "EVIDENCE"; readonly stance: Stance; readonly quote: string })
  | (CitationBase & {
      readonly kind: "OBSERVATION";
      readonly indicator: { readonly id: string; readonly title: string; readonly unit: string };
      readonly on: PreciseDate;
      readonly value: number;
      readonly quote: string;
    });

export type CitationKind = Citation["kind"];

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * The citations of `source` in the published agreements given, known on `asOf` (`YYYY-MM-DD`): oldest first (by the
 * day known), then in the agreements' display order. Drafts are skipped whatever the caller passes.
 */
export function sourceCitations(agreements: readonly Agreement[], source: Source, asOf: string): Citation[] {
  const published = periodStart(source.published);
  const out: Citation[] = [];
  for (const a of agreements) {
    if (!a.published) continue;
    const agreement = { slug: a.slug, title: a.title };
    for (const c of a.commitments) {
      const commitment = { id: c.id, title: c.title };
      for (const m of c.milestones) {
        const milestone = { id: m.id, title: m.title };
        const base = { agreement, commitment, milestone };
        for (const u of m.statusUpdates) {
          if (!u.sources.includes(source.id)) continue;
          const known = later(periodStart(u.on), published);
          out.push({ ...base, kind: "STATUS_UPDATE", known, on: u.on, status: u.status, rationale: u.rationale });
        }
        for (const d of m.deadlineChanges) {
          if (!d.sources.includes(source.id)) continue;
          const known = later(periodStart(d.on), published);
          out.push({ ...base, kind: "DEADLINE_CHANGE", known, on: d.on, to: d.to, reason: d.reason });
        }
        for (const link of m.evidence) {
          if (link.source !== source.id) continue;
          out.push({ ...base, kind: "EVIDENCE", known: published, stance: link.stance, quote: link.quote });
        }
      }
      for (const i of c.indicators) {
        const indicator = { id: i.id, title: i.title, unit: i.unit };
        for (const o of i.observations) {
          if (o.source !== source.id) continue;
          const known = later(periodStart(o.on), published);
          out.push({
            agreement,
            commitment,
            indicator,
            kind: "OBSERVATION",
            known,
            on: o.on,
            value: o.value,
            quote: o.quote,
          });
        }
      }
    }
  }
  // A stable sort: records known on the same day keep the display order.
  return out.filter((citation) => citation.known <= asOf).sort((x, y) => x.known.localeCompare(y.known));
}
