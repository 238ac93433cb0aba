import { useTranslations } from "next-intl";
import type { PreciseDate } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";

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
  const t = useTranslations("scorecard.facts");
  const f = useFormat();
  // "France (FR) and United Kingdom (GB)", "France (FR) et Royaume-Uni (GB)".
  const names = new Intl.ListFormat(f.tag, { type: "conjunction" }).format(parties.map((code) => f.party(code)));
  return (
    <dl className={`grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 ${className}`}>
      <dt className="font-medium text-muted">{t("parties")}</dt>
      <dd>{names}</dd>
      <dt className="font-medium text-muted">{t("announced")}</dt>
      <dd>
        <time dateTime={announced.date}>{f.date(announced)}</time>
      </dd>
    </dl>
  );
}
