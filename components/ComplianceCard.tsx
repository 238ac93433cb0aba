import type { PartyCode, PartyCompliance } from "@/lib/domain/types";
import { formatMean, partyLabel } from "./labels";

interface ComplianceCardProps {
  party: PartyCode;
  compliance: PartyCompliance | null;
  /** How many commitments the party answers for, `joint` ones included. */
  commitmentCount: number;
}

/** One party's compliance: the percentage, and the mean on the −1…+1 scale it comes from. */
export function ComplianceCard({ party, compliance, commitmentCount }: ComplianceCardProps) {
  const headingId = `compliance-${party}`;
  return (
    <section
      aria-labelledby={headingId}
      data-party={party}
      className="rounded-lg border border-rule bg-white p-4 shadow-sm"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        {partyLabel(party)}
      </h3>
      {compliance === null ? (
        <>
          <p className="mt-2 text-4xl font-bold">—</p>
          <p className="mt-2 text-sm text-muted">
            No score: this party is responsible for no commitment in this agreement, so there is nothing to measure.
          </p>
        </>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1">
            <dt className="text-sm text-muted">Compliance</dt>
            <dd className="text-4xl font-bold tabular-nums">{compliance.percent}%</dd>
            <dt className="text-sm text-muted">Mean score</dt>
            <dd className="tabular-nums">
              <span className="font-semibold">{formatMean(compliance.mean)}</span>{" "}
              <span className="text-sm text-muted">on a scale from −1 to +1</span>
            </dd>
          </dl>
          {/* The bar only repeats the percentage above, so it is hidden from assistive technology. */}
          <div aria-hidden="true" className="mt-3 h-2.5 w-full overflow-hidden rounded-full bg-stone-200">
            <div
              className="h-full bg-stone-700"
              style={{ width: `${Math.min(100, Math.max(0, compliance.percent))}%` }}
            />
          </div>
          <p className="mt-2 text-sm text-muted">
            From {commitmentCount} {commitmentCount === 1 ? "commitment" : "commitments"}: each counts +1 when done, −1
            when stalled or broken, 0 otherwise.
          </p>
        </>
      )}
    </section>
  );
}
