import type { Viewer } from "@/lib/auth/viewer";
import { setAgreementPublishedSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import type { AgreementRef } from "./create-agreement";
import { compareAndSet, findAgreementOrThrow, runCommand } from "./shared";
import { agreementValues } from "./values";

/** Publishes an agreement (its scorecard becomes public) or takes it back to draft. */
export async function setAgreementPublished(viewer: Viewer, orgSlug: string, input: unknown): Promise<AgreementRef> {
  return runCommand(viewer, orgSlug, setAgreementPublishedSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const before = await findAgreementOrThrow(tx, organisationId, data.agreement);
    const entity = { type: "agreement", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.agreement.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: { published: data.published, version: { increment: 1 } },
        }),
      async () => agreementValues(await findAgreementOrThrow(tx, organisationId, data.agreement)),
    );
    const after = await findAgreementOrThrow(tx, organisationId, data.agreement);
    await recordAudit(tx, viewer, {
      organisationId,
      action: data.published ? "agreement.publish" : "agreement.unpublish",
      entityType: entity.type,
      entityId: entity.id,
      before: { published: before.published, version: before.version },
      after: { published: after.published, version: after.version },
    });
    return { slug: after.slug, version: after.version };
  });
}
