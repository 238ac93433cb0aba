import type { Viewer } from "@/lib/auth/viewer";
import { createIndicatorSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import { findCommitmentOrThrow, isUniqueViolation, nextPosition, runCommand } from "./shared";
import { indicatorValues } from "./values";

export interface IndicatorRef {
  readonly agreement: string;
  readonly commitment: string;
  readonly id: string;
  readonly version: number;
}

function idTaken(id: string): ValidationError {
  return ValidationError.field("id", `there is an indicator "${id}" in this commitment already: choose another id`);
}

/** A new indicator at the end of its commitment's list, with no observation yet. */
export async function createIndicator(viewer: Viewer, orgSlug: string, input: unknown): Promise<IndicatorRef> {
  return runCommand(viewer, orgSlug, createIndicatorSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const commitment = await findCommitmentOrThrow(tx, organisationId, data.agreement, data.commitment);
    const siblings = { organisationId, commitmentId: commitment.id };
    if ((await tx.indicator.count({ where: { ...siblings, key: data.id } })) > 0) throw idTaken(data.id);
    const last = await tx.indicator.aggregate({ where: siblings, _max: { position: true } });
    const row = await tx.indicator
      .create({
        data: {
          ...siblings,
          key: data.id,
          title: data.title,
          unit: data.unit,
          target: data.target ?? null,
          position: nextPosition(last._max.position),
        },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? idTaken(data.id) : error;
      });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "indicator.create",
      entityType: "indicator",
      entityId: row.id,
      after: { agreement: data.agreement, commitment: data.commitment, ...indicatorValues(row) },
    });
    return { agreement: data.agreement, commitment: data.commitment, id: row.key, version: row.version };
  });
}
