import { formatPreciseDate } from "@/lib/domain/dates";
import type { PreciseDate } from "@/lib/domain/types";
import { partyLabel } from "./labels";

/** The parties and announcement date of an agreement, as a definition list. */
export function AgreementFacts({
  parties,
  announced,
  className,
}: {
  parties: readonly string[];
  announced: PreciseDate;
  className: string;
}) {
  return (
    <dl className={`grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 ${className}`}>
      <dt className="font-medium text-muted">Parties</dt>
      <dd>{parties.map((code) => partyLabel(code)).join(" and ")}</dd>
      <dt className="font-medium text-muted">Announced</dt>
      <dd>
        <time dateTime={announced.date}>{formatPreciseDate(announced)}</time>
      </dd>
    </dl>
  );
}
