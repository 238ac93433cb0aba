import { useTranslations } from "next-intl";
import type { AgreementHealth, Commitment } from "@/lib/domain/types";
import { milestoneKey } from "./milestone-view";

interface StalledMilestonesProps {
  commitments: readonly Commitment[];
  health: AgreementHealth;
  milestoneDomIds: ReadonlyMap<string, string>;
}

/** The stalled milestones with their reasons, so the worst news is read first (spec/health.md, "Party and agreement"). */
export function StalledMilestones({ commitments, health, milestoneDomIds }: StalledMilestonesProps) {
  const t = useTranslations("scorecard.stalled");
  const stalled = health.commitments.flatMap((ch) => {
    const commitment = commitments.find((c) => c.id === ch.id);
    if (!commitment) return [];
    return ch.milestones
      .filter((mh) => mh.health === "STALLED")
      .flatMap((mh) => {
        const milestone = commitment.milestones.find((m) => m.id === mh.id);
        if (!milestone) return [];
        const key = milestoneKey(commitment.id, milestone.id);
        return [{ key, commitment, milestone, flags: mh.flags, domId: milestoneDomIds.get(key) ?? "" }];
      });
  });

  if (stalled.length === 0) {
    return <p className="text-muted">{t("none")}</p>;
  }
  return (
    <ul className="space-y-3">
      {stalled.map(({ key, commitment, milestone, flags, domId }) => (
        <li key={key} className="rounded-lg border-l-4 border-orange-700 bg-orange-50 px-4 py-3">
          <p>
            <a href={`#${domId}`} className="font-semibold">
              {milestone.title}
            </a>{" "}
            <span className="text-sm text-muted">— {commitment.title}</span>
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {flags.map((flag) => (
              <li key={flag.flag}>{flag.reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
