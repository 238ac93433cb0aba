import Link from "next/link";
import { formatPreciseDate } from "@/lib/domain/dates";
import type { AgreementSummary } from "@/lib/data/public";
import { partyLabel } from "./labels";

interface AgreementListProps {
  orgSlug: string;
  agreements: readonly AgreementSummary[];
  /** The level of each agreement's title, so the list fits the page's heading outline. */
  headingLevel: 2 | 3 | 4;
}

/** Published agreements, each linking to its scorecard, with its summary, parties and announced date. */
export function AgreementList({ orgSlug, agreements, headingLevel }: AgreementListProps) {
  const Heading = ({ 2: "h2", 3: "h3", 4: "h4" } as const)[headingLevel];
  return (
    <ul className="space-y-4">
      {agreements.map((agreement) => (
        <li key={agreement.slug}>
          <article className="rounded-lg border border-rule bg-white p-4 shadow-sm sm:p-5">
            <Heading className="text-lg font-semibold">
              <Link href={`/${orgSlug}/${agreement.slug}`}>{agreement.title}</Link>
            </Heading>
            <p className="mt-1">{agreement.summary}</p>
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium text-muted">Parties</dt>
              <dd>{agreement.parties.map(partyLabel).join(" and ")}</dd>
              <dt className="font-medium text-muted">Announced</dt>
              <dd>
                <time dateTime={agreement.announced.date}>{formatPreciseDate(agreement.announced)}</time>
              </dd>
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}
