/**
 * The words for computed and recorded states, shared by the pages (components/labels.ts re-exports them) and by the
 * texts the domain writes itself (the changelog's titles and summaries, which the feeds carry), so that a page and
 * a feed entry say the same thing.
 */
import type { Flag, Health, Status } from "./types";

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
