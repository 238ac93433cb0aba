import type { Viewer } from "@/lib/auth/viewer";
import { moveMilestoneSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import type { MilestoneRef } from "./create-milestone";
import { compareAndSet, findMilestoneOrThrow, runCommand } from "./shared";
import { milestoneValues } from "./values";

/**
 * Moves a milestone to `position` in its commitment's list; the others keep their relative order and are numbered
 * 0…n-1 again. Only the moved milestone's version changes: reordering does not edit its neighbours' fields, so their
 * open forms stay valid.
 */
export async function moveMilestone(viewer: Viewer, orgSlug: string, input: unknown): Promise<MilestoneRef> {
  return runCommand(viewer, orgSlug, moveMilestoneSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const find = () => findMilestoneOrThrow(tx, organisationId, data);
    const before = await find();
    const siblings = await tx.milestone.findMany({
      where: { organisationId, commitmentId: before.commitmentId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    if (data.position > siblings.length - 1) {
      throw ValidationError.field(
        "position",
        `expected a position from 0 to ${siblings.length - 1}, got ${data.position}`,
      );
    }
    const order = siblings.filter((s) => s.id !== before.id);
    order.splice(data.position, 0, { id: before.id, position: before.position });

    const entity = { type: "milestone", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.milestone.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: { position: data.position, version: { increment: 1 } },
        }),
      async () => milestoneValues(await find()),
    );
    for (const [position, sibling] of order.entries()) {
      if (sibling.id === before.id || sibling.position === position) continue;
      await tx.milestone.updateMany({ where: { id: sibling.id, organisationId }, data: { position } });
    }
    const after = await find();
    await recordAudit(tx, viewer, {
      organisationId,
      action: "milestone.move",
      entityType: entity.type,
      entityId: entity.id,
      before: { position: before.position, version: before.version },
      after: { position: after.position, version: after.version },
    });
    return { agreement: data.agreement, commitment: data.commitment, id: after.key, version: after.version };
  });
}
