import type { Viewer } from "@/lib/auth/viewer";
import { recordDeadlineChangeSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import type { MilestoneRef } from "./create-milestone";
import { bumpMilestone, dateColumns, findMilestoneOrThrow, nextPosition, runCommand, sourceIdsOrThrow } from "./shared";

/**
 * Appends a deadline change (when it was made known, the new deadline, why, the sources) to the milestone's
 * history; the original deadline stays as it was. Bumps the milestone's version as a status update does.
 */
export async function recordDeadlineChange(viewer: Viewer, orgSlug: string, input: unknown): Promise<MilestoneRef> {
  return runCommand(viewer, orgSlug, recordDeadlineChangeSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const milestone = await findMilestoneOrThrow(tx, organisationId, data);
    const sourceIds = await sourceIdsOrThrow(tx, organisationId, data.sources, "sources");
    const version = await bumpMilestone(tx, organisationId, milestone, data);

    const last = await tx.deadlineChange.aggregate({
      where: { organisationId, milestoneId: milestone.id },
      _max: { position: true },
    });
    const on = dateColumns(data.on);
    const to = dateColumns(data.to);
    const change = await tx.deadlineChange.create({
      data: {
        organisationId,
        milestoneId: milestone.id,
        onDate: on.date,
        onPrecision: on.precision,
        toDate: to.date,
        toPrecision: to.precision,
        reason: data.reason,
        position: nextPosition(last._max.position),
      },
    });
    await tx.deadlineChangeSource.createMany({
      data: sourceIds.map((sourceId, position) => ({
        organisationId,
        deadlineChangeId: change.id,
        sourceId,
        position,
      })),
    });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "milestone.deadline.change",
      entityType: "milestone",
      entityId: milestone.id,
      after: { on: data.on, to: data.to, reason: data.reason, sources: data.sources, version },
      reason: data.reason,
    });
    return { agreement: data.agreement, commitment: data.commitment, id: milestone.key, version };
  });
}
