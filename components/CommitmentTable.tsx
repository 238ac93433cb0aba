import { useTranslations } from "next-intl";
import { HEALTHS, type Commitment, type CommitmentHealth, type Health } from "@/lib/domain/types";
import { useFormat } from "@/lib/i18n/format";
import { localisedPath } from "@/lib/i18n/paths";
import { commitmentAnchor } from "@/lib/urls";
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
 *
 * The rows are kept lean, as a hundred of them are most of the page and of its RSC payload: the title is a plain
 * link (next/link is a client component, a reference and its props in the payload for each row, and it would
 * prefetch the hundred commitment pages a reader scrolls past), and the tally is one string.
 */
export function CommitmentTable({ rows, href }: CommitmentTableProps) {
  const t = useTranslations("scorecard.commitment");
  const f = useFormat();
  return (
    <RecordTable columns={[t("title"), t("responsible"), t("progress"), t("milestonesColumn")]}>
      {rows.map(({ commitment, health }) => (
        <tr key={commitment.id} id={commitmentAnchor(commitment.id)}>
          <th scope="row" className="font-semibold">
            <a href={localisedPath(href(commitment.id), f.locale)}>{commitment.title}</a>
          </th>
          <td data-responsible={commitment.responsible}>{f.responsible(commitment.responsible)}</td>
          <td className="tabular-nums">{f.percent(health.progress)}</td>
          <MilestoneTally health={health} />
        </tr>
      ))}
    </RecordTable>
  );
}

/**
 * "20 milestones: At risk 5, Stalled 10, …", the healths with none left out, in one cell; `data-milestone-counts`
 * gives the same counts to scripts and tests ("AT_RISK 5,STALLED 10,…").
 */
function MilestoneTally({ health }: { health: CommitmentHealth }) {
  const t = useTranslations("scorecard.commitment");
  const f = useFormat();
  if (health.milestones.length === 0)
    return (
      <td data-milestone-counts="" className="text-muted">
        {t("noMilestoneShort")}
      </td>
    );
  const counts = new Map<Health, number>();
  for (const m of health.milestones) counts.set(m.health, (counts.get(m.health) ?? 0) + 1);
  const present = HEALTHS.filter((h) => counts.has(h));
  const tally = present.map((h) => `${f.labels.health[h]} ${f.number(counts.get(h) ?? 0)}`).join(", ");
  return (
    <td data-milestone-counts={present.map((h) => `${h} ${counts.get(h) ?? 0}`).join(",")}>
      {`${t("milestoneCount", { count: health.milestones.length })}${tally}`}
    </td>
  );
}
