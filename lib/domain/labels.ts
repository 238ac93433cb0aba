/**
 * The words for computed and recorded states, shared by the pages (components/labels.ts re-exports them) and by the
 * texts the domain writes itself (the changelog's titles and summaries, which the feeds carry), so that a page and
 * a feed entry say the same thing.
 */
import type { Flag, Health, SourceKind, Stance, Status } from "./types";

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  STALLED: "Stalled",
  DONE: "Done",
  PARTIAL: "Partial",
  BROKEN: "Broken",
};

export const FLAG_LABELS: Readonly<Record<Flag, string>> = {
  OVERDUE: "Overdue",
  CONTRADICTED: "Contradicted",
  SLIPPED: "Slipped",
  DORMANT: "Dormant",
  DUE_SOON: "Due soon",
};

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETE: "Complete",
  PARTIAL: "Partial",
  ABANDONED: "Abandoned",
};

export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  SUPPORTS: "Supports",
  INDICATES_DELAY: "Indicates delay",
  CONTRADICTS: "Contradicts",
  NEUTRAL: "Neutral",
};

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  OFFICIAL_DOCUMENT: "Official document",
  STATEMENT: "Statement",
  MEDIA_REPORT: "Media report",
  LEAK: "Leak",
  DATA: "Data",
  PARLIAMENTARY_RECORD: "Parliamentary record",
};
