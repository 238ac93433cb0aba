import type { Viewer } from "@/lib/auth/viewer";
import { recordStatusUpdateSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import type { MilestoneRef } from "./create-milestone";
import { bumpMilestone, dateColumns, findMilestoneOrThrow, nextPosition, runCommand, sourceIdsOrThrow } from "./shared";

/**
 * Appends a status to the milestone's history (never edited afterwards) and bumps the milestone's version: its
 * state as shown on every page changed. With `expectedVersion`, refused when the milestone changed since the form
 * was loaded, so that two editors do not record conflicting statuses without seeing each other's.
 */
export async function recordStatusUpdate(viewer: Viewer, orgSlug: string, input: unknown): Promise<MilestoneRef> {
  return runCommand(viewer, orgSlug, recordStatusUpdateSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const milestone = await findMilestoneOrThrow(tx, organisationId, data);
    const sourceIds = await sourceIdsOrThrow(tx, organisationId, data.sources, "sources");
    const version = await bumpMilestone(tx, organisationId, milestone, data);

    const last = await tx.statusUpdate.aggregate({
      where: { organisationId, milestoneId: milestone.id },
      _max: { position: true },
    });
    const on = dateColumns(data.on);
    const update = await tx.statusUpdate.create({
      data: {
        organisationId,
        milestoneId: milestone.id,
        onDate: on.date,
        onPrecision: on.precision,
        status: data.status,
        rationale: data.rationale,
        position: nextPosition(last._max.position),
      },
    });
    if (sourceIds.length > 0) {
      await tx.statusUpdateSource.createMany({
        data: sourceIds.map((sourceId, position) => ({
          organisationId,
          statusUpdateId: update.id,
          sourceId,
          position,
        })),
      });
    }
    await recordAudit(tx, viewer, {
      organisationId,
      action: "milestone.status.update",
      entityType: "milestone",
      entityId: milestone.id,
      after: { on: data.on, status: data.status, rationale: data.rationale, sources: data.sources, version },
      reason: data.rationale,
    });
    return { agreement: data.agreement, commitment: data.commitment, id: milestone.key, version };
  });
}
