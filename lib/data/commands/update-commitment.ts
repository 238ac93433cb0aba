import type { Viewer } from "@/lib/auth/viewer";
import { updateCommitmentSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { checkResponsible, type CommitmentRef } from "./create-commitment";
import { compareAndSet, findCommitmentOrThrow, runCommand } from "./shared";
import { commitmentValues } from "./values";

/** Saves the commitment's form. Refused (ConflictError) when it changed since `expectedVersion`. */
export async function updateCommitment(viewer: Viewer, orgSlug: string, input: unknown): Promise<CommitmentRef> {
  return runCommand(viewer, orgSlug, updateCommitmentSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const find = () => findCommitmentOrThrow(tx, organisationId, data.agreement, data.commitment);
    const before = await find();
    checkResponsible(data.responsible, [before.agreement.partyA, before.agreement.partyB]);
    const entity = { type: "commitment", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.commitment.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: {
            title: data.title,
            description: data.description,
            responsible: data.responsible,
            owner: data.owner,
            tags: data.tags,
            weight: data.weight,
            version: { increment: 1 },
          },
        }),
      async () => commitmentValues(await find()),
    );
    const after = await find();
    await recordAudit(tx, viewer, {
      organisationId,
      action: "commitment.update",
      entityType: entity.type,
      entityId: entity.id,
      before: commitmentValues(before),
      after: commitmentValues(after),
    });
    return { agreement: data.agreement, id: after.key, version: after.version };
  });
}
