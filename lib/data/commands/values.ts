/**
 * Records as the editing forms show them and as the audit log keeps them (before / after): their editable fields
 * in the interchange form (dates as "2025-11"), keys instead of database ids, and the version.
 */
import type { DatePrecision } from "@/lib/db/generated/prisma/enums";
import { formatDateText } from "@/lib/domain/dates";
import type { SourceKind, Stance } from "@/lib/domain/types";
import { toPreciseDate } from "../mappers";

export function dateText(date: Date, precision: DatePrecision): string {
  return formatDateText(toPreciseDate(date, precision));
}

// Type aliases, not interfaces: the audit log's JSON type needs their implicit index signature.
export type AgreementValues = {
  slug: string;
  title: string;
  summary: string;
  parties: [string, string];
  announced: string;
  published: boolean;
  settings: { staleAfterDays: number; warnBeforeDays: number };
  version: number;
};

export function agreementValues(row: {
  slug: string;
  title: string;
  summary: string;
  partyA: string;
  partyB: string;
  announcedDate: Date;
  announcedPrecision: DatePrecision;
  published: boolean;
  staleAfterDays: number;
  warnBeforeDays: number;
  version: number;
}): AgreementValues {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    parties: [row.partyA, row.partyB],
    announced: dateText(row.announcedDate, row.announcedPrecision),
    published: row.published,
    settings: { staleAfterDays: row.staleAfterDays, warnBeforeDays: row.warnBeforeDays },
    version: row.version,
  };
}

export type CommitmentValues = {
  id: string;
  title: string;
  description: string;
  responsible: string;
  owner: string;
  tags: string[];
  weight: number;
  version: number;
};

export function commitmentValues(row: {
  key: string;
  title: string;
  description: string;
  responsible: string;
  owner: string;
  tags: string[];
  weight: number;
  version: number;
}): CommitmentValues {
  return {
    id: row.key,
    title: row.title,
    description: row.description,
    responsible: row.responsible,
    owner: row.owner,
    tags: [...row.tags],
    weight: row.weight,
    version: row.version,
  };
}

export type MilestoneValues = {
  id: string;
  title: string;
  owner: string;
  deadline: string | null;
  position: number;
  version: number;
};

export function milestoneValues(row: {
  key: string;
  title: string;
  owner: string;
  deadlineDate: Date | null;
  deadlinePrecision: DatePrecision | null;
  position: number;
  version: number;
}): MilestoneValues {
  return {
    id: row.key,
    title: row.title,
    owner: row.owner,
    deadline:
      row.deadlineDate !== null && row.deadlinePrecision !== null
        ? dateText(row.deadlineDate, row.deadlinePrecision)
        : null,
    position: row.position,
    version: row.version,
  };
}

export type SourceValues = {
  id: string;
  url: string | null;
  outlet: string;
  title: string;
  published: string;
  kind: SourceKind;
  version: number;
};

export function sourceValues(row: {
  key: string;
  url: string | null;
  outlet: string;
  title: string;
  publishedDate: Date;
  publishedPrecision: DatePrecision;
  kind: SourceKind;
  version: number;
}): SourceValues {
  return {
    id: row.key,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    published: dateText(row.publishedDate, row.publishedPrecision),
    kind: row.kind,
    version: row.version,
  };
}

export type EvidenceValues = {
  /** The link's own id (evidence links have no interchange key). */
  id: string;
  source: string;
  stance: Stance;
  quote: string;
  version: number;
};

export function evidenceValues(row: {
  id: string;
  source: { key: string };
  stance: Stance;
  quote: string;
  version: number;
}): EvidenceValues {
  return { id: row.id, source: row.source.key, stance: row.stance, quote: row.quote, version: row.version };
}

export type IndicatorValues = {
  id: string;
  title: string;
  unit: string;
  target: number | null;
  version: number;
};

export function indicatorValues(row: {
  key: string;
  title: string;
  unit: string;
  target: number | null;
  version: number;
}): IndicatorValues {
  return { id: row.key, title: row.title, unit: row.unit, target: row.target, version: row.version };
}
