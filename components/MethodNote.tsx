import type { AgreementSettings } from "@/lib/domain/types";

/** How the scorecard was computed, in the reader's terms, with this agreement's settings. */
export function MethodNote({ settings }: { settings: AgreementSettings }) {
  return (
    <div className="space-y-2 text-sm text-muted">
      <p>
        Health is computed from dated sources by published rules, never typed in: only records dated on or before the
        as-of date count, and a source dated to a month counts from the first day of that month. A deadline given as a
        month falls on its last day.
      </p>
      <p>
        A milestone is <strong>stalled</strong> when it is overdue, when its latest source reports delay or contradicts
        it, or when its deadline has slipped and nothing has been heard for {settings.staleAfterDays} days; it is{" "}
        <strong>at risk</strong> when any other warning applies (no news for {settings.staleAfterDays} days, a slipped
        deadline, or not started within {settings.warnBeforeDays} days of its deadline). A party’s compliance averages
        its commitments’ scores: +1 done, −1 stalled or broken, 0 otherwise.
      </p>
    </div>
  );
}
