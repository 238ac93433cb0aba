import type { Viewer } from "@/lib/auth/viewer";
import { updateEvidenceSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { milestoneAddressOf, type EvidenceRef } from "./link-evidence";
import { compareAndSet, findEvidenceOrThrow, findMilestoneOrThrow, runCommand } from "./shared";
import { evidenceValues } from "./values";

/** Changes the stance or the quote of an evidence link. Refused (ConflictError) when it changed since then. */
export async function updateEvidence(viewer: Viewer, orgSlug: string, input: unknown): Promise<EvidenceRef> {
  return runCommand(viewer, orgSlug, updateEvidenceSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const milestone = await findMilestoneOrThrow(tx, organisationId, data);
    const find = () => findEvidenceOrThrow(tx, organisationId, milestone.id, data.evidence);
    const before = await find();
    const entity = { type: "evidence", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.evidenceLink.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: { stance: data.stance, quote: data.quote, version: { increment: 1 } },
        }),
      async () => evidenceValues(await find()),
    );
    const after = await find();
    await recordAudit(tx, viewer, {
      organisationId,
      action: "evidence.update",
      entityType: entity.type,
      entityId: entity.id,
      before: evidenceValues(before),
      after: evidenceValues(after),
    });
    return { ...milestoneAddressOf(data), evidence: after.id, version: after.version };
  });
}
