import type { Viewer } from "@/lib/auth/viewer";
import { removeEvidenceSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { milestoneAddressOf } from "./link-evidence";
import { conflictError, findEvidenceOrThrow, findMilestoneOrThrow, runCommand } from "./shared";
import { evidenceValues } from "./values";

export interface RemovedEvidence {
  readonly agreement: string;
  readonly commitment: string;
  readonly milestone: string;
  readonly evidence: string;
}

/**
 * Removes an evidence link (a link made in error, or to the wrong milestone). The link goes; the audit event keeps
 * it whole, with who removed it and why. Refused (ConflictError) when it changed since `expectedVersion`.
 */
export async function removeEvidence(viewer: Viewer, orgSlug: string, input: unknown): Promise<RemovedEvidence> {
  return runCommand(viewer, orgSlug, removeEvidenceSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const milestone = await findMilestoneOrThrow(tx, organisationId, data);
    const before = await findEvidenceOrThrow(tx, organisationId, milestone.id, data.evidence);
    const { count } = await tx.evidenceLink.deleteMany({
      where: { id: before.id, organisationId, version: data.expectedVersion },
    });
    if (count !== 1) {
      const current = await findEvidenceOrThrow(tx, organisationId, milestone.id, data.evidence);
      throw await conflictError(tx, organisationId, { type: "evidence", id: before.id }, evidenceValues(current));
    }
    await recordAudit(tx, viewer, {
      organisationId,
      action: "evidence.remove",
      entityType: "evidence",
      entityId: before.id,
      before: { ...milestoneAddressOf(data), ...evidenceValues(before) },
      reason: data.reason,
    });
    return { ...milestoneAddressOf(data), evidence: before.id };
  });
}
