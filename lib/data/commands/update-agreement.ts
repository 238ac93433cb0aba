import type { Viewer } from "@/lib/auth/viewer";
import { updateAgreementSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import type { AgreementRef } from "./create-agreement";
import { compareAndSet, dateColumns, findAgreementOrThrow, runCommand } from "./shared";
import { agreementValues } from "./values";

/** Saves the agreement's form. Refused (ConflictError) when the agreement changed since `expectedVersion`. */
export async function updateAgreement(viewer: Viewer, orgSlug: string, input: unknown): Promise<AgreementRef> {
  return runCommand(viewer, orgSlug, updateAgreementSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const before = await findAgreementOrThrow(tx, organisationId, data.agreement);
    const [partyA = "", partyB = ""] = data.parties;

    // A commitment must stay the responsibility of a party (or of both): dropping its party is refused.
    const orphans = await tx.commitment.findMany({
      where: { organisationId, agreementId: before.id, responsible: { notIn: ["joint", partyA, partyB] } },
      orderBy: { position: "asc" },
      select: { key: true, responsible: true },
    });
    if (orphans.length > 0) {
      throw ValidationError.field(
        "parties",
        orphans
          .map((c) => `the commitment "${c.key}" is the responsibility of ${c.responsible}`)
          .join("; ")
          .concat(": change it first, or keep that party"),
      );
    }

    const announced = dateColumns(data.announced);
    const entity = { type: "agreement", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.agreement.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: {
            title: data.title,
            summary: data.summary,
            partyA,
            partyB,
            announcedDate: announced.date,
            announcedPrecision: announced.precision,
            staleAfterDays: data.settings.staleAfterDays,
            warnBeforeDays: data.settings.warnBeforeDays,
            version: { increment: 1 },
          },
        }),
      async () => agreementValues(await findAgreementOrThrow(tx, organisationId, data.agreement)),
    );
    const after = await findAgreementOrThrow(tx, organisationId, data.agreement);
    await recordAudit(tx, viewer, {
      organisationId,
      action: "agreement.update",
      entityType: entity.type,
      entityId: entity.id,
      before: agreementValues(before),
      after: agreementValues(after),
    });
    return { slug: after.slug, version: after.version };
  });
}
