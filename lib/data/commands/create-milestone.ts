import type { Viewer } from "@/lib/auth/viewer";
import { createMilestoneSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import { dateColumns, findCommitmentOrThrow, isUniqueViolation, nextPosition, runCommand } from "./shared";
import { milestoneValues } from "./values";

export interface MilestoneRef {
  readonly agreement: string;
  readonly commitment: string;
  readonly id: string;
  readonly version: number;
}

function idTaken(id: string): ValidationError {
  return ValidationError.field("id", `there is a milestone "${id}" in this commitment already: choose another id`);
}

/** A new milestone at the end of its commitment's list, with no status yet (NOT_STARTED until one is recorded). */
export async function createMilestone(viewer: Viewer, orgSlug: string, input: unknown): Promise<MilestoneRef> {
  return runCommand(viewer, orgSlug, createMilestoneSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const commitment = await findCommitmentOrThrow(tx, organisationId, data.agreement, data.commitment);
    const siblings = { organisationId, commitmentId: commitment.id };
    if ((await tx.milestone.count({ where: { ...siblings, key: data.id } })) > 0) throw idTaken(data.id);
    const last = await tx.milestone.aggregate({ where: siblings, _max: { position: true } });
    const deadline = data.deadline === undefined ? null : dateColumns(data.deadline);
    const row = await tx.milestone
      .create({
        data: {
          ...siblings,
          key: data.id,
          title: data.title,
          owner: data.owner,
          deadlineDate: deadline?.date ?? null,
          deadlinePrecision: deadline?.precision ?? null,
          position: nextPosition(last._max.position),
        },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? idTaken(data.id) : error;
      });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "milestone.create",
      entityType: "milestone",
      entityId: row.id,
      after: { agreement: data.agreement, commitment: data.commitment, ...milestoneValues(row) },
    });
    return { agreement: data.agreement, commitment: data.commitment, id: row.key, version: row.version };
  });
}
