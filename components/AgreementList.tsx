import { Link } from "@/lib/i18n/navigation";
import type { AgreementSummary } from "@/lib/data/public";
import { scorecardPath } from "@/lib/urls";
import { AgreementFacts } from "./AgreementFacts";

interface AgreementListProps {
  orgSlug: string;
  agreements: readonly AgreementSummary[];
  /** The level of each agreement's title, so the list fits the page's heading outline. */
  headingLevel: 2 | 3 | 4;
  /** The day the links show the scorecards as of; omitted for today. */
  asOf?: string;
}

/** Published agreements, each linking to its scorecard, with its summary, parties and announced date. */
export function AgreementList({ orgSlug, agreements, headingLevel, asOf }: AgreementListProps) {
  const Heading = ({ 2: "h2", 3: "h3", 4: "h4" } as const)[headingLevel];
  return (
    <ul className="space-y-4">
      {agreements.map((agreement) => (
        <li key={agreement.slug}>
          <article className="rounded-lg border border-rule bg-white p-4 shadow-sm sm:p-5">
            <Heading className="text-lg font-semibold">
              <Link href={scorecardPath(orgSlug, agreement.slug, asOf === undefined ? {} : { asOf })}>
                {agreement.title}
              </Link>
            </Heading>
            <p className="mt-1">{agreement.summary}</p>
            <AgreementFacts parties={agreement.parties} announced={agreement.announced} className="mt-3 text-sm" />
          </article>
        </li>
      ))}
    </ul>
  );
}
