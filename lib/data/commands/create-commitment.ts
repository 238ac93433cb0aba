import type { Viewer } from "@/lib/auth/viewer";
import { createCommitmentSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import { findAgreementOrThrow, isUniqueViolation, nextPosition, runCommand } from "./shared";
import { commitmentValues } from "./values";

export interface CommitmentRef {
  readonly agreement: string;
  readonly id: string;
  readonly version: number;
}

/** `responsible` must be one of the agreement's parties, or "joint" (spec/interchange.md). */
export function checkResponsible(responsible: string, parties: readonly [string, string]): void {
  if (responsible === "joint" || parties.includes(responsible)) return;
  throw ValidationError.field(
    "responsible",
    `expected one of the agreement's parties (${parties.join(", ")}) or "joint", got ${JSON.stringify(responsible)}`,
  );
}

function idTaken(id: string): ValidationError {
  return ValidationError.field("id", `there is a commitment "${id}" in this agreement already: choose another id`);
}

/** A new commitment at the end of its agreement's list. */
export async function createCommitment(viewer: Viewer, orgSlug: string, input: unknown): Promise<CommitmentRef> {
  return runCommand(viewer, orgSlug, createCommitmentSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const agreement = await findAgreementOrThrow(tx, organisationId, data.agreement);
    checkResponsible(data.responsible, [agreement.partyA, agreement.partyB]);
    const siblings = { organisationId, agreementId: agreement.id };
    if ((await tx.commitment.count({ where: { ...siblings, key: data.id } })) > 0) throw idTaken(data.id);
    const last = await tx.commitment.aggregate({ where: siblings, _max: { position: true } });
    const row = await tx.commitment
      .create({
        data: {
          ...siblings,
          key: data.id,
          title: data.title,
          description: data.description,
          responsible: data.responsible,
          owner: data.owner,
          tags: data.tags,
          weight: data.weight,
          position: nextPosition(last._max.position),
        },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? idTaken(data.id) : error;
      });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "commitment.create",
      entityType: "commitment",
      entityId: row.id,
      after: { agreement: agreement.slug, ...commitmentValues(row) },
    });
    return { agreement: agreement.slug, id: row.key, version: row.version };
  });
}
