import type { Viewer } from "@/lib/auth/viewer";
import { createSourceSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import { ValidationError } from "../errors";
import { dateColumns, isUniqueViolation, runCommand } from "./shared";
import { sourceValues } from "./values";

export interface SourceRef {
  readonly id: string;
  readonly version: number;
}

function idTaken(id: string): ValidationError {
  return ValidationError.field("id", `there is a source "${id}" already: choose another id`);
}

/** A new source of the organisation, which any of its milestones and indicators may then cite. */
export async function createSource(viewer: Viewer, orgSlug: string, input: unknown): Promise<SourceRef> {
  return runCommand(viewer, orgSlug, createSourceSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    if ((await tx.source.count({ where: { organisationId, key: data.id } })) > 0) throw idTaken(data.id);
    const published = dateColumns(data.published);
    const row = await tx.source
      .create({
        data: {
          organisationId,
          key: data.id,
          url: data.url ?? null,
          outlet: data.outlet,
          title: data.title,
          publishedDate: published.date,
          publishedPrecision: published.precision,
          kind: data.kind,
        },
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? idTaken(data.id) : error;
      });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "source.create",
      entityType: "source",
      entityId: row.id,
      after: sourceValues(row),
    });
    return { id: row.key, version: row.version };
  });
}
