import type { Viewer } from "@/lib/auth/viewer";
import { updateMilestoneSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import type { MilestoneRef } from "./create-milestone";
import { compareAndSet, dateColumns, findMilestoneOrThrow, runCommand } from "./shared";
import { milestoneValues } from "./values";

/** Saves the milestone's form. Refused (ConflictError) when it changed since `expectedVersion`. */
export async function updateMilestone(viewer: Viewer, orgSlug: string, input: unknown): Promise<MilestoneRef> {
  return runCommand(viewer, orgSlug, updateMilestoneSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const find = () => findMilestoneOrThrow(tx, organisationId, data);
    const before = await find();
    const deadline = data.deadline === null ? null : dateColumns(data.deadline);
    const entity = { type: "milestone", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.milestone.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: {
            title: data.title,
            owner: data.owner,
            deadlineDate: deadline?.date ?? null,
            deadlinePrecision: deadline?.precision ?? null,
            version: { increment: 1 },
          },
        }),
      async () => milestoneValues(await find()),
    );
    const after = await find();
    await recordAudit(tx, viewer, {
      organisationId,
      action: "milestone.update",
      entityType: entity.type,
      entityId: entity.id,
      before: milestoneValues(before),
      after: milestoneValues(after),
    });
    return { agreement: data.agreement, commitment: data.commitment, id: after.key, version: after.version };
  });
}
