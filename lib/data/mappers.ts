/**
 * Rows ↔ domain objects. The data layer hands the rest of the app plain domain objects (lib/domain/types.ts) and
 * nothing of Prisma's.
 */
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { DatePrecision } from "@/lib/db/generated/prisma/enums";
import type { Agreement, Commitment, Milestone, PreciseDate, Source } from "@/lib/domain/types";

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function fromDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function toPreciseDate(date: Date, precision: DatePrecision): PreciseDate {
  return { date: toDay(date), precision };
}

const bySourcePosition = { orderBy: { position: "asc" }, select: { source: { select: { key: true } } } } as const;

/** Everything an agreement's scorecard, health and export need, in display and date order. */
export const agreementTree = {
  commitments: {
    orderBy: { position: "asc" },
    include: {
      milestones: {
        orderBy: { position: "asc" },
        include: {
          statusUpdates: { orderBy: [{ onDate: "asc" }, { position: "asc" }], include: { sources: bySourcePosition } },
          deadlineChanges: {
            orderBy: [{ onDate: "asc" }, { position: "asc" }],
            include: { sources: bySourcePosition },
          },
          evidenceLinks: { orderBy: { position: "asc" }, include: { source: { select: { key: true } } } },
        },
      },
      indicators: {
        orderBy: { position: "asc" },
        include: {
          observations: {
            orderBy: [{ onDate: "asc" }, { position: "asc" }],
            include: { source: { select: { key: true } } },
          },
        },
      },
    },
  },
} as const satisfies Prisma.AgreementInclude;

export type AgreementRow = Prisma.AgreementGetPayload<{ include: typeof agreementTree }>;
type CommitmentRow = AgreementRow["commitments"][number];
type MilestoneRow = CommitmentRow["milestones"][number];

function toMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.key,
    title: row.title,
    owner: row.owner,
    deadline: row.deadlineDate && row.deadlinePrecision ? toPreciseDate(row.deadlineDate, row.deadlinePrecision) : null,
    deadlineChanges: row.deadlineChanges.map((change) => ({
      on: toPreciseDate(change.onDate, change.onPrecision),
      to: toPreciseDate(change.toDate, change.toPrecision),
      reason: change.reason,
      sources: change.sources.map((s) => s.source.key),
    })),
    statusUpdates: row.statusUpdates.map((update) => ({
      on: toPreciseDate(update.onDate, update.onPrecision),
      status: update.status,
      rationale: update.rationale,
      sources: update.sources.map((s) => s.source.key),
    })),
    evidence: row.evidenceLinks.map((link) => ({ source: link.source.key, stance: link.stance, quote: link.quote })),
  };
}

function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.key,
    title: row.title,
    description: row.description,
    responsible: row.responsible,
    owner: row.owner,
    tags: row.tags,
    weight: row.weight,
    milestones: row.milestones.map(toMilestone),
    indicators: row.indicators.map((indicator) => ({
      id: indicator.key,
      title: indicator.title,
      unit: indicator.unit,
      ...(indicator.target === null ? {} : { target: indicator.target }),
      observations: indicator.observations.map((o) => ({
        on: toPreciseDate(o.onDate, o.onPrecision),
        value: o.value,
        source: o.source.key,
        quote: o.quote,
      })),
    })),
  };
}

/** An agreement's own fields, its commitments apart (agreement-documents.ts reads those as arrays). */
export function toAgreementHead(row: Prisma.AgreementGetPayload<object>): Omit<Agreement, "commitments"> {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    parties: [row.partyA, row.partyB],
    announced: toPreciseDate(row.announcedDate, row.announcedPrecision),
    published: row.published,
    settings: {
      staleAfterDays: row.staleAfterDays,
      warnBeforeDays: row.warnBeforeDays,
    },
  };
}

export function toAgreement(row: AgreementRow): Agreement {
  return { ...toAgreementHead(row), commitments: row.commitments.map(toCommitment) };
}

export type SourceRow = Prisma.SourceGetPayload<object>;

export function toSource(row: SourceRow): Source {
  return {
    id: row.key,
    ...(row.url === null ? {} : { url: row.url }),
    outlet: row.outlet,
    title: row.title,
    published: toPreciseDate(row.publishedDate, row.publishedPrecision),
    kind: row.kind,
  };
}
