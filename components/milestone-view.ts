import { recordKey } from "@/lib/domain/schemas/comments";
import type { PreciseDate, Status } from "@/lib/domain/types";

/** A milestone's state on the as-of date, as lib/domain/health's `milestoneState` computes it. */
export interface MilestoneView {
  /** The latest status as of the date (a milestone with no update yet counts as not started). */
  readonly status: Status | null;
  readonly statusOn: PreciseDate | null;
  /** The deadline in force on the as-of date; null when none was stated. */
  readonly deadline: PreciseDate | null;
  /** True when the deadline has been moved later at least once. */
  readonly slipped: boolean;
}

/**
 * Key of a milestone in maps handed to components (milestone ids are unique within their commitment only): the
 * same key as lib/data's record versions and comments use.
 */
export function milestoneKey(commitmentId: string, milestoneId: string): string {
  return recordKey(commitmentId, milestoneId);
}
