import type { Viewer } from "@/lib/auth/viewer";
import { recordObservationSchema } from "@/lib/domain/schemas";
import { recordAudit } from "../audit";
import type { IndicatorRef } from "./create-indicator";
import { bumpIndicator, dateColumns, findIndicatorOrThrow, nextPosition, runCommand, sourceIdOrThrow } from "./shared";

/**
 * Appends a dated value, its source and the quote to an indicator (never edited afterwards) and bumps the
 * indicator's version; with `expectedVersion`, refused when the indicator changed since the form was loaded.
 */
export async function recordObservation(viewer: Viewer, orgSlug: string, input: unknown): Promise<IndicatorRef> {
  return runCommand(viewer, orgSlug, recordObservationSchema, input, async ({ tx, organisation, input: data }) => {
    const organisationId = organisation.id;
    const indicator = await findIndicatorOrThrow(tx, organisationId, data);
    const sourceId = await sourceIdOrThrow(tx, organisationId, data.source, "source");
    const version = await bumpIndicator(tx, organisationId, indicator, data);
    const last = await tx.observation.aggregate({
      where: { organisationId, indicatorId: indicator.id },
      _max: { position: true },
    });
    const on = dateColumns(data.on);
    await tx.observation.create({
      data: {
        organisationId,
        indicatorId: indicator.id,
        onDate: on.date,
        onPrecision: on.precision,
        value: data.value,
        sourceId,
        quote: data.quote,
        position: nextPosition(last._max.position),
      },
    });
    await recordAudit(tx, viewer, {
      organisationId,
      action: "indicator.observation.record",
      entityType: "indicator",
      entityId: indicator.id,
      after: { on: data.on, value: data.value, source: data.source, quote: data.quote, version },
    });
    return { agreement: data.agreement, commitment: data.commitment, id: indicator.key, version };
  });
}
