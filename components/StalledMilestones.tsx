import { useTranslations } from "next-intl";
import type { AgreementHealth, Commitment } from "@/lib/domain/types";
import { Link } from "@/lib/i18n/navigation";
import { milestoneKey } from "./milestone-view";

interface StalledMilestonesProps {
  commitments: readonly Commitment[];
  health: AgreementHealth;
  /** Where each one links: its place on the scorecard, or its own page when the scorecard does not list it. */
  hrefOf: (commitment: string, milestone: string) => string;
  /** How many to name, the first in the agreement's order; the rest are counted (a compact scorecard). */
  limit?: number;
}

/** The stalled milestones with their reasons, so the worst news is read first (spec/health.md, "Party and agreement"). */
export function StalledMilestones({ commitments, health, hrefOf, limit }: StalledMilestonesProps) {
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
        return [{ key, commitment, milestone, flags: mh.flags, href: hrefOf(commitment.id, milestone.id) }];
      });
  });

  if (stalled.length === 0) {
    return <p className="text-muted">{t("none")}</p>;
  }
  const shown = limit === undefined ? stalled : stalled.slice(0, limit);
  const more = stalled.length - shown.length;
  return (
    <>
      <ul className="space-y-3">
        {shown.map(({ key, commitment, milestone, flags, href }) => (
          <li key={key} className="rounded-lg border-l-4 border-orange-700 bg-orange-50 px-4 py-3">
            <p>
              {href.startsWith("#") ? (
                <a href={href} className="font-semibold">
                  {milestone.title}
                </a>
              ) : (
                <Link href={href} className="font-semibold">
                  {milestone.title}
                </Link>
              )}{" "}
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
      {more > 0 ? (
        <p className="mt-3 text-muted" data-stalled-more={more}>
          {t("more", { count: more })}
        </p>
      ) : null}
    </>
  );
}
