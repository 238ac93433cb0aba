/**
 * The domain model of Accordwatch (../shared/DESIGN.md, "Domain").
 *
 * These are plain data shapes shared by every layer: the data layer returns them, the health engine reads them,
 * the interchange format (accordwatch/v1) is their JSON form. Identifiers (`id`, `slug`) are the stable keys of the
 * interchange format, not database keys.
 */

export const PRECISIONS = ["DAY", "MONTH", "QUARTER", "YEAR"] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * A calendar date with a precision. `date` is always the ISO day (`YYYY-MM-DD`) on which the period starts:
 * "2025-11" is `{ date: "2025-11-01", precision: "MONTH" }`. Deadlines fall on the period's last day
 * (see dates.ts `periodEnd`), every other record counts from its first day.
 */
export interface PreciseDate {
  readonly date: string;
  readonly precision: Precision;
}

export const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETE", "PARTIAL", "ABANDONED"] as const;
export type Status = (typeof STATUSES)[number];

export const STANCES = ["SUPPORTS", "INDICATES_DELAY", "CONTRADICTS", "NEUTRAL"] as const;
export type Stance = (typeof STANCES)[number];

export const SOURCE_KINDS = [
  "OFFICIAL_DOCUMENT",
  "STATEMENT",
  "MEDIA_REPORT",
  "LEAK",
  "DATA",
  "PARLIAMENTARY_RECORD",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Display order of health everywhere (counts, filters): best to worst for open work, then terminal. */
export const HEALTHS = ["ON_TRACK", "AT_RISK", "STALLED", "DONE", "PARTIAL", "BROKEN"] as const;
export type Health = (typeof HEALTHS)[number];

/** Flags in the order reasons are printed: worst first (spec/health.md). */
export const FLAGS = ["OVERDUE", "CONTRADICTED", "SLIPPED", "DORMANT", "DUE_SOON"] as const;
export type Flag = (typeof FLAGS)[number];

/** ISO 3166-1 alpha-2 code of a state, e.g. `GB`, `FR`. */
export type PartyCode = string;
export type Responsible = PartyCode | "joint";

export interface Source {
  readonly id: string;
  readonly url?: string;
  readonly outlet: string;
  readonly title: string;
  readonly published: PreciseDate;
  readonly kind: SourceKind;
}

export interface AgreementSettings {
  readonly staleAfterDays: number;
  readonly warnBeforeDays: number;
}

export const DEFAULT_SETTINGS: AgreementSettings = { staleAfterDays: 45, warnBeforeDays: 14 };

export interface StatusUpdate {
  readonly on: PreciseDate;
  readonly status: Status;
  readonly rationale: string;
  /** Source ids. */
  readonly sources: readonly string[];
}

export interface DeadlineChange {
  readonly on: PreciseDate;
  readonly to: PreciseDate;
  readonly reason: string;
  readonly sources: readonly string[];
}

export interface EvidenceLink {
  /** Source id. */
  readonly source: string;
  readonly stance: Stance;
  readonly quote: string;
}

export interface Milestone {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  /** The original deadline; null when none was stated. */
  readonly deadline: PreciseDate | null;
  /** In date order, then insertion order. */
  readonly deadlineChanges: readonly DeadlineChange[];
  /** In date order, then insertion order: of several on one date the last is the latest. */
  readonly statusUpdates: readonly StatusUpdate[];
  readonly evidence: readonly EvidenceLink[];
}

export interface Observation {
  readonly on: PreciseDate;
  readonly value: number;
  readonly source: string;
  readonly quote: string;
}

export interface Indicator {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly target?: number;
  readonly observations: readonly Observation[];
}

export interface Commitment {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly responsible: Responsible;
  readonly owner: string;
  readonly tags: readonly string[];
  readonly weight: number;
  readonly milestones: readonly Milestone[];
  readonly indicators: readonly Indicator[];
}

export interface Agreement {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly parties: readonly [PartyCode, PartyCode];
  readonly announced: PreciseDate;
  readonly published: boolean;
  readonly settings: AgreementSettings;
  readonly commitments: readonly Commitment[];
}

/** One organisation's tracked agreements with the sources they cite: the content of an accordwatch/v1 document. */
export interface Dataset {
  /** Sorted by id. */
  readonly sources: readonly Source[];
  /** Sorted by slug. */
  readonly agreements: readonly Agreement[];
}

// ---- Computed health (spec/health.md) ----

export interface RaisedFlag {
  readonly flag: Flag;
  /** The day the flag took effect, `YYYY-MM-DD`. */
  readonly since: string;
  readonly reason: string;
}

export interface MilestoneHealth {
  readonly id: string;
  readonly health: Health;
  /** In reason order (FLAGS). Empty for terminal milestones. */
  readonly flags: readonly RaisedFlag[];
}

export interface CommitmentHealth {
  readonly id: string;
  readonly health: Health;
  /** 0–100, whole number. */
  readonly progress: number;
  /** Compliance score: -1, 0 or +1. */
  readonly score: -1 | 0 | 1;
  readonly milestones: readonly MilestoneHealth[];
}

export interface PartyCompliance {
  /** Weighted mean on -1…+1, rounded to two decimals. */
  readonly mean: number;
  /** round((unrounded mean + 1) × 50). */
  readonly percent: number;
}

export interface AgreementHealth {
  readonly slug: string;
  /** One key per party in the agreement's order; null for a party responsible for nothing. */
  readonly parties: Readonly<Record<PartyCode, PartyCompliance | null>>;
  readonly counts: Readonly<Record<Health, number>>;
  readonly commitments: readonly CommitmentHealth[];
}

/** The machine-readable health document of spec/health.md. */
export interface HealthDocument {
  readonly asOf: string;
  readonly agreements: readonly AgreementHealth[];
}

/** One entry of a milestone's health history: the state from `date` until the next entry. */
export interface HealthHistoryEntry {
  readonly date: string;
  readonly health: Health;
  readonly flags: readonly RaisedFlag[];
}

/** One entry of a commitment's health history: its health from `date` until the next entry. */
export interface CommitmentHealthHistoryEntry {
  readonly date: string;
  readonly health: Health;
  /** Progress on that date, 0–100 (spec/health.md, "Commitment"). */
  readonly progress: number;
  readonly score: -1 | 0 | 1;
}
