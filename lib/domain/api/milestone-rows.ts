/**
 * The milestone table of the open-data API (milestones.csv): one row per milestone as the scorecard shows it on a
 * day, computed by the scorecard's own function (lib/domain/scorecard.ts). Pure: the day is a parameter.
 */
import { formatDateText, periodEnd } from "../dates";
import { recordKey } from "../schemas/comments";
import { scorecardAt } from "../scorecard";
import type { Agreement, Source } from "../types";
import type { MilestoneRow } from "./responses";

/** Rows in display order: commitments, then their milestones, as on the scorecard. */
export function milestoneRows(agreement: Agreement, sources: readonly Source[], asOf: string): MilestoneRow[] {
  const { health, milestones } = scorecardAt(agreement, sources, asOf);
  const rows: MilestoneRow[] = [];
  agreement.commitments.forEach((c, ci) => {
    const ch = health.commitments[ci];
    c.milestones.forEach((m, mi) => {
      const mh = ch?.milestones[mi];
      const state = milestones.get(recordKey(c.id, m.id));
      if (mh === undefined || mh.id !== m.id || state === undefined) {
        throw new Error(`milestoneRows: no health for ${c.id}/${m.id}`);
      }
      rows.push({
        as_of: asOf,
        commitment_id: c.id,
        commitment_title: c.title,
        milestone_id: m.id,
        milestone_title: m.title,
        responsible: c.responsible,
        owner: m.owner,
        deadline: state.deadline === null ? "" : formatDateText(state.deadline),
        due: state.deadline === null ? "" : periodEnd(state.deadline),
        status: state.status,
        health: mh.health,
        flags: mh.flags.map((f) => f.flag).join(";"),
        reasons: mh.flags.map((f) => f.reason).join("\n"),
      });
    });
  });
  return rows;
}

/** The file name of an agreement's milestone table on a day. */
export function milestonesFilename(org: string, agreement: string, asOf: string): string {
  return `${org}-${agreement}-milestones-${asOf}.csv`;
}
