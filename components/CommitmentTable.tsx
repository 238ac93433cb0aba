import { useTranslations } from "next-intl";
import { HEALTHS, type Commitment, type CommitmentHealth, type Health } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { commitmentAnchor } from "@/lib/urls";
import { HEALTH_SYMBOLS } from "./labels";
import { RecordTable } from "./workspace/RecordTable";

interface CommitmentTableProps {
  /** The commitments of one health, in the agreement's order, each with its health. */
  rows: ReadonlyArray<{ commitment: Commitment; health: CommitmentHealth }>;
  /** The address of a commitment's page (as of the day shown). */
  href: (commitment: string) => string;
}

/**
 * The commitments of a compact scorecard (lib/domain/scorecard.ts isCompactScorecard), one row each: its title (a
 * link to its page, where its milestones are), who answers for it, its progress, and how many of its milestones are
 * in each health. A row is a few hundred bytes of page where a CommitmentCard is several kilobytes: the scorecard of
 * a 2,000-milestone agreement lists a hundred commitments (bench/README.md, "Scale").
 */
export function CommitmentTable({ rows, href }: CommitmentTableProps) {
  const t = useTranslations("scorecard.commitment");
  const f = useFormat();
  return (
    <RecordTable columns={[t("title"), t("responsible"), t("progress"), t("milestonesColumn")]}>
      {rows.map(({ commitment, health }) => (
        <tr key={commitment.id} id={commitmentAnchor(commitment.id)}>
          <th scope="row" className="font-semibold">
            <Link href={href(commitment.id)}>{commitment.title}</Link>
          </th>
          <td data-responsible={commitment.responsible}>{f.responsible(commitment.responsible)}</td>
          <td className="tabular-nums">{f.percent(health.progress)}</td>
          <td>
            <MilestoneTally health={health} />
          </td>
        </tr>
      ))}
    </RecordTable>
  );
}

/** "20 milestones: ▲ At risk 5, ■ Stalled 10, …", the healths with none left out. */
function MilestoneTally({ health }: { health: CommitmentHealth }) {
  const t = useTranslations("scorecard.commitment");
  const f = useFormat();
  if (health.milestones.length === 0) return <span className="text-muted">{t("noMilestoneShort")}</span>;
  const counts = new Map<Health, number>();
  for (const m of health.milestones) counts.set(m.health, (counts.get(m.health) ?? 0) + 1);
  return (
    <>
      {t("milestoneCount", { count: health.milestones.length })}
      <ul className="inline [&>li]:inline [&>li]:whitespace-nowrap">
        {HEALTHS.filter((h) => counts.has(h)).map((h, i) => (
          <li key={h} data-milestone-count={h}>
            {i > 0 ? ", " : null}
            <span aria-hidden="true">{`${HEALTH_SYMBOLS[h]} `}</span>
            {`${f.labels.health[h]} ${f.number(counts.get(h) ?? 0)}`}
          </li>
        ))}
      </ul>
    </>
  );
}
