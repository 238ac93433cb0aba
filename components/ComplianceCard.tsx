import { useTranslations } from "next-intl";
import type { PartyCode, PartyCompliance } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { PercentBar } from "./PercentBar";

interface ComplianceCardProps {
  party: PartyCode;
  compliance: PartyCompliance | null;
  /** How many commitments the party answers for, `joint` ones included. */
  commitmentCount: number;
}

/** One party's compliance: the percentage, and the mean on the −1…+1 scale it comes from. */
export function ComplianceCard({ party, compliance, commitmentCount }: ComplianceCardProps) {
  const t = useTranslations("scorecard.compliance");
  const f = useFormat();
  const headingId = `compliance-${party}`;
  return (
    <section
      aria-labelledby={headingId}
      data-party={party}
      className="rounded-lg border border-rule bg-white p-4 shadow-sm"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        {f.party(party)}
      </h3>
      {compliance === null ? (
        <>
          <p className="mt-2 text-4xl font-bold">—</p>
          <p className="mt-2 text-sm text-muted">{t("noScore")}</p>
        </>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1">
            <dt className="text-sm text-muted">{t("compliance")}</dt>
            <dd className="text-4xl font-bold tabular-nums">{f.percent(compliance.percent)}</dd>
            <dt className="text-sm text-muted">{t("mean")}</dt>
            <dd className="tabular-nums">
              <span className="font-semibold">{f.mean(compliance.mean)}</span>{" "}
              <span className="text-sm text-muted">{t("scale")}</span>
            </dd>
          </dl>
          <PercentBar percent={compliance.percent} className="mt-3 h-2.5" />
          <p className="mt-2 text-sm text-muted">{t("from", { count: commitmentCount })}</p>
        </>
      )}
    </section>
  );
}
