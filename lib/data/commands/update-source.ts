import type { Viewer } from "@/lib/auth/viewer";
import { updateSourceSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import type { SourceRef } from "./create-source";
import { compareAndSet, dateColumns, findSourceOrThrow, runCommand } from "./shared";
import { sourceValues } from "./values";

/** Saves the source's form. Refused (ConflictError) when it changed since `expectedVersion`. */
export async function updateSource(viewer: Viewer, orgSlug: string, input: unknown): Promise<SourceRef> {
  return runCommand(viewer, orgSlug, updateSourceSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const find = () => findSourceOrThrow(tx, organisationId, data.source);
    const before = await find();
    const published = dateColumns(data.published);
    const entity = { type: "source", id: before.id };
    await compareAndSet(
      tx,
      organisationId,
      entity,
      () =>
        tx.source.updateMany({
          where: { id: before.id, organisationId, version: data.expectedVersion },
          data: {
            url: data.url ?? null,
            outlet: data.outlet,
            title: data.title,
            publishedDate: published.date,
            publishedPrecision: published.precision,
            kind: data.kind,
            version: { increment: 1 },
          },
        }),
      async () => sourceValues(await find()),
    );
    const after = await find();
    await recordAudit(tx, viewer, {
      organisationId,
      action: "source.update",
      entityType: entity.type,
      entityId: entity.id,
      before: sourceValues(before),
      after: sourceValues(after),
    });
    return { id: after.key, version: after.version };
  });
}
